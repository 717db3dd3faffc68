import { exports } from "cloudflare:workers";

export const ORIGIN = "https://portal.test";

/** A tiny cookie jar: enough to follow one person through the API. */
export class Browser {
  cookies = new Map<string, string>();
  /** Who answers: the worker as deployed; fault tests swap in the worker with failing bindings (support/faults.ts). */
  fetcher: (request: Request) => Promise<Response> = (request) => exports.default.fetch(request);
  constructor(readonly ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`) {}

  async request(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    headers.set("CF-Connecting-IP", this.ip);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(init.json);
    }
    if (init.method && init.method !== "GET" && !headers.has("Origin")) headers.set("Origin", ORIGIN);
    if (init.method && init.method !== "GET" && !headers.has("Sec-Fetch-Site"))
      headers.set("Sec-Fetch-Site", "same-origin");
    const response = await this.fetcher(new Request(ORIGIN + path, { ...init, headers, body }));
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...rest] = pair!.split("=");
      const value = rest.join("=");
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(cookie) || value === "") this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    return response;
  }

  post(path: string, json: unknown, headers: Record<string, string> = {}) {
    return this.request(path, { method: "POST", json, headers });
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers });
  }
}

export async function errorOf(
  response: Response,
): Promise<{ code: string; message: string; fields?: { field: string; code: string; message: string }[] }> {
  const body = (await response.json()) as {
    error: { code: string; message: string; fields?: { field: string; code: string; message: string }[] };
  };
  return body.error;
}
