// Defence: every handler reads the fields it needs by name (its body schema in
// shared/api/ keeps only the fields it names; body.confirm === true, ...) and
// takes who/what from the session and the path, never from the body. Each JSON
// route gets the fields an attacker would add; the rows written must be exactly
// what the route means to write.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createOfficer } from "../../../worker/data/officers.ts";
import { hashPassword } from "../../../worker/lib/password-hash.ts";
import { generateTotpSecret, totpCode } from "../../../worker/lib/officer-totp.ts";
import { Browser } from "../../support/http.ts";
import {
  GOOD_PASSWORD,
  acceptedFamily,
  db,
  eventuallyMail,
  invitedFamily,
  signedInApplicant,
  unique,
} from "../../support/factories.ts";
import { realFaces } from "../../support/face-source.ts";
import { TEST_ADDRESS, jpegOf, submitAll } from "../../support/journey.ts";
import { signedInOfficer } from "../../support/officers.ts";
import { type Applicant, type Officer, submissionIdOf } from "./world.ts";

const row = async <T = Record<string, unknown>>(sql: string, ...binds: unknown[]) =>
  (await env.DB.prepare(sql)
    .bind(...binds)
    .first<T>())!;
const rows = async (sql: string, ...binds: unknown[]) =>
  (
    await env.DB.prepare(sql)
      .bind(...binds)
      .all()
  ).results;

let attacker: Applicant;
let other: Applicant;
let otherAccountId: number;
let otherOfficer: Officer;

/** What an attacker adds to every body: ownership, roles, states and timestamps (spread first, so the real fields still count). */
function extras() {
  return {
    id: 1,
    state: "accepted",
    role: "supervisor",
    isAdmin: true,
    admin: true,
    personId: other.persons[0]!.id,
    accountId: otherAccountId,
    actingAccountId: otherAccountId,
    officerId: otherOfficer.id,
    verdict: "pass",
    decision: "photo_accepted",
    submittedAt: "2000-01-01T00:00:00.000Z",
    declaredOn: "2000-01-01",
    declaredByPersonId: other.persons[0]!.id,
    reference: "FORGED-REF",
    kind: "photo_resubmission",
    warningsAcknowledged: 1,
    passwordIsTemporary: 1,
    mustChangePassword: 0,
    passwordHash: "forged",
    username: "PR-FORGED1",
    email: "forged@evil.example",
    expiresAt: "2099-01-01T00:00:00.000Z",
    verificationCode: "AAAA-BBBB-CCCC-DDDD",
    photoId: 1,
    submissionId: 1,
    sessionId: "forged",
    __proto__: { isAdmin: true },
  };
}

beforeAll(async () => {
  otherOfficer = await signedInOfficer("Other Officer");
  other = await signedInApplicant();
  otherAccountId = (await row<{ id: number }>("SELECT id FROM accounts WHERE username = ?", other.username)).id;
  attacker = await signedInApplicant({ dependants: [{ givenNames: "Tobi", dateOfBirth: "2013-06-06" }] });
});

