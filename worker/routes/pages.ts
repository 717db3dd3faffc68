import { Hono, type Context } from "hono";
import { isRepresentativePage, matchRoute, prerenderKey } from "../../shared/pages/routes.ts";
import { representativeAccess } from "../lib/config.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import { pageLanguage } from "../lib/page-language.ts";

/*
 * The client's pages (decision 023). A page path gets its prerendered HTML in the request's
 * language (dist/client/_pages/<lang>/<key>.html, written by the build), which the client hydrates;
 * the officers' area and a moved page get the client's plain shell (index.html), which it renders.
 * Anything else is a static file (scripts, styles, the face models), or, when there is no such
 * file, the not-found page, answered 200 as the single-page fallback always was.
 */

const PRERENDERED_DIR = "/_pages";
/** The SHA-256 sources of the prerendered pages' inline script, as the build computed them (scripts/lib/prerender.mjs). */
const SCRIPT_HASHES = `${PRERENDERED_DIR}/script-hashes.json`;

/** The same page differs by language, which the URL alone does not say. */
const VARY = "Cookie, Accept-Language";

async function asset(c: Context<AppBindings>, path: string): Promise<Response | null> {
  const response = await c.env.ASSETS.fetch(new Request(new URL(path, c.req.url), { method: c.req.method }));
  return response.ok ? response : null;
}

/** The build's list, read with each page so that it always matches the files served beside it. */
async function scriptHashes(c: Context<AppBindings>): Promise<string[]> {
  const file = await c.env.ASSETS.fetch(new Request(new URL(SCRIPT_HASHES, c.req.url)));
  const hashes: unknown = file.ok ? await file.json().catch(() => []) : [];
  return Array.isArray(hashes) ? hashes.filter((hash) => typeof hash === "string") : [];
}

async function page(c: Context<AppBindings>, key: string | null): Promise<Response> {
  const lang = pageLanguage(c.req.url, c.req.header("Cookie"), c.req.header("Accept-Language"));
  const [prerendered, hashes] = key
    ? await Promise.all([asset(c, `${PRERENDERED_DIR}/${lang}/${key}`), scriptHashes(c)])
    : [null, []];
  // Its inline script may run on the prerendered page only (middleware/security-headers.ts).
  if (prerendered) c.set("scriptHashes", hashes);
  // A page the build could not prerender (it says why) falls back to the shell, as does no key.
  const html = prerendered ?? (await asset(c, "/"));
  if (!html) return c.env.ASSETS.fetch(c.req.raw);
  const response = new Response(html.body, html);
  response.headers.append("Vary", VARY);
  return response;
}

export const pageRoutes = new Hono<AppBindings>()
  // The prerendered files are served only as the pages they are, at the pages' own paths.
  .get(`${PRERENDERED_DIR}/*`, (c) => page(c, prerenderKey({ name: "notFound" })))
  .get("*", async (c) => {
    const route = matchRoute(c.req.path);
    // With REPRESENTATIVE_ACCESS off, the representatives' pages are unknown paths (decision 026).
    if (isRepresentativePage(route) && !representativeAccess(c.env)) return page(c, prerenderKey({ name: "notFound" }));
    if (route.name !== "notFound") return page(c, prerenderKey(route));
    return (await asset(c, c.req.path)) ?? page(c, prerenderKey(route));
  })
  // A prerendered form sent before the page's script was live (its forms are method="post",
  // scripts/lib/prerender.mjs): the page again, by GET; the body is never read.
  .post("*", (c) => {
    const route = matchRoute(c.req.path);
    if (route.name === "notFound" || prerenderKey(route) === null) return c.env.ASSETS.fetch(c.req.raw);
    const url = new URL(c.req.url);
    return c.redirect(url.pathname + url.search, 303);
  })
  .all("*", (c) => c.env.ASSETS.fetch(c.req.raw));
