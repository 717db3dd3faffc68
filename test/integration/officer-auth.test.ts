import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { type JWK, SignJWT, exportJWK, generateKeyPair } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { officers, outbox } from "../../schema/index.ts";
import { createOfficer } from "../../worker/data/officers.ts";
import worker from "../../worker/index.ts";
import { setAccessKeyFetcher } from "../../worker/middleware/cloudflare-access.ts";
import { APPLICANT_COOKIE } from "../../worker/middleware/applicant-session.ts";
import { OFFICER_COOKIE } from "../../worker/middleware/officer-session.ts";
import { hashPassword } from "../../worker/lib/password-hash.ts";
import { generateTotpSecret, totpCode } from "../../worker/lib/officer-totp.ts";
import { Browser, ORIGIN, errorOf } from "../support/http.ts";
import { db, eventuallyMail, signedInApplicant, unique } from "../support/factories.ts";

const OFFICER_PASSWORD = "officer passphrase for review";

async function newOfficer() {
  const email = `officer${unique()}@cic.gc.ca`;
  const totpSecret = generateTotpSecret();
  await createOfficer(
    db(),
    { email, name: "Dana Officer", role: "officer", passwordHash: await hashPassword(OFFICER_PASSWORD), totpSecret },
    { kind: "admin", id: "test" },
  );
  return { email, totpSecret };
}

