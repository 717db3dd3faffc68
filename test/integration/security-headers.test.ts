import { describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../../worker/middleware/security-headers.ts";
import { Browser } from "../support/http.ts";
import { signedInOfficer } from "../support/officers.ts";

function expectSecurityHeaders(response: Response) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name), name).toBe(value);
  const csp = response.headers.get("Content-Security-Policy")!;
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain("unsafe-inline");
  expect(response.headers.get("Strict-Transport-Security")).toMatch(/max-age=31536000/);
}

describe("security headers", () => {
  it("are on a 200 page, a 200 API answer, a 404 and a 500", async () => {
    const browser = new Browser();
    const page = await browser.get("/");
    expect(page.status).toBe(200);
    expectSecurityHeaders(page);

    const api = await browser.get("/api/session");
    expect(api.status).toBe(200);
    expectSecurityHeaders(api);

    const missing = await browser.get("/api/no-such-thing");
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
  });
});

describe("Cache-Control: no-store on the JSON APIs", () => {
  it("on every /review/api answer: the officers' queue, their errors and unknown paths", async () => {
    const officer = await signedInOfficer();
    const queue = await officer.browser.get("/review/api/queue");
    expect(queue.status).toBe(200);
    expect(queue.headers.get("Cache-Control")).toBe("no-store");
    expectSecurityHeaders(queue);

    const notClaimed = await officer.browser.post("/review/api/items/999999999/claim", {});
    expect(notClaimed.status).toBe(404);
    expect(notClaimed.headers.get("Cache-Control")).toBe("no-store");

    const malformed = await officer.browser.request("/review/api/items/1/return", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);
    expect(malformed.headers.get("Cache-Control")).toBe("no-store");

    const signedOut = await new Browser().get("/review/api/queue");
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get("Cache-Control")).toBe("no-store");

    for (const path of ["/review/api/no-such-thing", "/review/api", "/review/api/items/1/no-such-thing"]) {
      const missing = await officer.browser.get(path);
      expect(missing.status, path).toBe(404);
      expect(missing.headers.get("Cache-Control"), path).toBe("no-store");
      expectSecurityHeaders(missing);
    }
  });

  it("on /api answers as before, and not on pages", async () => {
    const browser = new Browser();
    expect((await browser.get("/api/session")).headers.get("Cache-Control")).toBe("no-store");
    expect((await browser.get("/api/no-such-thing")).headers.get("Cache-Control")).toBe("no-store");
    expect((await browser.get("/review")).headers.get("Cache-Control")).not.toBe("no-store");
  });
});
