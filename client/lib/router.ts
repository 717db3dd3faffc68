/*
 * A tiny History API router: `navigate(path)`, `useRoute()`, and one
 * document-level click listener that turns same-origin link clicks into
 * client-side navigations. Paths the worker serves itself (/api,
 * /review/api, /dev) are always left to the browser.
 */
import { useEffect, useState } from "preact/hooks";

interface RouteState {
  /** `location.pathname` after the last navigation. */
  path: string;
  /** Increments on every navigation (push, replace or back/forward), never on a language change. */
  navigationId: number;
}

// /review is the officers' area of this app; only its API is the worker's.
const SERVER_PATHS = /^\/(api|review\/api|dev)(\/|$)/;

let current: RouteState = { path: typeof location === "undefined" ? "/" : location.pathname, navigationId: 0 };
const listeners = new Set<(state: RouteState) => void>();
let headingFocusPending = false;

/** The page shown, without its fragment: a history entry that differs only by `#…` is the same page. */
const shownPage = () => (typeof location === "undefined" ? "" : location.pathname + location.search);
let shown = shownPage();

function publish(path: string): void {
  shown = shownPage();
  current = { path, navigationId: current.navigationId + 1 };
  headingFocusPending = true;
  for (const listener of listeners) listener(current);
}

/**
 * Goes to another page of the app without reloading. The current `?lang=`
 * is carried over unless `to` sets its own.
 *
 * @example navigate("/home"); navigate("/sign-in", { replace: true })
 */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, location.href);
  if (url.origin !== location.origin || SERVER_PATHS.test(url.pathname)) {
    location.assign(url.href);
    return;
  }
  const lang = new URLSearchParams(location.search).get("lang");
  if (lang && !url.searchParams.has("lang")) url.searchParams.set("lang", lang);
  const target = url.pathname + url.search + url.hash;
  if (options.replace) history.replaceState(null, "", target);
  else history.pushState(null, "", target);
  window.scrollTo(0, 0);
  publish(url.pathname);
}

/**
 * True once after each navigation: the first page heading that mounts takes
 * focus, so keyboard and screen reader users start at the new page's <h1>.
 * The first page load does not move focus.
 */
export function takeHeadingFocus(): boolean {
  const pending = headingFocusPending;
  headingFocusPending = false;
  return pending;
}

/** The current route; re-renders the caller on every navigation. */
export function useRoute(): RouteState {
  const [state, setState] = useState(current);
  useEffect(() => {
    listeners.add(setState);
    // A navigation may have happened between render and subscription.
    if (current !== state) setState(current);
    return () => {
      listeners.delete(setState);
    };
  }, []);
  return state;
}

/**
 * The path to navigate to for a click on `anchor`, or null when the browser
 * should handle it (new tab, download, other origin, server path, same-page #fragment).
 */
function interceptedPath(event: MouseEvent, anchor: HTMLAnchorElement): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  if ((anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return null;
  if (anchor.getAttribute("rel")?.split(/\s+/).includes("external")) return null;
  const href = anchor.getAttribute("href");
  if (href === null || href === "") return null;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || SERVER_PATHS.test(url.pathname)) return null;
  if (url.pathname === location.pathname && url.hash !== "") return null;
  return url.pathname + url.search + url.hash;
}

/** Sets the path the app renders without a browser: the build's prerender (client/prerender.tsx). */
export function setPrerenderPath(path: string): void {
  current = { path, navigationId: 0 };
  headingFocusPending = false;
}

/** Installs the back/forward and link-click listeners. Call once, before the first render. */
export function startRouter(): void {
  window.addEventListener("popstate", () => {
    // A jump to a fragment (the skip link's #main, or Back from it) fires popstate too; it is not a
    // new page, so the page must not remount and pull focus to its heading from where the person is.
    if (shownPage() === shown) return;
    publish(location.pathname);
  });
  document.addEventListener("click", (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    const anchor = target.closest("a");
    if (!anchor) return;
    const path = interceptedPath(event, anchor);
    if (path === null) return;
    event.preventDefault();
    navigate(path);
  });
}
