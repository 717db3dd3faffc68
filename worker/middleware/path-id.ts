import { createMiddleware } from "hono/factory";
import { AppError } from "../lib/errors.ts";
import type { AppBindings } from "../lib/hono-types.ts";

/**
 * The path's `:name` as a positive whole number on `c.var[name]`, or 404 for one that cannot name a
 * row. Route middleware, placed before the body's `jsonBody(Schema)` so that the 404 still answers
 * before a body's 415/400/422 (decision 022).
 *
 * @example .post("/items/:submissionId/return", signedInOfficer(), pathId("submissionId"), jsonBody(ReturnBody), …)
 */
export const pathId = <N extends string>(name: N) =>
  createMiddleware<AppBindings & { Variables: { [K in N]: number } }>(async (c, next) => {
    const id = Number(c.req.param(name));
    if (!Number.isSafeInteger(id) || id < 1) throw new AppError(404, "not_found", "errors.notFound");
    c.set(name, id as never);
    await next();
  });
