import { createMiddleware } from "hono/factory";
import { representativeAccess } from "../lib/config.ts";
import { handleNotFound } from "../lib/error-response.ts";
import type { AppBindings } from "../lib/hono-types.ts";

/**
 * REPRESENTATIVE_ACCESS (decision 026): while it is not "on", every representative route answers
 * exactly as a route that does not exist, so nothing tells that the feature is there.
 */
export function onlyWithRepresentatives() {
  return createMiddleware<AppBindings>(async (c, next) => {
    if (!representativeAccess(c.env)) return handleNotFound(c);
    await next();
  });
}
