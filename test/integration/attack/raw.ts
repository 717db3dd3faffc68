// Requests exactly as an attacker's page would make them: only the headers
// given here (the Browser helper adds same-origin headers, which a forged
// request would not carry), with the victim's cookies.
import { exports } from "cloudflare:workers";
import type { Browser } from "../../support/http.ts";
import { ORIGIN } from "../../support/http.ts";

export async function rawRequest(
  path: string,
  init: { method: string; headers?: Record<string, string>; body?: BodyInit | null; cookiesOf?: Browser },
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.cookiesOf?.cookies.size)
    headers.set("Cookie", [...init.cookiesOf.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
  if (!headers.has("CF-Connecting-IP")) headers.set("CF-Connecting-IP", init.cookiesOf?.ip ?? "203.0.113.9");
  return exports.default.fetch(new Request(ORIGIN + path, { method: init.method, headers, body: init.body ?? null }));
}
