import { createMiddleware } from "hono/factory";
import { hitRateLimit } from "../data/rate-limits.ts";
import { AppError } from "../lib/errors.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import { clientIpKey } from "../lib/client-ip.ts";

/**
 * Per-IP throttle keyed on CF-Connecting-IP (an IPv6 client by its /64:
 * lib/client-ip.ts), counted in D1 so it holds across isolates. `bucket`
 * separates limits (sign-in, forgot-password, invitation).
 */
export function throttleByIp(bucket: string, options: { limit: number; windowSeconds: number; countReads?: boolean }) {
  if (options.limit < 1 || options.windowSeconds < 1)
    throw new Error("throttleByIp: limit and window must be positive");
  return createMiddleware<AppBindings>(async function throttleByIp(c, next) {
    // Reads are counted only where guessing is the threat (e.g. /verify codes).
    if (c.req.method !== "GET" || options.countReads) {
      const key = `ip:${bucket}:${clientIpKey(c.req.raw.headers)}`;
      const { allowed, retryAfterSeconds } = await hitRateLimit(c.var.db, key, options.limit, options.windowSeconds);
      if (!allowed) {
        throw new AppError(429, "too_many_attempts", "errors.tooManyAttempts", {
          params: { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
          headers: { "Retry-After": String(retryAfterSeconds) },
        });
      }
    }
    await next();
  });
}
