import type { Language } from "../../shared/api/messages.ts";
import { requestLanguage } from "./request-language.ts";

/**
 * The language to serve a prerendered page in, in the order the client picks it
 * (client/lib/language.ts): `?lang=`, then the choice the person made before (the `lang` cookie
 * the client writes when they switch), then Accept-Language, then English.
 */
export function pageLanguage(
  url: string,
  cookieHeader: string | undefined,
  acceptLanguage: string | undefined,
): Language {
  if (new URL(url).searchParams.has("lang")) return requestLanguage(url, acceptLanguage);
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, value] = part.trim().split("=", 2);
    if (name === "lang" && (value === "en" || value === "fr")) return value;
  }
  return requestLanguage(url, acceptLanguage);
}
