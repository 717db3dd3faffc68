// Defences: verifySessionJwt() (worker/lib/session-jwt.ts: HS256 only, issuer,
// audience, expiry, signature) for both cookies; the session row behind each
// JWT (revoked at sign-out and password change/reset, looked up by kind).
// sessions.test.ts covers the applicant cookie's basic forgeries; here every
// forgery is tried on both cookies, on a read and on a state-changing route.
import { env } from "cloudflare:workers";
import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { APPLICANT_COOKIE } from "../../../worker/middleware/applicant-session.ts";
import { OFFICER_COOKIE } from "../../../worker/middleware/officer-session.ts";
import { createOfficer } from "../../../worker/data/officers.ts";
import { toBase64Url } from "../../../worker/lib/crypto.ts";
import { hashPassword } from "../../../worker/lib/password-hash.ts";
import { generateTotpSecret, totpCode } from "../../../worker/lib/officer-totp.ts";
import { Browser, errorOf } from "../../support/http.ts";
import {
  GOOD_PASSWORD,
  acceptedFamily,
  db,
  eventuallyMail,
  signedInApplicant,
  unique,
} from "../../support/factories.ts";
import { signedInOfficer } from "../../support/officers.ts";

const encode = (value: unknown) => toBase64Url(new TextEncoder().encode(JSON.stringify(value)));
const decode = (part: string) => JSON.parse(atob(part.replace(/-/g, "+").replace(/_/g, "/")));
const KEY = () => new TextEncoder().encode(env.JWT_SECRET);

interface Claims {
  sub?: string;
  aud?: string;
  iss?: string;
  exp?: number;
  nbf?: number;
}

function sign(claims: Claims, options: { alg?: string; key?: Uint8Array } = {}) {
  const jwt = new SignJWT({ ...(claims.nbf ? { nbf: claims.nbf } : {}) })
    .setProtectedHeader({ alg: options.alg ?? "HS256", typ: "JWT" })
    .setIssuedAt();
  if (claims.sub) jwt.setSubject(claims.sub);
  if (claims.aud) jwt.setAudience(claims.aud);
  if (claims.iss) jwt.setIssuer(claims.iss);
  if (claims.exp) jwt.setExpirationTime(claims.exp);
  return jwt.sign(options.key ?? KEY());
}

/** Every way to forge or bend a genuine session token, given its session id and audience. */
async function forgeriesOf(genuine: string, audience: string, otherAudience: string) {
  const [header, payload, signature] = genuine.split(".") as [string, string, string];
  const claims = decode(payload) as Required<Claims>;
  const hour = Math.floor(Date.now() / 1000) + 3600;
  const base = { sub: claims.sub, aud: audience, iss: env.PUBLIC_ORIGIN, exp: hour };
  return {
    "expired (signed, live session row)": await sign({ ...base, exp: Math.floor(Date.now() / 1000) - 60 }),
    "not yet valid (nbf in an hour)": await sign({ ...base, nbf: hour }),
    "alg: none": `${encode({ alg: "none", typ: "JWT" })}.${payload}.`,
    "alg: none, no dot": `${encode({ alg: "none", typ: "JWT" })}.${payload}`,
    "HS512 with the right key": await sign(base, { alg: "HS512" }),
    "HS384 with the right key": await sign(base, { alg: "HS384" }),
    "wrong audience": await sign({ ...base, aud: otherAudience }),
    "no audience": await sign({ sub: base.sub, iss: base.iss, exp: hour }),
    "wrong issuer": await sign({ ...base, iss: "https://evil.example" }),
    "no issuer": await sign({ sub: base.sub, aud: audience, exp: hour }),
    "no expiry (signed, live session row)": await sign({ sub: base.sub, aud: audience, iss: base.iss }),
    "foreign key": await sign(base, { key: new TextEncoder().encode("an attacker's key that is long enough 0123") }),
    "empty key": await sign(base, { key: new Uint8Array(32) }),
    "payload changed, signature kept": `${header}.${encode({ ...claims, exp: hour * 2 })}.${signature}`,
    "signature cut": `${header}.${payload}.${signature.slice(0, 10)}`,
    "signature of another token": `${header}.${payload}.${(await sign({ ...base, sub: "x" })).split(".")[2]}`,
    "no subject": await sign({ aud: audience, iss: base.iss, exp: hour }),
    "unknown session id": await sign({ ...base, sub: crypto.randomUUID() }),
    "not a JWT": "garbage",
    empty: "",
  };
}

