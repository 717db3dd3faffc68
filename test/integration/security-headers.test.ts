import { describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../../worker/middleware/security-headers.ts";
import { Browser } from "../support/http.ts";

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
