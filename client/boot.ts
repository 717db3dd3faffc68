/*
 * The script of a prerendered page (decision 023), inlined in its HTML by the build (allowed by its
 * SHA-256 in the page's Content-Security-Policy, scripts/lib/prerender.mjs and
 * worker/middleware/security-headers.ts): the page is painted from its HTML and stylesheet alone,
 * with no request for a script before that paint. The app's code is fetched only once the browser
 * reports the page's largest paint on screen: the entry and the chunks the page needs, listed by the
 * build in data-after-paint (the entry first), preloaded then, in parallel.
 *
 * Until the app is live (client/main.tsx dispatches APP_LIVE once it has hydrated), a press on a
 * button or an app link, and a form's submission, are held and replayed then, in order: the page
 * answers them as it would have a moment later, and a form never goes to the server by itself.
 * What is typed meanwhile stays in the fields (main.tsx hands it to the page).
 */
const APP_LIVE = "app-live";
const held: HTMLElement[] = [];

/** The element a click activates, if it is one the app handles: a button, or a link within the app. */
function heldTarget(event: MouseEvent): HTMLElement | null {
  if (!(event.target instanceof Element) || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const element = event.target.closest<HTMLElement>("button, input[type=submit], a[href]");
  if (!(element instanceof HTMLAnchorElement)) return element;
  const href = element.getAttribute("href") ?? "";
  // A new tab, a download or another site is the browser's; so is a jump within the page.
  if (element.target || element.hasAttribute("download") || href.startsWith("#")) return null;
  return new URL(element.href).origin === location.origin ? element : null;
}

function holdClick(event: MouseEvent): void {
  const target = heldTarget(event);
  if (!target) return;
  event.preventDefault();
  event.stopPropagation();
  held.push(target);
}

function holdSubmit(event: SubmitEvent): void {
  event.preventDefault();
  event.stopPropagation();
  const form = event.target;
  if (form instanceof HTMLFormElement) held.push(form);
}

document.addEventListener("click", holdClick, true);
document.addEventListener("submit", holdSubmit, true);
document.addEventListener(
  APP_LIVE,
  () => {
    document.removeEventListener("click", holdClick, true);
    document.removeEventListener("submit", holdSubmit, true);
    for (const element of held.splice(0)) {
      if (!element.isConnected) continue;
      if (element instanceof HTMLFormElement) element.requestSubmit();
      else element.click();
    }
  },
  { once: true },
);

let loading = false;

function loadApp(): void {
  if (loading) return;
  loading = true;
  const script = document.querySelector<HTMLScriptElement>("script[data-after-paint]");
  const [entry, ...chunks] = script?.dataset.afterPaint?.split(" ").filter(Boolean) ?? [];
  if (!entry) return;
  for (const href of [entry, ...chunks]) {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = href;
    document.head.append(link);
  }
  void import(entry);
}

/** The paint boot waits for: the largest, else the first (a browser that reports no largest one). */
const PAINT_ENTRY = ["largest-contentful-paint", "paint"].find((type) =>
  PerformanceObserver.supportedEntryTypes.includes(type),
);
/** After `load`, the longest boot waits for the paint's report (none comes once the reader has pressed a key, say). */
const PAINT_REPORT_WAIT_MS = 1000;

// The browser reports a paint once it is on screen; a task later the app is fetched, so nothing of
// it is requested before the page's largest paint (a long page's may come after its first one).
// A hidden tab paints nothing: there a task starts it.
if (document.visibilityState === "hidden" || !PAINT_ENTRY) setTimeout(loadApp);
else {
  const observer = new PerformanceObserver((list) => {
    // Of the paint entries, the first contentful one (a first paint may be the background alone).
    if (!list.getEntries().some((entry) => entry.name !== "first-paint")) return;
    observer.disconnect();
    setTimeout(loadApp);
  });
  observer.observe({ type: PAINT_ENTRY, buffered: true });
  const wait = () => setTimeout(loadApp, PAINT_REPORT_WAIT_MS);
  if (document.readyState === "complete") wait();
  else addEventListener("load", wait, { once: true });
}