async function attempt(cookie: string, token: string, read: string, write: { path: string; body: unknown }) {
  const browser = new Browser();
  browser.cookies.set(cookie, token);
  const reading = await browser.get(read);
  const writing = await browser.post(write.path, write.body);
  return { reading, writing };
}

describe("forged session tokens, applicant and officer cookies", () => {
  it("every forgery of an applicant token is refused on a read and a state-changing route", async () => {
    const applicant = await signedInApplicant();
    const genuine = applicant.browser.cookies.get(APPLICANT_COOKIE)!;
    const forgeries = await forgeriesOf(genuine, "pr-portal:applicant", "pr-portal:officer");
    for (const [name, token] of Object.entries(forgeries)) {
      const { reading, writing } = await attempt(APPLICANT_COOKIE, token, "/api/account", {
        path: "/api/account/language",
        body: { language: "fr" },
      });
      expect(reading.status, name).toBe(401);
      expect(writing.status, name).toBe(401);
      expect((await errorOf(writing)).code, name).toBe("not_signed_in");
    }
    expect(
      (await db().query.accounts.findFirst({ where: (a, { eq }) => eq(a.username, applicant.username) }))!.language,
    ).toBe("en");
    // Control: the genuine token, re-sent the same way, works.
    const { reading } = await attempt(APPLICANT_COOKIE, genuine, "/api/account", {
      path: "/api/account/language",
      body: { language: "en" },
    });
    expect(reading.status).toBe(200);
  });

  it("every forgery of an officer token is refused on a read and a state-changing route", async () => {
    const officer = await signedInOfficer();
    const genuine = officer.browser.cookies.get(OFFICER_COOKIE)!;
    const forgeries = await forgeriesOf(genuine, "pr-portal:officer", "pr-portal:applicant");
    for (const [name, token] of Object.entries(forgeries)) {
      const { reading, writing } = await attempt(OFFICER_COOKIE, token, "/review/api/queue", {
        path: "/review/api/items/1/claim",
        body: {},
      });
      expect(reading.status, name).toBe(401);
      expect(writing.status, name).toBe(401);
      expect((await errorOf(writing)).code, name).toBe("not_signed_in");
    }
    const { reading } = await attempt(OFFICER_COOKIE, genuine, "/review/api/queue", {
      path: "/review/api/sign-in",
      body: {},
    });
    expect(reading.status).toBe(200);
  });

  it("a token signed with the real key for one kind of session never opens the other kind's session row", async () => {
    // Defence in depth: even with the key, an applicant-audience token naming an
    // officer's session row (and the reverse) finds no session of its kind.
    const applicant = await signedInApplicant();
    const officer = await signedInOfficer();
    const officerSession = decode(officer.browser.cookies.get(OFFICER_COOKIE)!.split(".")[1]!).sub as string;
    const applicantSession = decode(applicant.browser.cookies.get(APPLICANT_COOKIE)!.split(".")[1]!).sub as string;
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const asApplicant = new Browser();
    asApplicant.cookies.set(
      APPLICANT_COOKIE,
      await sign({ sub: officerSession, aud: "pr-portal:applicant", iss: env.PUBLIC_ORIGIN, exp }),
    );
    expect((await asApplicant.get("/api/account")).status).toBe(401);
    const asOfficer = new Browser();
    asOfficer.cookies.set(
      OFFICER_COOKIE,
      await sign({ sub: applicantSession, aud: "pr-portal:officer", iss: env.PUBLIC_ORIGIN, exp }),
    );
    expect((await asOfficer.get("/review/api/queue")).status).toBe(401);
  });
});

