// Defences: nothing on the credential paths logs a request body, a token or
// a secret (the only logging is error paths, which log errors, not input);
// handleError() (worker/lib/error-response.ts) turns every error into
// `{ error: { code, message } }` with no stack, path or class name.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import worker from "../../../worker/index.ts";
import { createOfficer } from "../../../worker/data/officers.ts";
import { APPLICANT_COOKIE } from "../../../worker/middleware/applicant-session.ts";
import { OFFICER_COOKIE } from "../../../worker/middleware/officer-session.ts";
import { hashPassword } from "../../../worker/lib/password-hash.ts";
import { generateTotpSecret, totpCode } from "../../../worker/lib/officer-totp.ts";
import { Browser, ORIGIN } from "../../support/http.ts";
import {
  GOOD_PASSWORD,
  db,
  eventuallyMail,
  invitedFamily,
  latestMail,
  signedInApplicant,
  unique,
} from "../../support/factories.ts";
import { rawRequest } from "./raw.ts";

const METHODS = ["log", "info", "warn", "error", "debug", "trace"] as const;
let lines: string[] = [];

beforeEach(() => {
  lines = [];
  for (const method of METHODS) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(
        args
          .map((a) =>
            a instanceof Error ? `${a.name}: ${a.message}\n${a.stack}` : typeof a === "string" ? a : JSON.stringify(a),
          )
          .join(" "),
      );
    });
  }
});
afterEach(() => vi.restoreAllMocks());

