// worker/routes/confirmed-holders.ts: the one helper behind the public routes that take an account's
// email (forgot password, another way's sign-in help): the answer first, then the work, only for
// holders whose owner confirmed the address, each capped per account.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppBindings } from "../../worker/lib/hono-types.ts";
import { requestContext } from "../../worker/middleware/context.ts";
import { forConfirmedHoldersAfterResponse } from "../../worker/routes/confirmed-holders.ts";
import { acceptedFamily, signedInApplicant, unique } from "../support/factories.ts";

/** A route that answers at once and counts, after the response, the accounts the work ran for. */
function countingApp(eligible?: (account: { email: string }) => boolean) {
  const ran: string[] = [];
  const app = new Hono<AppBindings>().use(requestContext()).post("/ask", async (c) => {
    const { email, capName } = (await c.req.json()) as { email: string; capName: string };
    forConfirmedHoldersAfterResponse(
      c,
      { email, capName, perAccount: { limit: 2, windowSeconds: 3600 }, eligible, whenItFails: "test work failed" },
      async (account) => {
        ran.push(account.email.toLowerCase());
        return [];
      },
    );
    return c.json({ received: true }, 202);
  });
  async function ask(email: string, capName: string) {
    const start = ran.length;
    const ctx = createExecutionContext();
    const response = await app.request(
      "/ask",
      { method: "POST", body: JSON.stringify({ email, capName }), headers: { "Content-Type": "application/json" } },
      env,
      ctx,
    );
    const before = ran.length;
    await waitOnExecutionContext(ctx);
    return { status: response.status, ranBeforeAnswer: before - start, ranAfter: ran.length - before };
  }
  return { ran, ask };
}

describe("the confirmed holders' work after the response", () => {
  it("answers before the work, runs it for a confirmed address's account, never for an unknown one, and at most the cap per account", async () => {
    const applicant = await signedInApplicant();
    const { ran, ask } = countingApp();
    const cap = `test-${unique()}`;
    const first = await ask(applicant.principalEmail.toUpperCase(), cap);
    expect(first).toEqual({ status: 202, ranBeforeAnswer: 0, ranAfter: 1 });
    expect(ran).toEqual([applicant.principalEmail.toLowerCase()]);
    expect((await ask(applicant.principalEmail, cap)).ranAfter).toBe(1);
    // The third within the window: capped, silently.
    expect(await ask(applicant.principalEmail, cap)).toEqual({ status: 202, ranBeforeAnswer: 0, ranAfter: 0 });
    expect((await ask(`nobody-${unique()}@example.com`, cap)).ranAfter).toBe(0);
  });

  it("skips an account whose owner has not confirmed the address, and an account the route does not serve", async () => {
    const applicant = await signedInApplicant();
    await env.DB.prepare("DELETE FROM confirmed_email_addresses WHERE email = ?")
      .bind(applicant.principalEmail.toLowerCase())
      .run();
    const unconfirmed = countingApp();
    expect((await unconfirmed.ask(applicant.principalEmail, `test-${unique()}`)).ranAfter).toBe(0);

    const other = await acceptedFamily();
    const served = countingApp((account) => account.email.toLowerCase() !== other.principalEmail.toLowerCase());
    expect((await served.ask(other.principalEmail, `test-${unique()}`)).ranAfter).toBe(0);
    const all = countingApp();
    expect((await all.ask(other.principalEmail, `test-${unique()}`)).ranAfter).toBe(1);
  });
});
