/*
 * The script of a prerendered page (decision 023). The page is painted from its HTML alone; the
 * app's code is fetched only after that first paint, so on a slow link it does not compete with the
 * stylesheet for the bandwidth the first paint needs. The build lists the chunks the page will need
 * (data-after-paint): they are preloaded then, in parallel with the entry.
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

function loadApp(): void {
  const script = document.querySelector<HTMLScriptElement>("script[data-after-paint]");
  for (const href of script?.dataset.afterPaint?.split(" ").filter(Boolean) ?? []) {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = href;
    document.head.append(link);
  }
  void import("./main.tsx");
}

// Once the document and its stylesheet are loaded, after the next frame: the page's text is then
// painted, the largest paint included (a long page's may come after the first one). A hidden tab
// paints no frame, so there a task starts it.
function afterPaint(): void {
  if (document.visibilityState === "hidden") setTimeout(loadApp);
  else requestAnimationFrame(() => setTimeout(loadApp));
}
if (document.readyState === "complete") afterPaint();
else addEventListener("load", afterPaint, { once: true });
