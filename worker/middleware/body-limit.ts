import { createMiddleware } from "hono/factory";
import { AppError } from "../lib/errors.ts";
import { readBodyWithin } from "../lib/read-body.ts";
import type { AppBindings } from "../lib/hono-types.ts";

/**
 * Refuses a request body over `maxSize` bytes with 413 `body_too_large`.
 * Unlike hono/body-limit, which believes any Content-Length header (a false
 * "10" or a non-numeric one let the route read a body of any size), this
 * counts the bytes that actually arrive; a valid header over the limit only
 * lets it refuse sooner.
 */
export function limitBody(maxSize: number) {
  const tooLarge = () => new AppError(413, "body_too_large", "errors.bodyTooLarge");
  return createMiddleware<AppBindings>(async function limitBody(c, next) {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const body = await readBodyWithin(raw, maxSize, tooLarge);
    // The route reads these bytes; the header no longer has a say.
    const headers = new Headers(raw.headers);
    headers.delete("Content-Length");
    c.req.raw = new Request(raw, { body, headers });
    await next();
  });
}