describe("officer sign-in at /review", () => {
  it("needs the password and a valid TOTP code; a code cannot be used twice", async () => {
    const officer = await newOfficer();
    const browser = new Browser();
    const noCode = await browser.post("/review/api/sign-in", { email: officer.email, password: OFFICER_PASSWORD });
    expect(noCode.status).toBe(422);
    expect((await errorOf(noCode)).fields?.map((f) => f.field)).toEqual(["code"]);
    const wrongCode = await browser.post("/review/api/sign-in", {
      email: officer.email,
      password: OFFICER_PASSWORD,
      code: "000000",
    });
    expect(wrongCode.status).toBe(401);

    const code = await totpCode(officer.totpSecret, Date.now());
    const ok = await browser.post("/review/api/sign-in", { email: officer.email, password: OFFICER_PASSWORD, code });
    expect(ok.status).toBe(200);
    expect(ok.headers.getSetCookie().find((c) => c.startsWith(`${OFFICER_COOKIE}=`))).toMatch(
      /HttpOnly; Secure; SameSite=Strict/,
    );
    expect(await (await browser.get("/review/api/session")).json()).toMatchObject({
      name: "Dana Officer",
      role: "officer",
    });

    const replay = await new Browser().post("/review/api/sign-in", {
      email: officer.email,
      password: OFFICER_PASSWORD,
      code,
    });
    expect(replay.status).toBe(401);
    const wrongPassword = await new Browser().post("/review/api/sign-in", {
      email: officer.email,
      password: "not the password at all",
      code: await totpCode(officer.totpSecret, Date.now() + 30_000),
    });
    expect(wrongPassword.status).toBe(401);
  });

  it("attempts with both factors wrong never lock the account, from any number of addresses: the right officer still signs in", async () => {
    const officer = await newOfficer();
    for (let i = 0; i < 8; i++) {
      const response = await new Browser().post("/review/api/sign-in", {
        email: officer.email,
        password: `a guessed password ${i}`,
        code: "123456",
      });
      expect(response.status).toBe(401);
    }
    const row = await db().select().from(officers).where(eq(officers.email, officer.email)).get();
    expect(row!.failedSignIns).toBe(0);
    expect(row!.lockedUntil).toBeNull();
    const right = await new Browser().post("/review/api/sign-in", {
      email: officer.email,
      password: OFFICER_PASSWORD,
      code: await totpCode(officer.totpSecret, Date.now()),
    });
    expect(right.status).toBe(200);
  });

  it("attempts with one factor right lock the account, which then answers exactly like a wrong password; the officer gets one email", async () => {
    const officer = await newOfficer();
    const attempt = (email: string, password: string, code: string) =>
      new Browser().post("/review/api/sign-in", { email, password, code });
    const unknown = await errorOf(await attempt(`nobody${unique()}@cic.gc.ca`, OFFICER_PASSWORD, "123456"));
    const rightCode = await totpCode(officer.totpSecret, Date.now());
    // Password right and code wrong, or code right and password wrong: both count.
    for (const [password, code] of [
      [OFFICER_PASSWORD, "123456"],
      ["not the password at all", rightCode],
      [OFFICER_PASSWORD, "654321"],
      [OFFICER_PASSWORD, "111111"],
      ["still not the password", rightCode],
    ] as const) {
      const response = await attempt(officer.email, password, code);
      expect(response.status).toBe(401);
      expect(await errorOf(response)).toEqual(unknown);
    }
    const row = await db().select().from(officers).where(eq(officers.email, officer.email)).get();
    expect(row!.failedSignIns).toBe(5);
    expect(row!.lockedUntil).not.toBeNull();
    // Even both factors right wait out the lock, with the same answer.
    const right = await attempt(
      officer.email,
      OFFICER_PASSWORD,
      await totpCode(officer.totpSecret, Date.now() + 30_000),
    );
    expect(right.status).toBe(401);
    expect(await errorOf(right)).toEqual(unknown);

    const mail = await eventuallyMail(officer.email, "officer_locked");
    expect(mail.textBody).toContain("officer reset-password");
    expect(mail.textBody).toContain("verrouillé");
    // The lock extended after it ran out sends no second email.
    await db().update(officers).set({ lockedUntil: null }).where(eq(officers.email, officer.email));
    expect((await attempt(officer.email, OFFICER_PASSWORD, "222222")).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(
      await db()
        .select()
        .from(outbox)
        .where(and(eq(outbox.toAddress, officer.email), eq(outbox.kind, "officer_locked")))
        .all(),
    ).toHaveLength(1);
  });

  it("a locked officer account takes as long to answer as an unknown one: the password hash work still runs", async () => {
    const officer = await newOfficer();
    await db()
      .update(officers)
      .set({ lockedUntil: new Date(Date.now() + 30 * 60_000).toISOString(), failedSignIns: 5 })
      .where(eq(officers.email, officer.email));
    const timed = async (email: string) => {
      const started = performance.now();
      const response = await new Browser().post("/review/api/sign-in", {
        email,
        password: "not the password at all",
        code: "123456",
      });
      expect(response.status).toBe(401);
      return performance.now() - started;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const unknown: number[] = [];
    const locked: number[] = [];
    for (let i = 0; i < 3; i++) {
      unknown.push(await timed(`nobody${unique()}@cic.gc.ca`));
      locked.push(await timed(officer.email));
    }
    expect(median(locked)).toBeGreaterThan(median(unknown) * 0.5);
  });

  it("an applicant never opens /review, and an officer never acts as an applicant", async () => {
    const applicant = await signedInApplicant();
    expect(await (await applicant.browser.get("/review/api/session")).json()).toEqual({ signedIn: false });
    expect((await applicant.browser.get("/review/api/queue")).status).toBe(401);

    const officer = await newOfficer();
    const browser = new Browser();
    await browser.post("/review/api/sign-in", {
      email: officer.email,
      password: OFFICER_PASSWORD,
      code: await totpCode(officer.totpSecret, Date.now()),
    });
    expect((await browser.get("/api/persons")).status).toBe(401);
    // Even with the officer's token put in the applicant cookie: wrong audience.
    const swapped = new Browser();
    swapped.cookies.set(APPLICANT_COOKIE, browser.cookies.get(OFFICER_COOKIE)!);
    expect((await swapped.get("/api/persons")).status).toBe(401);
    expect((await swapped.get("/api/session")).status).toBe(200);
    expect(await (await swapped.get("/api/session")).json()).toEqual({ signedIn: false });
  });
});

describe("the officer's one-time initial password", () => {
  const CHOSEN = "lighthouse orchard violin autumn";
  async function signIn(officer: { email: string; totpSecret: string }, password: string, at = Date.now()) {
    const browser = new Browser();
    const response = await browser.post("/review/api/sign-in", {
      email: officer.email,
      password,
      code: await totpCode(officer.totpSecret, at),
    });
    return { browser, response };
  }

  it("opens nothing but the password change until the officer chooses their own", async () => {
    const officer = await newOfficer();
    const { browser, response } = await signIn(officer, OFFICER_PASSWORD);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ mustChangePassword: true });
    expect(await (await browser.get("/review/api/session")).json()).toMatchObject({ mustChangePassword: true });
    for (const path of ["/review/api/queue", "/review/api/items/1"]) {
      const refused = await browser.get(path);
      expect(refused.status).toBe(403);
      expect((await errorOf(refused)).code).toBe("password_change_required");
    }
    expect((await browser.post("/review/api/items/1/claim", {})).status).toBe(403);

    const changed = await browser.post("/review/api/change-password", { newPassword: CHOSEN, confirmPassword: CHOSEN });
    expect(changed.status).toBe(200);
    expect((await browser.get("/review/api/queue")).status).toBe(200);
    expect(await (await browser.get("/review/api/session")).json()).toMatchObject({ mustChangePassword: false });
    expect(
      (await browser.post("/review/api/change-password", { newPassword: CHOSEN, confirmPassword: CHOSEN })).status,
    ).toBe(409);

    const row = await db().select().from(officers).where(eq(officers.email, officer.email)).get();
    expect(row!.mustChangePassword).toBe(0);
    const audit = await db().query.auditLog.findFirst({
      where: (a, { and, eq: equal }) =>
        and(equal(a.action, "officer.password_changed"), equal(a.actorId, String(row!.id))),
    });
    expect(audit).toBeDefined();

    // The initial password no longer works; the chosen one does (with the next
    // TOTP step: a code is single use, and a wrong password never spends one).
    expect((await signIn(officer, OFFICER_PASSWORD, Date.now() + 30_000)).response.status).toBe(401);
    const again = await signIn(officer, CHOSEN, Date.now() + 30_000);
    expect(again.response.status).toBe(200);
    expect(await again.response.json()).toMatchObject({ mustChangePassword: false });
  });

  it("works for one sign-in only", async () => {
    const officer = await newOfficer();
    expect((await signIn(officer, OFFICER_PASSWORD)).response.status).toBe(200);
    const again = await signIn(officer, OFFICER_PASSWORD, Date.now() + 30_000);
    expect(again.response.status).toBe(401);
    expect((await errorOf(again.response)).code).toBe("initial_password_used");
  });

  it("expires 72 hours after it was issued (OFFICER_INITIAL_PASSWORD_HOURS); an officer made before the expiry existed keeps theirs", async () => {
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    const fresh = await newOfficer();
    await db()
      .update(officers)
      .set({ initialPasswordIssuedAt: hoursAgo(71) })
      .where(eq(officers.email, fresh.email));
    expect((await signIn(fresh, OFFICER_PASSWORD)).response.status).toBe(200);

    const old = await newOfficer();
    await db()
      .update(officers)
      .set({ initialPasswordIssuedAt: hoursAgo(73) })
      .where(eq(officers.email, old.email));
    const expired = await signIn(old, OFFICER_PASSWORD);
    expect(expired.response.status).toBe(401);
    const error = await errorOf(expired.response);
    expect(error.code).toBe("initial_password_expired");
    expect(error.message).toContain("administrator");

    const migrated = await newOfficer();
    await db().update(officers).set({ initialPasswordIssuedAt: null }).where(eq(officers.email, migrated.email));
    expect((await signIn(migrated, OFFICER_PASSWORD)).response.status).toBe(200);
  });

  it("refuses a weak, mismatched or unchanged password with field errors", async () => {
    const officer = await newOfficer();
    const first = await signIn(officer, OFFICER_PASSWORD);
    const fields = async (body: object) => {
      const response = await first.browser.post("/review/api/change-password", body);
      expect(response.status).toBe(422);
      return (await errorOf(response)).fields?.map((f) => `${f.field}:${f.code}`);
    };
    expect(await fields({ newPassword: "short", confirmPassword: "short" })).toEqual(["newPassword:too_short"]);
    expect(await fields({ newPassword: CHOSEN, confirmPassword: "something else entirely" })).toEqual([
      "confirmPassword:mismatch",
    ]);
    expect(await fields({ newPassword: CHOSEN })).toEqual(["confirmPassword:required"]);
    expect(await fields({ newPassword: OFFICER_PASSWORD, confirmPassword: OFFICER_PASSWORD })).toEqual([
      "newPassword:same_as_initial",
    ]);

    expect(
      (await first.browser.post("/review/api/change-password", { newPassword: CHOSEN, confirmPassword: CHOSEN }))
        .status,
    ).toBe(200);
    expect((await first.browser.get("/review/api/session")).status).toBe(200);
  });

  it("is refused without a session and from another site", async () => {
    expect(
      (await new Browser().post("/review/api/change-password", { newPassword: CHOSEN, confirmPassword: CHOSEN }))
        .status,
    ).toBe(401);
    const officer = await newOfficer();
    const { browser } = await signIn(officer, OFFICER_PASSWORD);
    const crossSite = await browser.request("/review/api/change-password", {
      method: "POST",
      json: { newPassword: CHOSEN, confirmPassword: CHOSEN },
      headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    expect(await (await browser.get("/review/api/session")).json()).toMatchObject({ mustChangePassword: true });
  });
});

describe("Cloudflare Access on /review", () => {
  const TEAM = "ircc-test.cloudflareaccess.com";
  const AUD = "review-aud-tag";
  const accessEnv = { ...env, ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD };
  afterEach(() => setAccessKeyFetcher(async () => ({ keys: [] })));

  async function keyPair(kid: string) {
    const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
    return { privateKey, jwk };
  }

  function assertion(privateKey: CryptoKey, kid: string, claims: { aud?: string; iss?: string; exp?: number } = {}) {
    return new SignJWT({ email: "dana@cic.gc.ca" })
      .setProtectedHeader({ alg: "RS256", kid })
      .setAudience(claims.aud ?? AUD)
      .setIssuer(claims.iss ?? `https://${TEAM}`)
      .setIssuedAt()
      .setExpirationTime(claims.exp ?? Math.floor(Date.now() / 1000) + 300)
      .sign(privateKey);
  }

  async function reviewRequest(token?: string) {
    const ctx = createExecutionContext();
    // The queue, not the session answer (200 signed out): past Access, 401 shows the officer sign-in is still required.
    const response = await worker.fetch(
      new Request(`${ORIGIN}/review/api/queue`, { headers: token ? { "Cf-Access-Jwt-Assertion": token } : {} }),
      accessEnv,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return response;
  }

  it("refuses a missing, foreign, wrong-audience, wrong-issuer, expired or non-RS256 assertion; accepts a good one", async () => {
    const good = await keyPair("k1");
    const foreign = await keyPair("k1");
    let fetches = 0;
    setAccessKeyFetcher(async (url) => {
      expect(url).toBe(`https://${TEAM}/cdn-cgi/access/certs`);
      fetches++;
      return { keys: [good.jwk] };
    });
    expect((await reviewRequest()).status).toBe(403);
    expect((await reviewRequest(await assertion(foreign.privateKey, "k1"))).status).toBe(403);
    expect((await reviewRequest(await assertion(good.privateKey, "k1", { aud: "another-app" }))).status).toBe(403);
    expect(
      (await reviewRequest(await assertion(good.privateKey, "k1", { iss: "https://evil.cloudflareaccess.com" })))
        .status,
    ).toBe(403);
    expect(
      (await reviewRequest(await assertion(good.privateKey, "k1", { exp: Math.floor(Date.now() / 1000) - 60 }))).status,
    ).toBe(403);
    const hs256 = await new SignJWT({})
      .setProtectedHeader({ alg: "HS256", kid: "k1" })
      .setAudience(AUD)
      .setIssuer(`https://${TEAM}`)
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode("a-shared-secret-of-32-characters!!"));
    expect((await reviewRequest(hs256)).status).toBe(403);
    // A good assertion passes Access; the officer sign-in is still required behind it.
    const passed = await reviewRequest(await assertion(good.privateKey, "k1"));
    expect(passed.status).toBe(401);
    expect(fetches).toBe(1); // the keys are cached
    // Without Access configured, /review does not ask for the header.
    const ctx = createExecutionContext();
    expect((await worker.fetch(new Request(`${ORIGIN}/review/api/queue`), env, ctx)).status).toBe(401);
  });

  it("an unknown kid triggers exactly one refetch of the keys (key rotation)", async () => {
    const old = await keyPair("old");
    const rotated = await keyPair("new");
    let served: JWK[] = [old.jwk];
    let fetches = 0;
    setAccessKeyFetcher(async () => {
      fetches++;
      return { keys: served };
    });
    expect((await reviewRequest(await assertion(old.privateKey, "old"))).status).toBe(401);
    expect(fetches).toBe(1);
    served = [old.jwk, rotated.jwk];
    expect((await reviewRequest(await assertion(rotated.privateKey, "new"))).status).toBe(401);
    expect(fetches).toBe(2);
    // A kid nobody has: one refetch, refused; the same kid again fetches nothing more.
    expect((await reviewRequest(await assertion(rotated.privateKey, "nobody"))).status).toBe(403);
    expect(fetches).toBe(3);
    expect((await reviewRequest(await assertion(rotated.privateKey, "nobody"))).status).toBe(403);
    expect(fetches).toBe(3);
  });
});
