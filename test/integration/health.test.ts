import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { Browser } from "../support/http.ts";

describe("GET /healthz", () => {
  it("answers ok with the security headers, reads no session and writes nothing", async () => {
    const before = (await env.DB.prepare("select count(*) as n from sessions").first<{ n: number }>())!.n;
    const response = await new Browser().get("/healthz");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Security-Policy")).toBeTruthy();
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect((await env.DB.prepare("select count(*) as n from sessions").first<{ n: number }>())!.n).toBe(before);
    // State changes are not routed here.
    expect([404, 405]).toContain((await new Browser().post("/healthz", {})).status);
  });
});
