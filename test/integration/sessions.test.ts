import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { sessions } from "../../schema/index.ts";
import { APPLICANT_COOKIE } from "../../worker/middleware/applicant-session.ts";
import { toBase64Url } from "../../worker/lib/crypto.ts";
import { Browser, errorOf } from "../support/http.ts";
import { GOOD_PASSWORD, db, latestMail, signedInApplicant } from "../support/factories.ts";

async function isSignedIn(browser: Browser): Promise<boolean> {
  return ((await (await browser.get("/api/session")).json()) as { signedIn: boolean }).signedIn;
}

function sessionIdOf(browser: Browser): string {
  const jwt = browser.cookies.get(APPLICANT_COOKIE)!;
  return JSON.parse(atob(jwt.split(".")[1]!.replace(/-/g, "+").replace(/_/g, "/"))).sub;
}

const encode = (value: unknown) => toBase64Url(new TextEncoder().encode(JSON.stringify(value)));

describe("sessions", () => {
  it("a new session row at each sign-in; the cookie only points to it", async () => {
    const applicant = await signedInApplicant();
    const first = sessionIdOf(applicant.browser);
    const other = new Browser();
    await other.post("/api/auth/sign-in", { username: applicant.username, password: GOOD_PASSWORD });
    expect(sessionIdOf(other)).not.toBe(first);
    const row = await db().select().from(sessions).where(eq(sessions.id, first)).get();
    expect(row).toMatchObject({ kind: "applicant", revokedAt: null });
  });

  it("sign-out revokes the session, even if the old cookie is replayed", async () => {
    const applicant = await signedInApplicant();
    const stolen = new Map(applicant.browser.cookies);
    expect((await applicant.browser.post("/api/auth/sign-out", {})).status).toBe(204);
    expect(await isSignedIn(applicant.browser)).toBe(false);
    const replay = new Browser();
    replay.cookies = stolen;
    expect(await isSignedIn(replay)).toBe(false);
    expect((await replay.get("/api/account")).status).toBe(401);
  });

  it("a password change ends the other sessions, keeps this one, and emails a notice", async () => {
    const applicant = await signedInApplicant();
    const elsewhere = new Browser();
    await elsewhere.post("/api/auth/sign-in", { username: applicant.username, password: GOOD_PASSWORD });
    expect(await isSignedIn(elsewhere)).toBe(true);

    const wrongCurrent = await applicant.browser.post("/api/account/password", {
      currentPassword: "not my password at all",
      newPassword: "a brand new passphrase here",
      confirmPassword: "a brand new passphrase here",
    });
    expect(wrongCurrent.status).toBe(422);
    expect((await errorOf(wrongCurrent)).fields?.[0]).toMatchObject({ field: "currentPassword", code: "wrong" });

    const changed = await applicant.browser.post("/api/account/password", {
      currentPassword: GOOD_PASSWORD,
      newPassword: "a brand new passphrase here",
      confirmPassword: "a brand new passphrase here",
    });
    expect(changed.status).toBe(200);
    expect(await isSignedIn(applicant.browser)).toBe(true);
    expect(await isSignedIn(elsewhere)).toBe(false);
    expect((await latestMail(applicant.principalEmail, "password_changed")).textBody).toContain("was changed");
  });

  it("sign out everywhere ends every session", async () => {
    const applicant = await signedInApplicant();
    const elsewhere = new Browser();
    await elsewhere.post("/api/auth/sign-in", { username: applicant.username, password: GOOD_PASSWORD });
    expect((await applicant.browser.post("/api/account/sign-out-everywhere", {})).status).toBe(204);
    expect(await isSignedIn(applicant.browser)).toBe(false);
    expect(await isSignedIn(elsewhere)).toBe(false);
  });

  it("expires after 30 minutes idle and after 12 hours in all", async () => {
    const idle = await signedInApplicant();
    await db()
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 31 * 60_000).toISOString() })
      .where(eq(sessions.id, sessionIdOf(idle.browser)));
    expect(await isSignedIn(idle.browser)).toBe(false);

    const old = await signedInApplicant();
    await db()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where(eq(sessions.id, sessionIdOf(old.browser)));
    expect(await isSignedIn(old.browser)).toBe(false);
  });

  it("refuses a tampered JWT, alg none, a wrong audience, a wrong issuer and a foreign key", async () => {
    const applicant = await signedInApplicant();
    const sessionId = sessionIdOf(applicant.browser);
    const genuine = applicant.browser.cookies.get(APPLICANT_COOKIE)!;
    const [header, payload, signature] = genuine.split(".") as [string, string, string];
    const claims = JSON.parse(atob(payload.replace(/-/g, "+").replace(/_/g, "/")));
    const key = new TextEncoder().encode(env.JWT_SECRET);
    const sign = (audience: string, issuer: string, secret = key) =>
      new SignJWT({})
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(sessionId)
        .setAudience(audience)
        .setIssuer(issuer)
        .setExpirationTime("1h")
        .sign(secret);

    const forgeries = {
      tamperedPayload: `${header}.${encode({ ...claims, sub: "someone-else" })}.${signature}`,
      tamperedSignature: `${header}.${payload}.${signature.slice(0, -2)}xx`,
      algNone: `${encode({ alg: "none", typ: "JWT" })}.${payload}.`,
      wrongAudience: await sign("pr-portal:officer", env.PUBLIC_ORIGIN),
      wrongIssuer: await sign("pr-portal:applicant", "https://evil.example"),
      foreignKey: await sign(
        "pr-portal:applicant",
        env.PUBLIC_ORIGIN,
        new TextEncoder().encode("another-secret-another-secret-1234"),
      ),
    };
    for (const [name, token] of Object.entries(forgeries)) {
      const browser = new Browser();
      browser.cookies.set(APPLICANT_COOKIE, token);
      expect(await isSignedIn(browser), name).toBe(false);
    }
    // The genuine token still works: the forgeries were refused for what they are.
    const control = new Browser();
    control.cookies.set(APPLICANT_COOKIE, genuine);
    expect(await isSignedIn(control)).toBe(true);
    expect(await sign("pr-portal:applicant", env.PUBLIC_ORIGIN).then((t) => t.split(".").length)).toBe(3);
  });
});