describe("extra fields in every applicant JSON body", () => {
  it("presence, address, photo, acknowledgement and submit write only the path's person, as the signed-in account", async () => {
    const accountId = (await row<{ id: number }>("SELECT id FROM accounts WHERE username = ?", attacker.username)).id;
    const [principal, child] = [attacker.persons[0]!, attacker.persons[1]!];
    const b = attacker.browser;
    expect((await b.post(`/api/persons/${child.id}/presence`, { confirm: true, ...extras() })).status).toBe(200);
    expect(
      await row(
        "SELECT person_id, declared_by_person_id, declared_by_account_id, declared_on < '2001' AS old FROM presence_declarations WHERE person_id = ?",
        child.id,
      ),
    ).toEqual({
      person_id: child.id,
      declared_by_person_id: principal.id,
      declared_by_account_id: accountId,
      old: 0,
    });
    expect((await b.post(`/api/persons/${child.id}/address`, { ...TEST_ADDRESS, ...extras() })).status).toBe(200);
    expect(
      await row("SELECT person_id, updated_by_account_id, street_name FROM addresses WHERE person_id = ?", child.id),
    ).toEqual({ person_id: child.id, updated_by_account_id: accountId, street_name: "Sussex Drive" });

    // Photo: the "body" is the file, so the extras ride in the query string.
    const query = new URLSearchParams(Object.entries(extras()).map(([k, v]) => [k, String(v)])).toString();
    const upload = await b.request(`/api/persons/${principal.id}/photo?${query}`, {
      method: "POST",
      headers: { "Content-Type": "image/jpeg" },
      body: await jpegOf(realFaces.greyBackground()),
    });
    expect(upload.status).toBe(201);
    expect(
      await row(
        "SELECT person_id, state, verdict, warnings_acknowledged, uploaded_by_account_id FROM photos WHERE person_id = ?",
        principal.id,
      ),
    ).toEqual({
      person_id: principal.id,
      state: "draft",
      verdict: "warn",
      warnings_acknowledged: 0,
      uploaded_by_account_id: accountId,
    });
    expect(
      (await b.post(`/api/persons/${principal.id}/photo/acknowledge`, { acknowledge: true, ...extras() })).status,
    ).toBe(200);
    expect(
      await row("SELECT state, verdict, warnings_acknowledged FROM photos WHERE person_id = ?", principal.id),
    ).toEqual({ state: "draft", verdict: "warn", warnings_acknowledged: 1 });

    expect((await b.post(`/api/persons/${principal.id}/presence`, { confirm: true })).status).toBe(200);
    expect((await b.post(`/api/persons/${principal.id}/address`, TEST_ADDRESS)).status).toBe(200);
    const submitted = await b.post(`/api/persons/${principal.id}/submit`, { declarationConfirmed: true, ...extras() });
    expect(submitted.status).toBe(201);
    const submission = await row<{
      reference: string;
      kind: string;
      submitted_by_account_id: number;
      submitted_at: string;
    }>(
      "SELECT reference, kind, submitted_by_account_id, submitted_at FROM submissions WHERE person_id = ?",
      principal.id,
    );
    expect(submission).toMatchObject({ kind: "initial", submitted_by_account_id: accountId });
    expect(submission.reference).not.toBe("FORGED-REF");
    expect(Date.parse(submission.submitted_at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await row("SELECT state FROM photos WHERE person_id = ?", principal.id)).state).toBe("submitted");

    // The other family, named in every extra field, has nothing.
    for (const table of ["presence_declarations", "addresses", "photos", "submissions"]) {
      expect(await rows(`SELECT id FROM ${table} WHERE person_id = ?`, other.persons[0]!.id), table).toEqual([]);
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it("account routes change only what they are for, and only the signed-in account", async () => {
    const applicant = await signedInApplicant();
    const before = await row("SELECT * FROM accounts WHERE username = ?", applicant.username);
    expect((await applicant.browser.post("/api/account/language", { language: "fr", ...extras() })).status).toBe(200);
    expect(await row("SELECT * FROM accounts WHERE id = ?", before.id)).toEqual({ ...before, language: "fr" });

    const changed = await applicant.browser.post("/api/account/password", {
      currentPassword: GOOD_PASSWORD,
      newPassword: "mass assignment passphrase one",
      confirmPassword: "mass assignment passphrase one",
      ...extras(),
    });
    expect(changed.status).toBe(200);
    const after = await row("SELECT * FROM accounts WHERE id = ?", before.id);
    expect(after).toMatchObject({
      username: before.username,
      email: before.email,
      password_is_temporary: 0,
      person_id: before.person_id,
    });
    expect(after.password_hash).not.toBe("forged");

    // Signing out, here or everywhere, never reaches the account or session named in the body.
    const otherSessions = await rows("SELECT id, revoked_at FROM sessions WHERE account_id = ?", otherAccountId);
    expect((await applicant.browser.post("/api/account/sign-out-everywhere", extras())).status).toBe(204);
    expect(await rows("SELECT id, revoked_at FROM sessions WHERE account_id = ?", otherAccountId)).toEqual(
      otherSessions,
    );
    expect(((await (await other.browser.get("/api/session")).json()) as { signedIn: boolean }).signedIn).toBe(true);
  });

  it("sign-in, set-password, forgot and reset password act on the account the credentials name, never the body's account", async () => {
    const family = await acceptedFamily();
    const browser = new Browser();
    expect(
      (
        await browser.post("/api/auth/sign-in", {
          ...extras(),
          username: family.username,
          password: family.temporaryPassword,
        })
      ).status,
    ).toBe(200);
    expect(await (await browser.get("/api/session")).json()).toMatchObject({
      signedIn: true,
      account: { username: family.username, mustSetPassword: true },
    });
    const before = await row("SELECT * FROM accounts WHERE username = ?", family.username);
    expect(
      (
        await browser.post("/api/auth/set-password", {
          newPassword: GOOD_PASSWORD,
          confirmPassword: GOOD_PASSWORD,
          ...extras(),
        })
      ).status,
    ).toBe(200);
    expect(await row("SELECT username, email, person_id, language FROM accounts WHERE id = ?", before.id)).toEqual({
      username: before.username,
      email: before.email,
      person_id: before.person_id,
      language: before.language,
    });

    const otherHash = (await row("SELECT password_hash FROM accounts WHERE id = ?", otherAccountId)).password_hash;
    expect(
      (await new Browser().post("/api/auth/forgot-password", { ...extras(), email: family.principalEmail })).status,
    ).toBe(202);
    const mail = await eventuallyMail(family.principalEmail, "password_reset_link");
    const reset = await new Browser().post("/api/auth/reset-password", {
      token: mail.secrets.token,
      newPassword: "a reset chosen by the owner",
      confirmPassword: "a reset chosen by the owner",
      ...extras(),
    });
    expect(reset.status).toBe(200);
    expect((await row("SELECT password_hash FROM accounts WHERE id = ?", otherAccountId)).password_hash).toBe(
      otherHash,
    );
    expect(await rows("SELECT id FROM password_reset_tokens WHERE account_id = ?", otherAccountId)).toEqual([]);
    expect(
      (
        await new Browser().post("/api/auth/sign-in", {
          username: family.username,
          password: "a reset chosen by the owner",
        })
      ).status,
    ).toBe(200);
  });

  it("accepting an invitation makes the portal's own account, whatever username, password or owner the body names", async () => {
    const invited = await invitedFamily();
    const accepted = await new Browser().post("/api/invitations/answer", {
      token: invited.token,
      usePortal: true,
      inCanada: true,
      emails: {},
      separateAccounts: [],
      ...extras(),
      password: "my own chosen password here",
    });
    expect(accepted.status).toBe(200);
    const person = await row<{ acting_account_id: number }>(
      "SELECT acting_account_id FROM persons WHERE id = ?",
      invited.persons[0]!.id,
    );
    expect(person.acting_account_id).not.toBe(otherAccountId);
    const account = await row(
      "SELECT username, password_is_temporary, email FROM accounts WHERE id = ?",
      person.acting_account_id,
    );
    expect(account).toMatchObject({ password_is_temporary: 1, email: invited.principalEmail });
    expect(account.username).not.toBe("PR-FORGED1");
  });
});

describe("extra fields in every officer JSON body", () => {
  it("sign-in and the password change never raise the role or skip the change", async () => {
    const password = "officer passphrase for review";
    const email = `officer${unique()}@cic.gc.ca`;
    const totpSecret = generateTotpSecret();
    const created = await createOfficer(
      db(),
      { email, name: "Plain Officer", role: "officer", passwordHash: await hashPassword(password), totpSecret },
      { kind: "admin", id: "test" },
    );
    const browser = new Browser();
    expect(
      (
        await browser.post("/review/api/sign-in", {
          ...extras(),
          email,
          password,
          code: await totpCode(totpSecret, Date.now()),
        })
      ).status,
    ).toBe(200);
    expect(await (await browser.get("/review/api/session")).json()).toMatchObject({
      role: "officer",
      mustChangePassword: true,
    });
    const chosen = "lighthouse orchard violin autumn";
    expect(
      (await browser.post("/review/api/change-password", { ...extras(), newPassword: chosen, confirmPassword: chosen }))
        .status,
    ).toBe(200);
    expect(await row("SELECT role, email, must_change_password FROM officers WHERE id = ?", created!.id)).toEqual({
      role: "officer",
      email,
      must_change_password: 0,
    });
    expect((await browser.get("/review/api/audit")).status).toBe(403);
    // The later password change (current password + code) changes the password and nothing else of anyone.
    const before = await row("SELECT * FROM officers WHERE id = ?", otherOfficer.id);
    const later = "quartz meadow lantern rivers";
    const changed = await browser.post("/review/api/password", {
      ...extras(),
      officerId: otherOfficer.id,
      email: otherOfficer.email,
      currentPassword: chosen,
      code: await totpCode(totpSecret, Date.now() + 30_000),
      newPassword: later,
      confirmPassword: later,
    });
    expect(changed.status).toBe(200);
    expect(
      await row("SELECT role, email, must_change_password, disabled_at FROM officers WHERE id = ?", created!.id),
    ).toEqual({ role: "officer", email, must_change_password: 0, disabled_at: null });
    expect(await row("SELECT * FROM officers WHERE id = ?", otherOfficer.id)).toEqual(before);
    expect((await browser.get("/review/api/audit")).status).toBe(403);
  });

  it("claim, return, accept, confirm-pr and card are recorded for the path's item, by the signed-in officer, as that route's decision", async () => {
    const officer = await signedInOfficer("Acting Officer");
    const first = await signedInApplicant();
    await submitAll(first.browser, first.persons[0]!.id);
    const second = await signedInApplicant();
    await submitAll(second.browser, second.persons[0]!.id);
    const [returned, accepted] = [
      await submissionIdOf(first.persons[0]!.id),
      await submissionIdOf(second.persons[0]!.id),
    ];
    const body = () => ({ ...extras(), submissionId: accepted, personId: second.persons[0]!.id });

    expect((await officer.browser.post(`/review/api/items/${returned}/claim`, body())).status).toBe(200);
    const claim = await row<{ officer_id: number; expires_at: string }>(
      "SELECT officer_id, expires_at FROM review_claims WHERE submission_id = ?",
      returned,
    );
    expect(claim.officer_id).toBe(officer.id);
    expect(Date.parse(claim.expires_at)).toBeLessThan(Date.now() + 31 * 60_000);
    expect(await rows("SELECT * FROM review_claims WHERE submission_id = ?", accepted)).toEqual([]);

    expect(
      (await officer.browser.post(`/review/api/items/${returned}/return`, { ...body(), reasons: ["glare"], note: "n" }))
        .status,
    ).toBe(200);
    expect(
      await rows(
        "SELECT submission_id, officer_id, decision FROM review_decisions WHERE submission_id IN (?, ?)",
        returned,
        accepted,
      ),
    ).toEqual([{ submission_id: returned, officer_id: officer.id, decision: "photo_returned" }]);

    expect((await officer.browser.post(`/review/api/items/${accepted}/claim`, body())).status).toBe(200);
    expect(
      (
        await officer.browser.post(`/review/api/items/${accepted}/accept`, {
          ...body(),
          decision: "photo_returned",
          reasons: ["glare"],
        })
      ).status,
    ).toBe(200);
    expect(await rows("SELECT officer_id, decision FROM review_decisions WHERE submission_id = ?", accepted)).toEqual([
      { officer_id: officer.id, decision: "photo_accepted" },
    ]);

    const confirm = await officer.browser.post(`/review/api/persons/${second.persons[0]!.id}/confirm-pr`, {
      ...body(),
      personId: first.persons[0]!.id,
    });
    expect(confirm.status).toBe(200);
    const document = await row(
      "SELECT person_id, issued_by_officer_id, verification_code, status FROM documents WHERE person_id = ?",
      second.persons[0]!.id,
    );
    expect(document).toMatchObject({
      person_id: second.persons[0]!.id,
      issued_by_officer_id: officer.id,
      status: "valid",
    });
    expect(document.verification_code).not.toBe("AAAA-BBBB-CCCC-DDDD");
    expect(await rows("SELECT id FROM documents WHERE person_id = ?", first.persons[0]!.id)).toEqual([]);

    const card = await officer.browser.post(`/review/api/persons/${second.persons[0]!.id}/card`, {
      ...body(),
      personId: first.persons[0]!.id,
      producedOn: new Date().toISOString().slice(0, 10),
    });
    expect(card.status).toBe(200);
    expect(
      await row("SELECT person_id, produced_at FROM cards WHERE person_id = ?", second.persons[0]!.id),
    ).toMatchObject({ person_id: second.persons[0]!.id });
    expect(await rows("SELECT person_id FROM cards WHERE person_id = ?", first.persons[0]!.id)).toEqual([]);

    // Nothing was attributed to the officer the body named.
    expect(await rows("SELECT id FROM review_decisions WHERE officer_id = ?", otherOfficer.id)).toEqual([]);
    // Signing out with another officer's ids in the body ends only this officer's session.
    expect((await officer.browser.post("/review/api/sign-out", body())).status).toBe(204);
    expect((await otherOfficer.browser.get("/review/api/session")).status).toBe(200);
  });
});
