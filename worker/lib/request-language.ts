import type { Language } from "../../shared/api/messages.ts";

/**
 * The language to answer in: `?lang=` first (links in emails carry it), then
 * the first of en/fr in Accept-Language (the client sends the page's
 * language), then English.
 */
export function requestLanguage(url: string, acceptLanguage: string | undefined): Language {
  const query = new URL(url).searchParams.get("lang");
  if (query === "fr" || query === "en") return query;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === "fr" || tag === "en") return tag;
  }
  return "en";
}

/**
 * The client IP as Cloudflare reports it, in full (for the audit log);
 * "unknown" locally without the header. Throttles key on lib/client-ip.ts
 * clientIpKey instead (an IPv6 client by its /64).
 */
export function clientIp(headers: Headers): string {
  return headers.get("CF-Connecting-IP") ?? "unknown";
}
