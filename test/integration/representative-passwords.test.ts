// A representative's forgotten password and locked account (decision 026): the applicant's
// forgot-password → emailed link (its token in the fragment) → new password flow, served by kind
// (worker/data/reset-tokens.ts, routes/auth.ts, routes/confirmed-holders.ts) with the same per-address
// and per-IP limits and the same answer whether or not the address has an account; the reset ends
// every session of theirs; the lock email in a representative's words; nothing with the setting off.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { REPRESENTATIVE_COOKIE } from "../../worker/middleware/representative-session.ts";
import { eventuallyMail, latestMail, signedInApplicant } from "../support/factories.ts";
import { useBindings } from "../support/faults.ts";
import { Browser, errorOf } from "../support/http.ts";
import { confirmAddress, invite, signedInRepresentative } from "../support/representatives.ts";

const NEW_PASSWORD = "harbour lights over the ferry";

const tokensOf = async (representativeId: number) =>
  (
    await env.DB.prepare("SELECT token_hash, used_at FROM representative_reset_tokens WHERE representative_id = ?")
      .bind(representativeId)
      .all<{ token_hash: string; used_at: string | null }>()
  ).results;

const idOf = async (username: string) =>
  (await env.DB.prepare("SELECT id FROM representatives WHERE username = ?").bind(username).first<{ id: number }>())!
    .id;

const auditOf = async (representativeId: number, action: string) =>
  (
    await env.DB.prepare(
      "SELECT actor_kind FROM audit_log WHERE actor_kind = 'representative' AND actor_id = ? AND action = ?",
    )
      .bind(String(representativeId), action)
      .all()
  ).results;

/** Waits until the background work wrote `count` links for the representative. */
async function linksWritten(representativeId: number, count: number) {
  await expect.poll(async () => (await tokensOf(representativeId)).length, { timeout: 5000 }).toBe(count);
}