describe("replayed session cookies", () => {
  it("an officer's cookie replayed after sign-out opens nothing", async () => {
    const officer = await signedInOfficer();
    const stolen = new Map(officer.browser.cookies);
    expect((await officer.browser.post("/review/api/sign-out", {})).status).toBe(204);
    const replay = new Browser();
    replay.cookies = stolen;
    expect(await (await replay.get("/review/api/session")).json()).toEqual({ signedIn: false });
    expect((await replay.get("/review/api/queue")).status).toBe(401);
    expect((await replay.post("/review/api/items/1/claim", {})).status).toBe(401);
  });

  it("an officer's cookies from before a password change open nothing afterwards (the first change and a later one)", async () => {
    const initial = "officer passphrase for review";
    const email = `officer${unique()}@cic.gc.ca`;
    const totpSecret = generateTotpSecret();
    await createOfficer(
      db(),
      { email, name: "Replay Officer", role: "officer", passwordHash: await hashPassword(initial), totpSecret },
      { kind: "admin", id: "test" },
    );
    const expectDead = async (cookies: Map<string, string>) => {
      const replay = new Browser();
      replay.cookies = new Map(cookies);
      expect(await (await replay.get("/review/api/session")).json()).toEqual({ signedIn: false });
      expect((await replay.get("/review/api/queue")).status).toBe(401);
    };
    // The one-time initial password opens one session: the forced change ends it.
    const first = new Browser();
    // Codes from three consecutive 30-second steps (the verifier accepts one step either side), each used once.
    expect(
      (
        await first.post("/review/api/sign-in", {
          email,
          password: initial,
          code: await totpCode(totpSecret, Date.now() - 30_000),
        })
      ).status,
    ).toBe(200);
    const stolenBeforeFirstChange = new Map(first.cookies);
    const chosen = "lighthouse orchard violin autumn";
    expect(
      (await first.post("/review/api/change-password", { newPassword: chosen, confirmPassword: chosen })).status,
    ).toBe(200);
    await expectDead(stolenBeforeFirstChange);
    // A later change (current password and a code) ends every other session, on any browser.
    const second = new Browser();
    expect(
      (
        await second.post("/review/api/sign-in", {
          email,
          password: chosen,
          code: await totpCode(totpSecret, Date.now()),
        })
      ).status,
    ).toBe(200);
    const stolenFromFirst = new Map(first.cookies);
    const stolenFromSecond = new Map(second.cookies);
    const later = "harbour saffron telescope meadow";
    const change = await second.post("/review/api/password", {
      currentPassword: chosen,
      code: await totpCode(totpSecret, Date.now() + 30_000),
      newPassword: later,
      confirmPassword: later,
    });
    expect(change.status).toBe(200);
    await expectDead(stolenFromFirst);
    await expectDead(stolenFromSecond);
    // The session that changed the password got a fresh cookie, which works.
    expect((await second.get("/review/api/queue")).status).toBe(200);
  });

  it("the temporary-password session's cookie is dead once the person sets their own password", async () => {
    const family = await acceptedFamily();
    const browser = new Browser();
    expect(
      (await browser.post("/api/auth/sign-in", { username: family.username, password: family.temporaryPassword }))
        .status,
    ).toBe(200);
    const stolen = new Map(browser.cookies);
    expect(
      (await browser.post("/api/auth/set-password", { newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }))
        .status,
    ).toBe(200);
    const replay = new Browser();
    replay.cookies = stolen;
    expect((await replay.get("/api/account")).status).toBe(401);
    expect((await replay.post("/api/account/sign-out-everywhere", {})).status).toBe(401);
    expect((await browser.get("/api/account")).status).toBe(200);
  });

  it("every applicant cookie, including the one that asked, is dead after a password reset by email", async () => {
    const applicant = await signedInApplicant();
    const stolen = new Map(applicant.browser.cookies);
    expect((await new Browser().post("/api/auth/forgot-password", { email: applicant.principalEmail })).status).toBe(
      202,
    );
    const mail = await eventuallyMail(applicant.principalEmail, "password_reset_link");
    const reset = await new Browser().post("/api/auth/reset-password", {
      token: mail.secrets.token,
      newPassword: "reset passphrase for the attack",
      confirmPassword: "reset passphrase for the attack",
    });
    expect(reset.status).toBe(200);
    const replay = new Browser();
    replay.cookies = stolen;
    expect((await replay.get("/api/account")).status).toBe(401);
    expect((await replay.post("/api/account/language", { language: "fr" })).status).toBe(401);
  });
});
