import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, outbox } from "../../schema/index.ts";
import { Browser, errorOf } from "../support/http.ts";
import {
  GOOD_PASSWORD,
  acceptedFamily,
  db,
  eventuallyMail,
  latestMail,
  signedInApplicant,
} from "../support/factories.ts";

describe("first sign-in with the temporary password", () => {
  it("signs in, and every route but set-password answers 403 until a password is set", async () => {
    const family = await acceptedFamily();
    const browser = new Browser();
    const signIn = await browser.post("/api/auth/sign-in", {
      username: family.username,
      password: family.temporaryPassword,
    });
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toEqual({ mustSetPassword: true });
    const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith("__Host-pr_session="))!;
    expect(cookie).toMatch(/; Path=\/;/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).not.toMatch(/Domain=/);

    const session = (await (await browser.get("/api/session")).json()) as {
      account: { mustSetPassword: boolean };
      persons: unknown[];
    };
    expect(session.account.mustSetPassword).toBe(true);
    expect(session.persons).toEqual([]);

    // Routes that need a full session answer 403 with a code the client acts on.
    for (const response of [
      await browser.get("/api/account"),
      await browser.post("/api/account/language", { language: "fr" }),
      await browser.post("/api/account/password", {
        currentPassword: family.temporaryPassword,
        newPassword: GOOD_PASSWORD,
        confirmPassword: GOOD_PASSWORD,
      }),
    ]) {
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe("password_change_required");
    }
  });

  it("set-password applies every rule, then unlocks the account and emails a notice", async () => {
    const family = await acceptedFamily();
    const browser = new Browser();
    await browser.post("/api/auth/sign-in", { username: family.username, password: family.temporaryPassword });

    const tooShort = await browser.post("/api/auth/set-password", { newPassword: "short", confirmPassword: "short" });
    expect(tooShort.status).toBe(422);
    expect((await errorOf(tooShort)).fields).toEqual([
      { field: "newPassword", code: "too_short", message: "Your password must be at least 15 characters long." },
    ]);
    const withUsername = await browser.post("/api/auth/set-password", {
      newPassword: `${family.username} is mine ok`,
      confirmPassword: `${family.username} is mine ok`,
    });
    expect((await errorOf(withUsername)).fields?.[0]?.code).toBe("contains_username");
    const mismatch = await browser.post("/api/auth/set-password", {
      newPassword: GOOD_PASSWORD,
      confirmPassword: "something else entirely",
    });
    expect((await errorOf(mismatch)).fields).toEqual([
      { field: "confirmPassword", code: "mismatch", message: "The two passwords do not match." },
    ]);

    const ok = await browser.post("/api/auth/set-password", {
      newPassword: GOOD_PASSWORD,
      confirmPassword: GOOD_PASSWORD,
    });
    expect(ok.status).toBe(200);
    const session = (await (await browser.get("/api/session")).json()) as {
      account: { mustSetPassword: boolean };
      persons: unknown[];
    };
    expect(session.account.mustSetPassword).toBe(false);
    expect(session.persons).toHaveLength(1);
    expect((await latestMail(family.principalEmail, "password_changed")).subject).toContain("IRCC");

    // The temporary password no longer works; the new one does.
    expect(
      (await new Browser().post("/api/auth/sign-in", { username: family.username, password: family.temporaryPassword }))
        .status,
    ).toBe(401);
    expect(
      (await new Browser().post("/api/auth/sign-in", { username: family.username, password: GOOD_PASSWORD })).status,
    ).toBe(200);
    // Setting a first password twice is not possible.
    expect(
      (await browser.post("/api/auth/set-password", { newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }))
        .status,
    ).toBe(409);
  });

  it("a temporary password is single use; an admin reset issues a working new one", async () => {
    const { env } = await import("cloudflare:workers");
    const { resetTemporaryPassword } = await import("../../worker/data/temporary-passwords.ts");
    const family = await acceptedFamily();
    expect(
      (await new Browser().post("/api/auth/sign-in", { username: family.username, password: family.temporaryPassword }))
        .status,
    ).toBe(200);
    const again = await new Browser().post("/api/auth/sign-in", {
      username: family.username,
      password: family.temporaryPassword,
    });
    expect(again.status).toBe(401);
    const error = await errorOf(again);
    expect(error.code).toBe("temporary_password_used");
    expect(error.message).toContain(env.HELP_EMAIL);

    const { reset } = await resetTemporaryPassword(db(), env, family.principalEmail, { kind: "admin", id: "test" });
    expect(reset).toHaveLength(1);
    const fresh = (await latestMail(family.principalEmail, "temporary_password_reset")).secrets.password!;
    const signIn = await new Browser().post("/api/auth/sign-in", { username: family.username, password: fresh });
    expect(signIn.status).toBe(200);
    expect(await signIn.json()).toEqual({ mustSetPassword: true });
  });

  it("an expired temporary password is refused with advice to contact IRCC", async () => {
    const family = await acceptedFamily();
    await db()
      .update(accounts)
      .set({ temporaryPasswordExpiresAt: "2001-01-01T00:00:00.000Z" })
      .where(eq(accounts.username, family.username));
    const response = await new Browser().post("/api/auth/sign-in", {
      username: family.username,
      password: family.temporaryPassword,
    });
    expect(response.status).toBe(401);
    const error = await errorOf(response);
    expect(error.code).toBe("temporary_password_expired");
    expect(error.message).toContain("@cic.gc.ca");
  });

  it("wrong password and unknown username get the same answer", async () => {
    const family = await acceptedFamily();
    const wrong = await new Browser().post("/api/auth/sign-in", {
      username: family.username,
      password: "not the right password",
    });
    const unknown = await new Browser().post("/api/auth/sign-in", {
      username: "PR-NOSUCH00",
      password: "not the right password",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await errorOf(wrong)).toEqual(await errorOf(unknown));
  });

  it("missing fields are field errors, and malformed JSON is a 400, never a 500", async () => {
    const browser = new Browser();
    const empty = await browser.post("/api/auth/sign-in", {});
    expect(empty.status).toBe(422);
    expect((await errorOf(empty)).fields?.map((f) => f.field)).toEqual(["username", "password"]);
    const malformed = await browser.request("/api/auth/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{nope",
    });
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).code).toBe("malformed_json");
    const wrongType = await browser.request("/api/auth/sign-in", {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: "hi",
    });
    expect(wrongType.status).toBe(415);
    const notStrings = await browser.post("/api/auth/sign-in", { username: 12, password: ["x"] });
    expect(notStrings.status).toBe(400);
    const huge = await browser.post("/api/auth/sign-in", { username: "x".repeat(100_000), password: "y" });
    expect(huge.status).toBe(413);
    expect((await errorOf(huge)).code).toBe("body_too_large");
  });
});

