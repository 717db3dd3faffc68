import { createMiddleware } from "hono/factory";
import type { AppBindings } from "../lib/hono-types.ts";

/*
 * Headers on every response, including errors and static pages.
 * CSP: scripts only from our origin (no inline script, no eval);
 * 'wasm-unsafe-eval' lets the photo editor run its WASM decoders in the
 * browser. frame-ancestors 'none' forbids framing (clickjacking).
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/**
 * JSON APIs whose answers carry personal data (the applicant's /api and the
 * officers' /review/api: names, UCI, date of birth, address): no browser or
 * proxy may keep a copy, whatever the status (success, error or 404).
 */
const NO_STORE_PREFIXES = ["/api", "/review/api"];

function isNoStorePath(path: string): boolean {
  return NO_STORE_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

export function securityHeaders() {
  return createMiddleware<AppBindings>(async function securityHeaders(c, next) {
    await next();
    // Responses from ASSETS.fetch are immutable: copy before setting headers.
    const response = new Response(c.res.body, c.res);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
    if (isNoStorePath(c.req.path)) response.headers.set("Cache-Control", "no-store");
    c.res = response;
  });
}
