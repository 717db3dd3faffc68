// Defence: requireCloudflareAccess() (worker/middleware/cloudflare-access.ts)
// closes /review in production unless Cloudflare Access is configured or the
// deployment opts out with REVIEW_WITHOUT_ACCESS = "true".
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../worker/index.ts";
import { ORIGIN } from "../support/http.ts";

async function get(path: string, overrides: Record<string, string | undefined>) {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`${ORIGIN}${path}`), { ...env, ...overrides } as typeof env, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe("/review in production without Cloudflare Access", () => {
  it("answers 503 with a plain message in both languages, to the API and the pages, whatever ENVIRONMENT says if it is not development or test", async () => {
    for (const ENVIRONMENT of ["production", undefined, "staging", "Production"]) {
      const api = await get("/review/api/session", { ENVIRONMENT });
      expect(api.status, String(ENVIRONMENT)).toBe(503);
      expect(((await api.json()) as { error: { code: string; message: string } }).error).toMatchObject({
        code: "review_needs_access",
        message: expect.stringContaining("ACCESS_TEAM_DOMAIN"),
      });
      for (const page of ["/review", "/review/queue"]) {
        const response = await get(page, { ENVIRONMENT });
        expect(response.status, `${page} ${ENVIRONMENT}`).toBe(503);
        const text = await response.text();
        expect(text).toContain("Cloudflare Access");
        expect(text).toContain("L'espace des agents est fermé");
      }
    }
    // The applicants' side is not concerned.
    expect((await get("/api/session", { ENVIRONMENT: "production" })).status).toBe(200);
  });

  it('serves when Access is configured (then the assertion is required), when REVIEW_WITHOUT_ACCESS is exactly "true", and in development and test', async () => {
    // Served means the session answer (200, signed out: no cookie here); refused means 403 or 503.
    expect(
      (
        await get("/review/api/session", {
          ENVIRONMENT: "production",
          ACCESS_TEAM_DOMAIN: "team.cloudflareaccess.com",
          ACCESS_AUD: "aud",
        })
      ).status,
    ).toBe(403);
    expect(
      (await get("/review/api/session", { ENVIRONMENT: "production", ACCESS_TEAM_DOMAIN: "team.cloudflareaccess.com" }))
        .status,
    ).toBe(503);
    expect(
      (await get("/review/api/session", { ENVIRONMENT: "production", REVIEW_WITHOUT_ACCESS: "true" })).status,
    ).toBe(200);
    expect((await get("/review/api/session", { ENVIRONMENT: "production", REVIEW_WITHOUT_ACCESS: "yes" })).status).toBe(
      503,
    );
    expect((await get("/review/api/session", { ENVIRONMENT: "development" })).status).toBe(200);
    expect((await get("/review/api/session", { ENVIRONMENT: "test" })).status).toBe(200);
  });
});
