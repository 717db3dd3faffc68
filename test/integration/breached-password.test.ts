// Breached passwords at every place that accepts a new one: the shipped list
// (always) and Have I Been Pwned's Pwned Passwords range API (production mode,
// or wherever PWNED_PASSWORDS_URL is set), here a local fake of that API
// (support/fake-pwned-passwords.ts) reached through the worker's real fetch.
import { describe, expect, inject, it } from "vitest";
import { createOfficer } from "../../worker/data/officers.ts";
import {
  DEFAULT_PWNED_PASSWORDS_URL,
  LOOKUP_TIMEOUT_MS,
  pwnedPasswordsUrl,
} from "../../worker/lib/breached-password.ts";
import { hashPassword } from "../../worker/lib/password-hash.ts";
import { generateTotpSecret, totpCode } from "../../worker/lib/officer-totp.ts";
import { FAKE_BREACHED, FAKE_PADDING_ONLY } from "../support/pwned-fixtures.ts";
import { GOOD_PASSWORD, acceptedFamily, db, eventuallyMail, signedInApplicant, unique } from "../support/factories.ts";
import { useBindings } from "../support/faults.ts";
import { Browser, errorOf } from "../support/http.ts";

const fake = inject("pwnedPasswordsUrl");

async function fakeRequests(): Promise<{ path: string; addPadding: string | null }[]> {
  return (await fetch(`${fake}/__requests`)).json();
}

function change(browser: Browser, newPassword: string) {
  return browser.post("/api/account/password", {
    currentPassword: GOOD_PASSWORD,
    newPassword,
    confirmPassword: newPassword,
  });
}

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

