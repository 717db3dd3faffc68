import { isLang, pickLanguage, type Lang } from "../i18n/index.ts";

// The choice is kept in a cookie, which the worker reads to serve a prerendered page in that
// language (decision 023), and in localStorage, where choices made before the cookie existed are.
// Neither is a secret: a language, nothing more.
const STORAGE_KEY = "lang";
const COOKIE_NAME = "lang";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

function cookieLanguage(): Lang | null {
  for (const part of document.cookie.split(";")) {
    const [name, value] = part.trim().split("=", 2);
    if (name === COOKIE_NAME && isLang(value)) return value;
  }
  return null;
}

function storageLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled (private mode, policy)
  }
}

/** Remembers the person's choice for their next visit (the cookie for the server, storage for the client). */
export function storeLanguage(lang: Lang): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from Firefox 133 and Safari 18.2, which the portal supports; the value is "en" or "fr", nothing to escape
  document.cookie = `${COOKIE_NAME}=${lang}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not fatal: the cookie and ?lang= in the URL still carry the choice.
  }
}

/**
 * The language of a page the client renders itself: `?lang=`, then the choice made before
 * (cookie, then storage), then the browser's preference; the worker decides a prerendered
 * page's language by the same order (worker/lib/page-language.ts).
 */
export function initialLanguage(): Lang {
  const fromQuery = new URLSearchParams(location.search).get("lang");
  return pickLanguage(fromQuery, cookieLanguage() ?? storageLanguage(), navigator.languages ?? [navigator.language]);
}

/**
 * A choice the server could not see: kept only in storage (made before the cookie existed) and
 * neither in `?lang=` nor in the cookie. The app switches to it once the served page is live.
 */
export function choiceUnknownToServer(): Lang | null {
  if (new URLSearchParams(location.search).has("lang") || cookieLanguage()) return null;
  const stored = storageLanguage();
  return isLang(stored) ? stored : null;
}
