import { createMiddleware } from "hono/factory";
import { AppError } from "../lib/errors.ts";
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
    const declared = raw.headers.get("Content-Length");
    if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxSize) throw tooLarge();
    const reader = raw.body.getReader();
    const parts: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxSize) {
        await reader.cancel();
        throw tooLarge();
      }
      parts.push(value);
    }
    const body = new Uint8Array(size);
    let offset = 0;
    for (const part of parts) {
      body.set(part, offset);
      offset += part.byteLength;
    }
    // The route reads these bytes; the header no longer has a say.
    const headers = new Headers(raw.headers);
    headers.delete("Content-Length");
    c.req.raw = new Request(raw, { body, headers });
    await next();
  });
}