/** Lets background work (waitUntil, the email queue) run, so what it logs is captured too. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** What a stack trace, a source path or an internal error class looks like in a body. */
const INTERNALS =
  /\bat \S+ \(|\bat (async )?\S+:\d+|\.(ts|js|mjs):\d+|node_modules|\/worker\/|file:\/\/|\b(TypeError|SyntaxError|RangeError|ReferenceError|DrizzleQueryError|AppError|HTTPException)\b|D1_ERROR|SQLITE_|\bstack\b/;

describe("log lines", () => {
  it("capture works: an unexpected failure is logged (the control for the tests below)", async () => {
    const brokenDb = new Proxy(env.DB, {
      get() {
        return () => {
          throw new Error("D1 is down");
        };
      },
    });
    const ctx2 = createExecutionContext();
    const crashed = await worker.fetch(
      new Request(`${ORIGIN}/api/auth/sign-in`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: ORIGIN },
        body: JSON.stringify({ username: "PR-X", password: "secret passphrase typed here" }),
      }),
      { ...env, DB: brokenDb },
      ctx2,
    );
    await waitOnExecutionContext(ctx2);
    expect(crashed.status).toBe(500);
    expect(lines.join("\n")).toContain("unhandled error");
    // Even the crash log has no password in it.
    expect(lines.join("\n")).not.toContain("secret passphrase typed here");
    const body = await crashed.text();
    expect(body).not.toMatch(INTERNALS);
    expect(body).not.toContain("D1 is down");
  });

  it("invitation, sign-in, set-password, password change, forgot and reset password log no password, token, link or JWT", async () => {
    const family = await invitedFamily();
    const browser = new Browser();
    expect(
      (
        await browser.post("/api/invitations/answer", {
          token: family.token,
          usePortal: true,
          inCanada: true,
          emails: {},
          separateAccounts: [],
        })
      ).status,
    ).toBe(200);
    const accountMail = await latestMail(family.principalEmail, "account_created");
    const username = /Username: (PR-[A-Z0-9]+)/.exec(accountMail.textBody)![1]!;
    const temporary = accountMail.secrets.password!;
    expect(
      (await browser.post("/api/auth/sign-in", { username, password: "a wrong password typed by mistake" })).status,
    ).toBe(401);
    expect((await browser.post("/api/auth/sign-in", { username, password: temporary })).status).toBe(200);
    const temporaryJwt = browser.cookies.get(APPLICANT_COOKIE)!;
    expect(
      (await browser.post("/api/auth/set-password", { newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }))
        .status,
    ).toBe(200);
    const changed = "a second passphrase for logs";
    expect(
      (
        await browser.post("/api/account/password", {
          currentPassword: GOOD_PASSWORD,
          newPassword: changed,
          confirmPassword: changed,
        })
      ).status,
    ).toBe(200);
    expect((await new Browser().post("/api/auth/forgot-password", { email: family.principalEmail })).status).toBe(202);
    const reset = await eventuallyMail(family.principalEmail, "password_reset_link");
    const resetPassword = "a third passphrase after reset";
    expect(
      (
        await new Browser().post("/api/auth/reset-password", {
          token: reset.secrets.token,
          newPassword: resetPassword,
          confirmPassword: resetPassword,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await new Browser().post("/api/auth/reset-password", {
          token: reset.secrets.token,
          newPassword: resetPassword,
          confirmPassword: resetPassword,
        })
      ).status,
    ).toBe(400);
    await settle();

    const secrets = {
      invitationToken: family.token,
      temporaryPassword: temporary,
      wrongPassword: "a wrong password typed by mistake",
      chosenPassword: GOOD_PASSWORD,
      changedPassword: changed,
      resetPassword,
      resetToken: reset.secrets.token!,
      temporaryJwt,
      currentJwt: browser.cookies.get(APPLICANT_COOKIE) ?? "(signed out)",
      jwtSignature: temporaryJwt.split(".")[2]!,
    };
    const logged = lines.join("\n");
    for (const [name, secret] of Object.entries(secrets)) expect(logged, name).not.toContain(secret);
    expect(logged).not.toMatch(
      /reset-password\?|\/invitation\/[A-Za-z0-9_-]{20,}|token=[A-Za-z0-9_-]{20,}|eyJ[A-Za-z0-9_-]{10,}\./,
    );
  });

  it("a crash on a /verify path logs only the first group of the code (loggablePath)", async () => {
    const brokenDb = new Proxy(env.DB, {
      get() {
        return () => {
          throw new Error("D1 is down");
        };
      },
    });
    const code = "K7QM-WX3P-ZR9T-HN4D";
    const ctx = createExecutionContext();
    const crashed = await worker.fetch(new Request(`${ORIGIN}/api/verify/${code}`), { ...env, DB: brokenDb }, ctx);
    await waitOnExecutionContext(ctx);
    expect(crashed.status).toBe(500);
    const logged = lines.join("\n");
    expect(logged).toContain("/api/verify/K7QM…");
    expect(logged).not.toContain(code);
    expect(logged).not.toContain("WX3P");
  });

  it("an address confirmation for a separate account logs no confirmation token or password", async () => {
    const family = await invitedFamily({ dependants: [{ givenNames: "Chidi", dateOfBirth: "1986-09-03" }] });
    const spouse = family.persons[1]!;
    const spouseEmail = `chidi${unique()}@example.com`;
    const answer = {
      token: family.token,
      usePortal: true,
      inCanada: true,
      emails: { [spouse.id]: spouseEmail },
      separateAccounts: [spouse.id],
    };
    expect((await new Browser().post("/api/invitations/answer", answer)).status).toBe(200);
    const confirmation = (await latestMail(spouseEmail, "email_confirmation")).secrets.token!;
    expect((await new Browser().post("/api/email-confirmations/confirm", { token: confirmation })).status).toBe(200);
    expect((await new Browser().post("/api/email-confirmations/confirm", { token: confirmation })).status).toBe(410);
    const password = (await latestMail(spouseEmail, "account_created")).secrets.password!;
    await settle();
    const logged = lines.join("\n");
    for (const [name, secret] of Object.entries({ invitation: family.token, confirmation, password }))
      expect(logged, name).not.toContain(secret);
  });

  it("officer sign-in with password and TOTP, the first and the later password change, log no password, code, TOTP secret or JWT", async () => {
    const password = "officer passphrase for review";
    const email = `officer${unique()}@cic.gc.ca`;
    const totpSecret = generateTotpSecret();
    await createOfficer(
      db(),
      { email, name: "Log Officer", role: "officer", passwordHash: await hashPassword(password), totpSecret },
      { kind: "admin", id: "test" },
    );
    const browser = new Browser();
    const code = await totpCode(totpSecret, Date.now());
    expect(
      (await browser.post("/review/api/sign-in", { email, password: "not the officer password", code })).status,
    ).toBe(401);
    expect((await browser.post("/review/api/sign-in", { email, password, code })).status).toBe(200);
    const jwt = browser.cookies.get(OFFICER_COOKIE)!;
    const chosen = "lighthouse orchard violin autumn";
    expect(
      (await browser.post("/review/api/change-password", { newPassword: chosen, confirmPassword: chosen })).status,
    ).toBe(200);
    // The later change, once with a wrong current password, then right.
    const later = "quartz meadow lantern rivers";
    const laterCode = await totpCode(totpSecret, Date.now() + 30_000);
    expect(
      (
        await browser.post("/review/api/password", {
          currentPassword: "a wrong current password",
          code: laterCode,
          newPassword: later,
          confirmPassword: later,
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await browser.post("/review/api/password", {
          currentPassword: chosen,
          code: laterCode,
          newPassword: later,
          confirmPassword: later,
        })
      ).status,
    ).toBe(200);
    await settle();
    const logged = lines.join("\n");
    for (const [name, secret] of Object.entries({
      password,
      wrong: "not the officer password",
      code,
      totpSecret,
      jwt,
      chosen,
      later,
      laterCode,
      wrongCurrent: "a wrong current password",
      newJwt: browser.cookies.get(OFFICER_COOKIE)!,
    })) {
      expect(logged, name).not.toContain(secret);
    }
  });
});

describe("error responses", () => {
  it("every 4xx the API gives is JSON { error: { code, message } } with no stack frame, source path or error class", async () => {
    const applicant = await signedInApplicant();
    const b = applicant.browser;
    const id = applicant.persons[0]!.id;
    const json = (path: string, body: string, extra: Record<string, string> = {}) =>
      b.request(path, { method: "POST", headers: { "Content-Type": "application/json", ...extra }, body });
    const provoked: [string, Promise<Response>][] = [
      ["malformed JSON", json("/api/auth/sign-in", "{")],
      ["JSON array", json("/api/auth/sign-in", "[1,2]")],
      ["JSON null", json("/api/account/language", "null")],
      ["number where text goes", json("/api/auth/sign-in", JSON.stringify({ username: 5, password: { a: 1 } }))],
      ["deeply nested JSON", json("/api/account/language", "[".repeat(5000) + "]".repeat(5000))],
      ["wrong type in a list", json(`/api/persons/${id}/address`, JSON.stringify({ streetName: ["x"] }))],
      [
        "not JSON at all",
        b.request("/api/account/language", {
          method: "POST",
          headers: { "Content-Type": "text/plain" },
          body: "language=fr",
        }),
      ],
      ["bad person id", b.get("/api/persons/abc")],
      ["huge person id", b.get("/api/persons/99999999999999999999999")],
      ["negative person id", b.get("/api/persons/-1/status")],
      ["traversal in an id", b.get("/api/persons/..%2F..%2Fetc%2Fpasswd")],
      ["unknown route", b.get("/api/nope/nothing")],
      [
        "unknown method",
        b.request("/api/account/language", {
          method: "PUT",
          headers: { "Content-Type": "application/json" },
          body: "{}",
        }),
      ],
      ["officer route as applicant", b.get("/review/api/queue")],
      ["officer id Infinity", new Browser().get("/review/api/items/1e400")],
      ["unknown invitation", new Browser().post("/api/invitations/open", { token: "\u0000\u00ff" })],
      ["bad verify code", new Browser().get("/api/verify/%E0%A4%A")],
      ["cross-site", b.post("/api/account/language", { language: "fr" }, { "Sec-Fetch-Site": "cross-site" })],
      ["too large", json("/api/account/language", JSON.stringify({ pad: "x".repeat(70_000) }))],
      [
        "photo not an image",
        b.request(`/api/persons/${id}/photo`, {
          method: "POST",
          headers: { "Content-Type": "image/jpeg" },
          body: new TextEncoder().encode("<?php system($_GET['c']); ?>"),
        }),
      ],
      [
        "photo truncated JPEG",
        b.request(`/api/persons/${id}/photo`, {
          method: "POST",
          headers: { "Content-Type": "image/jpeg" },
          body: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]),
        }),
      ],
      ["submit incomplete", b.post(`/api/persons/${id}/submit`, { declarationConfirmed: true })],
      [
        "bad reset token",
        new Browser().post("/api/auth/reset-password", {
          token: "x".repeat(40),
          newPassword: "a",
          confirmPassword: "b",
        }),
      ],
      ["French", b.request("/api/persons/abc", { headers: { "Accept-Language": "fr-CA" } })],
      ["raw, no headers", rawRequest("/api/auth/sign-in", { method: "POST", body: "\u0000\u0001" })],
    ];
    for (const [name, pending] of provoked) {
      const response = await pending;
      expect(response.status, name).toBeGreaterThanOrEqual(400);
      expect(response.status, name).toBeLessThan(500);
      expect(response.headers.get("Content-Type"), name).toMatch(/^application\/json/);
      const text = await response.text();
      expect(text, name).not.toMatch(INTERNALS);
      const body = JSON.parse(text) as { error: { code: string; message: string } };
      // /api/verify answers a public, documented { genuine: false } instead of an error object.
      if (name === "bad verify code") {
        expect(body).toEqual({ genuine: false });
        continue;
      }
      expect(body.error, `${name}: ${text}`).toBeTypeOf("object");
      expect(
        Object.keys(body.error).filter((k) => k !== "fields"),
        name,
      ).toEqual(["code", "message"]);
      expect(body.error.code, name).toMatch(/^[a-z_]+$/);
    }
  });
});