describe("breached passwords", () => {
  it("changing a password to `correct horse battery staple` (and its spellings) is refused from the shipped list, with no online check in test mode", async () => {
    const applicant = await signedInApplicant();
    const before = (await fakeRequests()).length;
    for (const attempt of [
      "correct horse battery staple",
      "Correct-Horse-Battery-Staple!",
      "thequickbrownfoxjumpsoverthelazydog",
      "May the Force be with you!!",
    ]) {
      const response = await change(applicant.browser, attempt);
      expect(response.status, attempt).toBe(422);
      const error = await errorOf(response);
      expect(error.fields, attempt).toEqual([
        {
          field: "newPassword",
          code: "common",
          message: "This password is too common or has appeared in a data breach. Choose a different one.",
        },
      ]);
    }
    const french = await applicant.browser.post(
      "/api/account/password",
      {
        currentPassword: GOOD_PASSWORD,
        newPassword: "correct horse battery staple",
        confirmPassword: "correct horse battery staple",
      },
      { "Accept-Language": "fr" },
    );
    expect((await errorOf(french)).fields?.[0]?.message).toBe(
      "Ce mot de passe est trop courant ou a été divulgué lors d'une fuite de données. Choisissez-en un autre.",
    );
    // ENVIRONMENT=test and no PWNED_PASSWORDS_URL: nothing was asked online.
    expect((await fakeRequests()).length).toBe(before);
  });

  it("the online check is on in production mode (any ENVIRONMENT but development or test) and wherever PWNED_PASSWORDS_URL is set", () => {
    expect(pwnedPasswordsUrl({ ENVIRONMENT: "production" })).toBe(DEFAULT_PWNED_PASSWORDS_URL);
    expect(pwnedPasswordsUrl({ ENVIRONMENT: undefined })).toBe(DEFAULT_PWNED_PASSWORDS_URL);
    expect(pwnedPasswordsUrl({ ENVIRONMENT: "staging" })).toBe(DEFAULT_PWNED_PASSWORDS_URL);
    expect(pwnedPasswordsUrl({ ENVIRONMENT: "development" })).toBeNull();
    expect(pwnedPasswordsUrl({ ENVIRONMENT: "test" })).toBeNull();
    expect(pwnedPasswordsUrl({ ENVIRONMENT: "test", PWNED_PASSWORDS_URL: "http://127.0.0.1:9/" })).toBe(
      "http://127.0.0.1:9",
    );
    expect(pwnedPasswordsUrl({ ENVIRONMENT: "production", PWNED_PASSWORDS_URL: "https://mirror.example/" })).toBe(
      "https://mirror.example",
    );
  });

  it("a password the range API lists is refused; only 5 hex characters of its SHA-1 leave the worker, asked with Add-Padding", async () => {
    const applicant = await signedInApplicant();
    useBindings(applicant.browser, { PWNED_PASSWORDS_URL: fake });
    const before = (await fakeRequests()).length;
    const refused = await change(applicant.browser, FAKE_BREACHED[0]!);
    expect(refused.status).toBe(422);
    expect((await errorOf(refused)).fields).toEqual([
      {
        field: "newPassword",
        code: "breached",
        message: "This password is too common or has appeared in a data breach. Choose a different one.",
      },
    ]);
    const asked = (await fakeRequests()).slice(before);
    const hash = await sha1Hex(FAKE_BREACHED[0]!);
    expect(asked).toEqual([{ path: `/range/${hash.slice(0, 5)}`, addPadding: "true" }]);

    // A suffix listed with a count of 0 is padding, not a breach: accepted.
    const accepted = await change(applicant.browser, FAKE_PADDING_ONLY);
    expect(accepted.status).toBe(200);
  });

  it("set-password, reset by email and the officer's change all ask the range API", async () => {
    // First password after the temporary one.
    const family = await acceptedFamily();
    const first = new Browser();
    useBindings(first, { PWNED_PASSWORDS_URL: fake });
    expect(
      (await first.post("/api/auth/sign-in", { username: family.username, password: family.temporaryPassword })).status,
    ).toBe(200);
    const setRefused = await first.post("/api/auth/set-password", {
      newPassword: FAKE_BREACHED[1]!,
      confirmPassword: FAKE_BREACHED[1]!,
    });
    expect((await errorOf(setRefused)).fields?.[0]).toMatchObject({ field: "newPassword", code: "breached" });
    expect(
      (await first.post("/api/auth/set-password", { newPassword: GOOD_PASSWORD, confirmPassword: GOOD_PASSWORD }))
        .status,
    ).toBe(200);

    // Reset by email.
    const visitor = new Browser();
    useBindings(visitor, { PWNED_PASSWORDS_URL: fake });
    expect((await visitor.post("/api/auth/forgot-password", { email: family.principalEmail })).status).toBe(202);
    const token = (await eventuallyMail(family.principalEmail, "password_reset_link")).secrets.token!;
    const resetRefused = await visitor.post("/api/auth/reset-password", {
      token,
      newPassword: FAKE_BREACHED[0]!,
      confirmPassword: FAKE_BREACHED[0]!,
    });
    expect(resetRefused.status).toBe(422);
    expect((await errorOf(resetRefused)).fields?.[0]).toMatchObject({ field: "newPassword", code: "breached" });

    // An officer replacing the one-time initial password.
    const email = `officer${unique()}@cic.gc.ca`;
    const totpSecret = generateTotpSecret();
    const initial = "officer passphrase for review";
    await createOfficer(
      db(),
      { email, name: "Breach Officer", role: "officer", passwordHash: await hashPassword(initial), totpSecret },
      { kind: "admin", id: "test" },
    );
    const officer = new Browser();
    useBindings(officer, { PWNED_PASSWORDS_URL: fake });
    expect(
      (
        await officer.post("/review/api/sign-in", {
          email,
          password: initial,
          code: await totpCode(totpSecret, Date.now()),
        })
      ).status,
    ).toBe(200);
    const officerRefused = await officer.post("/review/api/change-password", {
      newPassword: FAKE_BREACHED[1]!,
      confirmPassword: FAKE_BREACHED[1]!,
    });
    expect(officerRefused.status).toBe(422);
    expect((await errorOf(officerRefused)).fields?.[0]).toMatchObject({ field: "newPassword", code: "breached" });
  });

  it("when the service is slow or down, the shipped list decides: a breached-online password is accepted in time, a listed one still refused", async () => {
    const slow = await signedInApplicant();
    useBindings(slow.browser, { PWNED_PASSWORDS_URL: `${fake}/slow` });
    expect((await change(slow.browser, "correct horse battery staple")).status).toBe(422); // the shipped list needs no network
    const started = Date.now();
    const accepted = await change(slow.browser, FAKE_BREACHED[0]!);
    const elapsed = Date.now() - started;
    expect(accepted.status).toBe(200);
    expect(elapsed).toBeGreaterThanOrEqual(LOOKUP_TIMEOUT_MS - 100);
    expect(elapsed).toBeLessThan(4500); // the fake answers after 5 s: the worker did not wait for it

    const down = await signedInApplicant();
    useBindings(down.browser, { PWNED_PASSWORDS_URL: `${fake}/down` });
    expect((await change(down.browser, FAKE_BREACHED[1]!)).status).toBe(200);
  });
});
