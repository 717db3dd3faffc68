import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../worker/index.ts";
import { SECURITY_HEADERS } from "../../worker/middleware/security-headers.ts";
import { Browser, ORIGIN, errorOf } from "../support/http.ts";
import { signedInApplicant } from "../support/factories.ts";

describe("cross-site requests", () => {
  it("refuses a POST another site made (Sec-Fetch-Site or Origin)", async () => {
    const applicant = await signedInApplicant();
    const crossSite = await applicant.browser.post(
      "/api/account/language",
      { language: "fr" },
      { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" },
    );
    expect(crossSite.status).toBe(403);
    expect((await errorOf(crossSite)).code).toBe("cross_site_request");
    const sameSite = await applicant.browser.post(
      "/api/account/language",
      { language: "fr" },
      { "Sec-Fetch-Site": "same-site" },
    );
    expect(sameSite.status).toBe(403);
    const foreignOrigin = await applicant.browser.post(
      "/api/auth/sign-out",
      {},
      { "Sec-Fetch-Site": "", Origin: "https://evil.example" },
    );
    expect(foreignOrigin.status).toBe(403);
    // Still signed in: the refused requests changed nothing.
    expect(((await (await applicant.browser.get("/api/session")).json()) as { signedIn: boolean }).signedIn).toBe(true);
    const sameOrigin = await applicant.browser.post("/api/account/language", { language: "fr" }, { Origin: ORIGIN });
    expect(sameOrigin.status).toBe(200);
  });
});

describe("the one error path", () => {
  it("an unexpected failure is a generic 500 JSON with the security headers, in the request's language", async () => {
    const applicant = await signedInApplicant();
    // A database that fails: the boundary, not the code under test.
    const brokenDb = new Proxy(env.DB, {
      get() {
        return () => {
          throw new Error("D1 is down");
        };
      },
    });
    const cookie = [...applicant.browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const ctx = createExecutionContext();
    const response = await worker.fetch(
      new Request(`${ORIGIN}/api/session`, { headers: { Cookie: cookie, "Accept-Language": "fr" } }),
      { ...env, DB: brokenDb },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("internal_error");
    expect(body.error.message).toContain("Un problème est survenu");
    expect(body.error.message).not.toContain("D1");
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(response.headers.get(name), name).toBe(value);
  });

  it("unknown API paths are JSON 404s, and /dev is closed in production", async () => {
    const missing = await new Browser().get("/api/nope");
    expect(missing.status).toBe(404);
    expect((await errorOf(missing)).code).toBe("not_found");

    const ctx = createExecutionContext();
    const production = await worker.fetch(
      new Request(`${ORIGIN}/dev/mailbox`),
      { ...env, ENVIRONMENT: "production" },
      ctx,
    );
    expect(production.status).toBe(404);
    const development = await worker.fetch(
      new Request(`${ORIGIN}/dev/mailbox`),
      { ...env, ENVIRONMENT: "development" },
      ctx,
    );
    expect(development.status).toBe(200);
    expect(await development.text()).toContain("Development mailbox");
    await waitOnExecutionContext(ctx);
  });
});
