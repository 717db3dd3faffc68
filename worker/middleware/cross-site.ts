import { createMiddleware } from "hono/factory";
import { AppError } from "../lib/errors.ts";
import type { AppBindings } from "../lib/hono-types.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests that a browser made on behalf of another
 * site. Browsers send Sec-Fetch-Site on every request (Chrome, Firefox, Edge
 * all do) and Origin on every POST; either one naming another site is
 * refused. Requests with neither header do not come from a browser, so they
 * cannot carry a victim's cookies across sites.
 */
export function rejectCrossSite() {
  return createMiddleware<AppBindings>(async function rejectCrossSite(c, next) {
    if (!SAFE_METHODS.has(c.req.method)) {
      const site = c.req.header("Sec-Fetch-Site");
      if (site && site !== "same-origin" && site !== "none") {
        throw new AppError(403, "cross_site_request", "errors.crossSite");
      }
      const origin = c.req.header("Origin");
      if (origin !== undefined) {
        const allowed = new Set([new URL(c.req.url).origin, new URL(c.env.PUBLIC_ORIGIN).origin]);
        if (!allowed.has(origin)) throw new AppError(403, "cross_site_request", "errors.crossSite");
      }
    }
    await next();
  });
}