describe("a representative who forgot their password", () => {
  it("gets a link at their confirmed address, with the same answer as an unknown address; the link's token is in the fragment and only its hash is stored", async () => {
    const applicant = await signedInApplicant();
    const rep = await signedInRepresentative(applicant.browser);
    const id = await idOf(rep.username);
    const unknown = await new Browser().post("/api/auth/forgot-password", { email: "nobody-here@law.example" });
    const known = await new Browser().post("/api/auth/forgot-password", { email: rep.email.toUpperCase() });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.text()).toBe(await unknown.text());
    const mail = await eventuallyMail(rep.email, "password_reset_link");
    expect(mail.textBody).toContain("/reset-password?lang=en#token=⟦token⟧");
    expect(mail.textBody).toContain("Hello Morgan Avocat,");
    const stored = await tokensOf(id);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toBe(mail.secrets.token);
    expect(await auditOf(id, "password.reset_requested")).toHaveLength(1);
  });

  it("sets a new password with the link, which ends every session of theirs, emails a notice, and works once", async () => {
    const applicant = await signedInApplicant();
    const rep = await signedInRepresentative(applicant.browser);
    const second = new Browser();
    expect((await second.post("/api/auth/sign-in", { username: rep.username, password: rep.password })).status).toBe(
      200,
    );
    await new Browser().post("/api/auth/forgot-password", { email: rep.email });
    const token = (await eventuallyMail(rep.email, "password_reset_link")).secrets.token!;
    const weak = await new Browser().post("/api/auth/reset-password", {
      token,
      newPassword: rep.username,
      confirmPassword: rep.username,
    });
    expect(weak.status).toBe(422);
    const resetter = new Browser();
    const reset = await resetter.post("/api/auth/reset-password", {
      token,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(reset.status).toBe(200);
    for (const browser of [rep.browser, second]) expect((await browser.get("/api/representing")).status).toBe(401);
    expect((await latestMail(rep.email, "password_changed")).textBody).toContain("reset with an emailed link");
    const old = await new Browser().post("/api/auth/sign-in", { username: rep.username, password: rep.password });
    expect((await errorOf(old)).code).toBe("invalid_credentials");
    const fresh = new Browser();
    const signIn = await fresh.post("/api/auth/sign-in", { username: rep.username, password: NEW_PASSWORD });
    expect(await signIn.json()).toEqual({ mustSetPassword: false, representative: true });
    expect(fresh.cookies.has(REPRESENTATIVE_COOKIE)).toBe(true);
    const again = await new Browser().post("/api/auth/reset-password", {
      token,
      newPassword: "another passphrase entirely",
      confirmPassword: "another passphrase entirely",
    });
    expect((await errorOf(again)).code).toBe("reset_link_invalid");
    expect(await auditOf(await idOf(rep.username), "password.reset")).toHaveLength(1);
  });

  it("gets at most 3 links an hour, however many addresses ask, and the route's per-IP limit holds", async () => {
    const applicant = await signedInApplicant();
    const rep = await signedInRepresentative(applicant.browser);
    const id = await idOf(rep.username);
    for (let i = 0; i < 5; i++) {
      const asked = await new Browser().post("/api/auth/forgot-password", { email: rep.email });
      expect(asked.status).toBe(202);
    }
    await linksWritten(id, 3);
    // Give the last two requests' background work time to run: still three.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await tokensOf(id)).toHaveLength(3);
    const one = new Browser("203.0.113.171");
    const answers = [];
    for (let i = 0; i < 11; i++)
      answers.push((await one.post("/api/auth/forgot-password", { email: rep.email })).status);
    expect(answers.slice(0, 10).every((status) => status === 202)).toBe(true);
    expect(answers[10]).toBe(429);
  });

  it("gets no link while still on their temporary password (re-issued through the help address)", async () => {
    const applicant = await signedInApplicant();
    const { email } = await invite(applicant.browser);
    const { username } = await confirmAddress(email);
    await new Browser().post("/api/auth/forgot-password", { email });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await tokensOf(await idOf(username))).toEqual([]);
  });

  it('with REPRESENTATIVE_ACCESS "off", no link goes to a representative and a link sent before no longer works', async () => {
    const applicant = await signedInApplicant();
    const rep = await signedInRepresentative(applicant.browser);
    const id = await idOf(rep.username);
    await new Browser().post("/api/auth/forgot-password", { email: rep.email });
    const token = (await eventuallyMail(rep.email, "password_reset_link")).secrets.token!;
    const off = new Browser();
    useBindings(off, { REPRESENTATIVE_ACCESS: "off" });
    const asked = await off.post("/api/auth/forgot-password", { email: rep.email });
    expect(asked.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await tokensOf(id)).toHaveLength(1);
    const used = await off.post("/api/auth/reset-password", {
      token,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect((await errorOf(used)).code).toBe("reset_link_invalid");
    expect(
      (await new Browser().post("/api/auth/sign-in", { username: rep.username, password: rep.password })).status,
    ).toBe(200);
  });
});

describe("a representative's locked account", () => {
  it("is told in a representative's words (EN/FR), with a reset link that unlocks it", async () => {
    const applicant = await signedInApplicant();
    const rep = await signedInRepresentative(applicant.browser);
    const stranger = new Browser();
    for (let i = 0; i < 5; i++)
      await stranger.post("/api/auth/sign-in", { username: rep.username, password: "not the password" });
    const mail = await eventuallyMail(rep.email, "account_locked");
    expect(mail.subject).toContain("your representative account locked");
    expect(mail.subject).toContain("votre compte représentant bloqué");
    expect(mail.textBody).toContain("your representative account in the Permanent Residence Portal");
    expect(mail.textBody).toContain("votre compte de représentant dans le Portail de résidence permanente");
    expect(mail.textBody).toContain("The persons you represent can still use the portal");
    expect(mail.textBody).toContain("/reset-password?lang=fr#token=⟦token⟧");
    expect(mail.textBody).not.toContain("temporary password");
    const reset = await new Browser().post("/api/auth/reset-password", {
      token: mail.secrets.token!,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(reset.status).toBe(200);
    expect(
      (await new Browser().post("/api/auth/sign-in", { username: rep.username, password: NEW_PASSWORD })).status,
    ).toBe(200);
  });
});
