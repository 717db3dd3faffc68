import { hydrate, render } from "preact";
import { App, Page } from "./app.tsx";
import { preloadPage } from "./components/lazy-page/index.tsx";
import { isLang, loadMessages } from "./i18n/index.ts";
import { tokenFromFragment } from "./lib/fragment-token.ts";
import { choiceUnknownToServer, initialLanguage } from "./lib/language.ts";
import { startRouter } from "./lib/router.ts";
import { matchRoute, prerenderKey } from "./lib/routes.ts";

/**
 * The language the page was prerendered in, if the HTML is this route's prerendered page and
 * was made for this URL: a page whose first render shows the fragment's token was prerendered
 * with one (`data-prerendered-with="token"`), so without a token it is rendered afresh instead.
 */
function prerenderedLanguage(root: HTMLElement) {
  const lang = document.documentElement.lang;
  if (!isLang(lang) || root.dataset.prerendered !== prerenderKey(matchRoute(location.pathname))) return null;
  if (root.dataset.prerenderedWith === "token" && tokenFromFragment() === "") return null;
  return lang;
}

/**
 * What was typed into a prerendered form before the script was live: hydrating keeps it on the
 * screen but the page's state does not know it, so each changed field tells the page, as typing would.
 */
function keepWhatWasTyped(root: HTMLElement): void {
  for (const field of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")) {
    const isBox = field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio");
    if (isBox && field.checked !== field.defaultChecked) field.dispatchEvent(new Event("change", { bubbles: true }));
    else if (!isBox && field.value !== field.defaultValue) field.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

async function start(root: HTMLElement): Promise<void> {
  const served = prerenderedLanguage(root);
  const lang = served ?? initialLanguage();
  // The page's code and its language's strings before the first render: a prerendered page is
  // then hydrated as it is, with no loading state in between (its HTML preloads both).
  // If the page's code cannot be fetched, the app renders afresh and the page offers to try again.
  const [, pageLoaded] = await Promise.all([
    loadMessages(lang),
    preloadPage(Page({ route: matchRoute(location.pathname) })).then(
      () => true,
      () => false,
    ),
  ]);
  if (served && pageLoaded) {
    hydrate(<App lang={served} switchTo={choiceUnknownToServer()} />, root);
    keepWhatWasTyped(root);
  } else {
    root.textContent = "";
    render(<App lang={lang} />, root);
  }
  delete root.dataset.prerendered;
  // The page is live: the clicks and submissions client/boot.ts held meanwhile are replayed, after
  // the render that gives the page what was typed (a handler sees the state of the last render).
  setTimeout(() => document.dispatchEvent(new Event("app-live")));
}

startRouter();
const root = document.getElementById("app");
if (root) void start(root);
