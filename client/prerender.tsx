/*
 * Build time only (scripts/lib/prerender.mjs runs it in Node, never shipped to browsers): each
 * page's first render, as the client's first render will be, in both languages, so the worker can
 * serve it and the client hydrate it (decision 023). Public pages render whole; signed-in pages
 * render their shell (header, heading, the loading state), because their data comes from the API.
 */
import { renderToString } from "preact-render-to-string";
import { App, Page } from "./app.tsx";
import { preloadPage } from "./components/lazy-page/index.tsx";
import { LANGS, loadMessages, type Lang } from "./i18n/index.ts";
import { setPrerenderPath } from "./lib/router.ts";
import { takeRenderedTitle } from "./lib/use-page-title.ts";
import { PRERENDER_SAMPLE_PATHS, SAMPLE_PERSON_IDS, matchRoute, prerenderKey } from "../shared/pages/routes.ts";

export interface PrerenderedPage {
  /** The file's name (shared/pages/routes.ts prerenderKey). */
  key: string;
  lang: Lang;
  /** The markup inside #app. */
  html: string;
  /** The page's <title>, as the client sets it. */
  title: string;
  /** Rendered with a token in the URL fragment (emailed links): without one the client renders afresh. */
  withToken: boolean;
  /** The page's own module, whose chunk the HTML preloads. */
  pageModule: string;
}

export interface Prerender {
  pages: PrerenderedPage[];
  /** Pages left to the client, each with the reason. */
  skipped: string[];
}

const SAMPLE_TOKEN = "#token=prerender-sample-token";
const SAMPLE_QUERY = "?ref=prerender-sample&code=prerender-sample";

/** Renders `path` as the client's first render would, with `location` holding the given query and fragment. */
async function renderAt(path: string, lang: Lang, search = "", hash = ""): Promise<{ html: string; title: string }> {
  const href = `https://portal.invalid${path}${search}${hash}`;
  Object.defineProperty(globalThis, "location", {
    value: { pathname: path, search, hash, href, origin: "https://portal.invalid" },
    configurable: true,
    writable: true,
  });
  setPrerenderPath(path);
  takeRenderedTitle();
  await preloadPage(Page({ route: matchRoute(path) }));
  const html = renderToString(<App lang={lang} />);
  return { html, title: takeRenderedTitle() };
}

/** "checkAnswers" → "client/pages/check-answers/index.tsx": where each page's module is by convention. */
function pageModuleOf(routeName: string): string {
  return `client/pages/${routeName.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}/index.tsx`;
}

/** Every page of the route table (shared/pages/routes.ts) in both languages, or why it is not prerendered. */
export async function prerenderPages(): Promise<Prerender> {
  const pages: PrerenderedPage[] = [];
  const skipped: string[] = [];
  const done = new Set<string>();
  for (const path of PRERENDER_SAMPLE_PATHS) {
    const route = matchRoute(path);
    const key = prerenderKey(route);
    if (key === null || done.has(key)) continue;
    done.add(key);
    for (const lang of LANGS) {
      await loadMessages(lang);
      try {
        const plain = await renderAt(path, lang);
        // A first render that shows the query would differ from what the client renders.
        if ((await renderAt(path, lang, SAMPLE_QUERY)).html !== plain.html) {
          skipped.push(`${key}: its first render shows the query string`);
          break;
        }
        // Nor may a person's page show the id in its shell: one file serves every id.
        const otherId = path.replace(String(SAMPLE_PERSON_IDS[0]), String(SAMPLE_PERSON_IDS[1]));
        if (otherId !== path && (await renderAt(otherId, lang)).html !== plain.html) {
          skipped.push(`${key}: its first render shows the person's id`);
          break;
        }
        const token = await renderAt(path, lang, "", SAMPLE_TOKEN);
        const withToken = token.html !== plain.html;
        const chosen = withToken ? token : plain;
        pages.push({
          key,
          lang,
          html: chosen.html,
          title: chosen.title,
          withToken,
          pageModule: pageModuleOf(route.name),
        });
      } catch (error) {
        skipped.push(`${key}: its first render needs a browser (${(error as Error).message})`);
        break;
      }
    }
  }
  // A page skipped in one language is served in neither: the worker falls back to the client's render.
  const skippedKeys = new Set(skipped.map((reason) => reason.split(":")[0]));
  return { pages: pages.filter((page) => !skippedKeys.has(page.key)), skipped };
}
