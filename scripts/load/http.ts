// One simulated person's HTTP session against the portal over loopback: a cookie jar, the
// headers a browser on the portal's own pages sends, its own CF-Connecting-IP (people sign in
// from their own homes; the per-IP throttle is a real defence and is not switched off), and
// every request timed into the shared statistics under its route template.
import type { Stats } from "./stats.ts";

export class Session {
  private cookies = new Map<string, string>();
  constructor(
    private readonly origin: string,
    private readonly ip: string,
    private readonly stats: Stats,
  ) {}

  async request(
    route: string,
    path: string,
    init: { method?: string; json?: unknown; body?: Uint8Array; contentType?: string } = {},
  ): Promise<Response> {
    const headers = new Headers({ "CF-Connecting-IP": this.ip, "Accept-Language": "en-CA" });
    if (this.cookies.size) headers.set("Cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const method = init.method ?? (init.json !== undefined || init.body ? "POST" : "GET");
    let body: BodyInit | undefined;
    if (init.json !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(init.json);
    } else if (init.body) {
      headers.set("Content-Type", init.contentType ?? "application/octet-stream");
      body = init.body as Uint8Array<ArrayBuffer>;
    }
    if (method !== "GET") {
      headers.set("Origin", this.origin);
      headers.set("Sec-Fetch-Site", "same-origin");
    }
    const start = performance.now();
    let response: Response;
    try {
      response = await fetch(this.origin + path, { method, headers, body });
      // The time to the whole answer, as a browser would wait for it.
      const buffered = await response.arrayBuffer();
      response = new Response(buffered, { status: response.status, headers: response.headers });
    } catch (error) {
      this.stats.record(`${method} ${route}`, performance.now() - start, 0);
      throw error;
    }
    this.stats.record(`${method} ${route}`, performance.now() - start, response.status);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const [name, ...rest] = pair!.split("=");
      const value = rest.join("=");
      if (/Max-Age=0/i.test(cookie) || value === "") this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    return response;
  }
}