describe("brute-force protection", () => {
  it("locks an account after repeated failures, with increasing delay; the locked account answers exactly like a wrong password; success resets the count", async () => {
    const family = await signedInApplicant();
    const attempt = (username: string, password: string) =>
      new Browser().post("/api/auth/sign-in", { username, password });
    const unknown = await errorOf(await attempt("PR-NOSUCH00", "wrong password number 0"));
    for (let i = 1; i <= 5; i++) {
      const response = await attempt(family.username, `wrong password number ${i}`);
      expect(response.status).toBe(401);
      expect(await errorOf(response)).toEqual(unknown);
    }
    const row = async () => (await db().select().from(accounts).where(eq(accounts.username, family.username)).get())!;
    expect((await row()).lockedUntil).not.toBeNull();
    // Even the right password is refused during the lock, with the same answer as a wrong one.
    const right = await attempt(family.username, GOOD_PASSWORD);
    expect(right.status).toBe(401);
    expect(await errorOf(right)).toEqual(unknown);
    expect((await row()).failedSignIns).toBe(5);

    await db().update(accounts).set({ lockedUntil: null }).where(eq(accounts.username, family.username));
    expect((await attempt(family.username, "wrong again")).status).toBe(401);
    // 6 failures: locked for 2 minutes (1, 2, 4 ... doubling).
    const minutes = (Date.parse((await row()).lockedUntil!) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(1.5);
    expect(minutes).toBeLessThanOrEqual(2);

    await db().update(accounts).set({ lockedUntil: null }).where(eq(accounts.username, family.username));
    expect((await attempt(family.username, GOOD_PASSWORD)).status).toBe(200);
    expect((await row()).failedSignIns).toBe(0);
  });

  it("a locked account takes as long to answer as an unknown one: the password hash work still runs", async () => {
    const family = await signedInApplicant();
    await db()
      .update(accounts)
      .set({ lockedUntil: new Date(Date.now() + 30 * 60_000).toISOString(), failedSignIns: 5 })
      .where(eq(accounts.username, family.username));
    const timed = async (username: string) => {
      const started = performance.now();
      const response = await new Browser().post("/api/auth/sign-in", { username, password: "not the right password" });
      expect(response.status).toBe(401);
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const unknown: number[] = [];
    const locked: number[] = [];
    for (let i = 0; i < 3; i++) {
      unknown.push(await timed("PR-NOSUCH00"));
      locked.push(await timed(family.username));
    }
    // The hash work dominates both (hundreds of ms); an early answer would take a few ms.
    expect(median(locked)).toBeGreaterThan(median(unknown) * 0.5);
  });

  it("the owner learns of the lock by one email with a reset link, which unlocks the account", async () => {
    const family = await signedInApplicant();
    const attempt = (password: string) =>
      new Browser().post("/api/auth/sign-in", { username: family.username, password });
    for (let i = 1; i <= 5; i++) await attempt(`wrong password number ${i}`);
    const mail = await eventuallyMail(family.principalEmail, "account_locked");
    expect(mail.textBody).toContain("locked");
    expect(mail.textBody).toContain("verrouillé");
    expect(mail.textBody).toContain("⟦token⟧");
    // More failures during and after the lock send no second email.
    await attempt("wrong during the lock");
    await db().update(accounts).set({ lockedUntil: null }).where(eq(accounts.username, family.username));
    await attempt("wrong after the lock");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const locks = await db()
      .select()
      .from(outbox)
      .where(and(eq(outbox.toAddress, family.principalEmail), eq(outbox.kind, "account_locked")))
      .all();
    expect(locks).toHaveLength(1);

    const chosen = "a passphrase after the lock";
    const reset = await new Browser().post("/api/auth/reset-password", {
      token: mail.secrets.token,
      newPassword: chosen,
      confirmPassword: chosen,
    });
    expect(reset.status).toBe(200);
    expect((await attempt(chosen)).status).toBe(200);
  });

  it("throttles one IP address across accounts (CF-Connecting-IP)", async () => {
    const browser = new Browser("203.0.113.77");
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await browser.post("/api/auth/sign-in", { username: `PR-NOBODY${i}`, password: "x" })).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    const limited = await browser.post("/api/auth/sign-in", { username: "PR-NOBODY", password: "x" });
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another address is not affected.
    expect(
      (await new Browser("203.0.113.78").post("/api/auth/sign-in", { username: "PR-NOBODY", password: "x" })).status,
    ).toBe(401);
  });
});
