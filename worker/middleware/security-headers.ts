import { createMiddleware } from "hono/factory";
import type { AppBindings } from "../lib/hono-types.ts";

/*
 * Headers on every response, including errors and static pages.
 * CSP: scripts only from our origin (no inline script, no eval);
 * 'wasm-unsafe-eval' lets the photo editor run its WASM decoders in the
 * browser. frame-ancestors 'none' forbids framing (clickjacking).
 * A prerendered page's one inline script (its boot, decision 023) is allowed
 * on that page alone, by the SHA-256 of its text the build computed: a route
 * names the hashes (c.set("scriptHashes")), and only well-formed SHA-256
 * sources are added, never a keyword ('unsafe-inline') or a host.
 */
declare module "hono" {
  interface ContextVariableMap {
    /** The inline scripts this response's page may run, as CSP sources ("sha256-…"). */
    scriptHashes: readonly string[];
  }
}

const SHA256_SOURCE = /^sha256-[A-Za-z0-9+/]{43}=$/;

function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  const hashes = scriptHashes.filter((hash) => SHA256_SOURCE.test(hash)).map((hash) => ` '${hash}'`);
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval'${hashes.join("")}`,
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": contentSecurityPolicy(),
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
    const scriptHashes = c.get("scriptHashes");
    if (scriptHashes?.length) response.headers.set("Content-Security-Policy", contentSecurityPolicy(scriptHashes));
    if (isNoStorePath(c.req.path)) response.headers.set("Cache-Control", "no-store");
    c.res = response;
  });
}
