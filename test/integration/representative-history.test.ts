// Needs its own workerd and storage: the retention purge runs over every account and grant.
// What an applicant's representatives see and hear around the journey (decision 026): each refused
// attempt in the applicant's list of the representative's actions (middleware/representative-refusals.ts),
// the grants of an account erased by the retention purge ended with their reason, and a copy of every
// status email about a person a grant covers (submission, e-CoPR corrections, another way), addressed to
// the representative, none of it with REPRESENTATIVE_ACCESS off.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, submissions } from "../../schema/index.ts";
import { addDays, nowIso } from "../../worker/data/db.ts";
import { acceptPhoto, recordCard } from "../../worker/data/photo-decisions.ts";
import { representativeGrantsOf } from "../../worker/data/representatives.ts";
import { runMaintenance } from "../../worker/maintenance/index.ts";
import { issueProofOfPr } from "../../worker/services/ecopr.ts";
import { db, latestMail, signedInApplicant } from "../support/factories.ts";
import { useBindings } from "../support/faults.ts";
import { type Browser, errorOf } from "../support/http.ts";
import { TEST_ADDRESS, submitAll } from "../support/journey.ts";
import { signedInOfficer } from "../support/officers.ts";
import { signedInRepresentative } from "../support/representatives.ts";

const DAY = 86_400_000;
const OFF = { REPRESENTATIVE_ACCESS: "off" };

type Grants = { representatives: { actions: { action: string; reason?: string }[]; revokedReason: string | null }[] };
const actionsSeenBy = async (applicant: Browser) =>
  ((await (await applicant.get("/api/representatives")).json()) as Grants).representatives[0]!.actions.map(
    (a) => a.action,
  );

const mailsTo = async (to: string) =>
  (
    await env.DB.prepare("SELECT kind, text_body FROM outbox WHERE to_address = ? ORDER BY id").bind(to).all<{
      kind: string;
      text_body: string;
    }>()
  ).results;

/** The person submitted, accepted and given an e-CoPR, as the officers' routes do. */
async function withEcopr(browser: Browser, personId: number, officerId: number) {
  await submitAll(browser, personId);
  const submission = (await db().select().from(submissions).where(eq(submissions.personId, personId)).get())!;
  expect((await acceptPhoto(db(), env, { submissionId: submission.id, officerId })).ok).toBe(true);
  await issueProofOfPr(db(), env, { personId, officerId });
}

function reportError(browser: Browser, personId: number, correctValue: string) {
  const form = new FormData();
  form.set("field", "given_names");
  form.set("correctValue", correctValue);
  return browser.request(`/api/persons/${personId}/ecopr-corrections`, { method: "POST", body: form });
}

const pendingCorrection = async (personId: number) =>
  (await env.DB.prepare("SELECT id FROM ecopr_corrections WHERE person_id = ? AND status = 'pending'")
    .bind(personId)
    .first<{ id: number }>())!.id;

describe("the applicant's list of a representative's actions", () => {
  it("shows each refused attempt (declare, submit, change the address) on the applicant's persons, audited with the route tried; not one on another family's person", async () => {
    const applicant = await signedInApplicant();
    const rep = await signedInRepresentative(applicant.browser);
    const person = applicant.persons[0]!;
    const other = await signedInApplicant();
    const attempts = [
      () => rep.browser.post(`/api/persons/${person.id}/presence`, { confirm: true }),
      () => rep.browser.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true }),
      () => rep.browser.post(`/api/persons/${person.id}/address-change`, TEST_ADDRESS),
      () => rep.browser.post(`/api/persons/${other.persons[0]!.id}/submit`, { declarationConfirmed: true }),
    ];
    for (const attempt of attempts) expect((await errorOf(await attempt())).code).toBe("representative_read_only");
    const actions = await actionsSeenBy(applicant.browser);
    expect(actions.filter((a) => a === "refused")).toHaveLength(3);
    const audited = (
      await env.DB.prepare(
        "SELECT subject_kind, subject_id, details_json FROM audit_log WHERE action = 'representative.refused' AND actor_kind = 'representative' ORDER BY id",
      ).all<{ subject_kind: string; subject_id: string; details_json: string }>()
    ).results.slice(-4);
    expect(audited.map((a) => JSON.parse(a.details_json).route)).toEqual([
      "/api/persons/:id/presence",
      "/api/persons/:id/submit",
      "/api/persons/:id/address-change",
      "/api/persons/:id/submit",
    ]);
    expect(audited.map((a) => `${a.subject_kind}:${a.subject_id}`)).toEqual([
      `person:${person.id}`,
      `person:${person.id}`,
      `person:${person.id}`,
      `person:${other.persons[0]!.id}`,
    ]);
  });
});

describe("the retention purge", () => {
  it("ends the grants of an account it erases, with the reason in the grant's history and the audit; the representative no longer sees the person", async () => {
    const applicant = await signedInApplicant();
    const rep = await signedInRepresentative(applicant.browser);
    const person = applicant.persons[0]!;
    const officer = await signedInOfficer();
    const now = Date.now();
    const retention = Number(env.RETENTION_DAYS_AFTER_CARD_MAILED);
    const mailedOn = addDays(nowIso(now), -(retention + 1)).slice(0, 10);
    await submitAll(applicant.browser, person.id);
    const submission = (await db().select().from(submissions).where(eq(submissions.personId, person.id)).get())!;
    expect(
      (
        await acceptPhoto(
          db(),
          env,
          { submissionId: submission.id, officerId: officer.id },
          now - (retention + 30) * DAY,
        )
      ).ok,
    ).toBe(true);
    await issueProofOfPr(db(), env, { personId: person.id, officerId: officer.id });
    const recordedAt = now - (Number(env.RETENTION_GRACE_DAYS) + 1) * DAY;
    const card = {
      personId: person.id,
      actor: { kind: "officer" as const, id: officer.id },
      producedOn: mailedOn,
      mailedOn,
    };
    expect(await recordCard(db(), env, card, recordedAt)).toMatchObject({ ok: true });
    expect((await rep.browser.get(`/api/representing/persons/${person.id}`)).status).toBe(200);

    await runMaintenance(env, now);

    const account = (await db().select().from(accounts).where(eq(accounts.personId, person.id)).get())!;
    expect(account.username).toBe(`purged-${account.id}`);
    const [grant] = await representativeGrantsOf(db(), account.id);
    expect(grant).toMatchObject({ state: "revoked", revokedReason: "account_purged" });
    expect(grant!.actions.at(-1)).toMatchObject({ action: "revoked", reason: "account_purged" });
    const audit = await env.DB.prepare(
      "SELECT actor_kind, actor_id, details_json FROM audit_log WHERE action = 'representative.revoked' AND subject_id = ?",
    )
      .bind(String(grant!.grantId))
      .first<{ actor_kind: string; actor_id: string; details_json: string }>();
    expect(audit).toMatchObject({ actor_kind: "system", actor_id: "retention" });
    expect(JSON.parse(audit!.details_json)).toEqual({ reason: "account_purged" });
    // The representative's own session goes on, and shows the person no more.
    const overview = (await (await rep.browser.get("/api/representing")).json()) as { persons: unknown[] };
    expect(overview.persons).toEqual([]);
    expect((await rep.browser.get(`/api/representing/persons/${person.id}`)).status).toBe(404);
    // A revocation is final: the purge's reason cannot be rewritten.
    const rewrite = env.DB.prepare("UPDATE representative_grants SET revoked_reason = 'applicant' WHERE id = ?").bind(
      grant!.grantId,
    );
    await expect(rewrite.run()).rejects.toThrow(/representative_grant_locked/);
  });

  it("a person it erases while the family's account stays is no longer shown to the representative, who still sees the rest of the family", async () => {
    const family = await signedInApplicant({ dependants: [{ givenNames: "Ife", dateOfBirth: "2015-05-05" }] });
    const rep = await signedInRepresentative(family.browser);
    const [principal, child] = family.persons;
    const officer = await signedInOfficer();
    const now = Date.now();
    const retention = Number(env.RETENTION_DAYS_AFTER_CARD_MAILED);
    const mailedOn = addDays(nowIso(now), -(retention + 1)).slice(0, 10);
    await submitAll(family.browser, principal!.id);
    const submission = (await db().select().from(submissions).where(eq(submissions.personId, principal!.id)).get())!;
    await acceptPhoto(db(), env, { submissionId: submission.id, officerId: officer.id }, now - (retention + 30) * DAY);
    await issueProofOfPr(db(), env, { personId: principal!.id, officerId: officer.id });
    const card = {
      personId: principal!.id,
      actor: { kind: "officer" as const, id: officer.id },
      producedOn: mailedOn,
      mailedOn,
    };
    const recordedAt = now - (Number(env.RETENTION_GRACE_DAYS) + 1) * DAY;
    expect(await recordCard(db(), env, card, recordedAt)).toMatchObject({ ok: true });

    await runMaintenance(env, now);

    const overview = (await (await rep.browser.get("/api/representing")).json()) as { persons: { id: number }[] };
    expect(overview.persons.map((p) => p.id)).toEqual([child!.id]);
    expect((await rep.browser.get(`/api/representing/persons/${principal!.id}`)).status).toBe(404);
    const listed = (await (await family.browser.get("/api/representatives")).json()) as Grants;
    expect(listed.representatives[0]!.revokedReason).toBeNull();
  });

  it("an applicant's own revocation says so, and a reason is never written without the revocation", async () => {
    const applicant = await signedInApplicant();
    const rep = await signedInRepresentative(applicant.browser);
    const live = env.DB.prepare("UPDATE representative_grants SET revoked_reason = 'account_purged' WHERE id = ?").bind(
      rep.grantId,
    );
    await expect(live.run()).rejects.toThrow(/representative_grant_locked/);
    expect((await applicant.browser.post("/api/representatives/revoke", { grantId: rep.grantId })).status).toBe(200);
    const listed = (await (await applicant.browser.get("/api/representatives")).json()) as Grants;
    expect(listed.representatives[0]!.revokedReason).toBe("applicant");
    expect(listed.representatives[0]!.actions.at(-1)).toMatchObject({ action: "revoked", reason: "applicant" });
  });
});

describe("a representative's copy of each status email", () => {
  it("of the submission, each step of an e-CoPR correction and another way's request and outcome, addressed to them as the representative (EN/FR)", async () => {
    const applicant = await signedInApplicant();
    const rep = await signedInRepresentative(applicant.browser);
    const person = applicant.persons[0]!;
    const officer = await signedInOfficer();
    await withEcopr(applicant.browser, person.id, officer.id);

    expect((await reportError(applicant.browser, person.id, "Amarachi")).status).toBe(201);
    const accept = await officer.browser.post(`/review/api/persons/${person.id}/corrections/accept`, {
      correctionId: await pendingCorrection(person.id),
    });
    expect(accept.status).toBe(200);
    expect((await reportError(applicant.browser, person.id, "Ngozi")).status).toBe(201);
    const refuse = await officer.browser.post(`/review/api/persons/${person.id}/corrections/refuse`, {
      correctionId: await pendingCorrection(person.id),
      reason: "The passport shows the name as printed.",
    });
    expect(refuse.status).toBe(200);

    const asked = await applicant.browser.post(`/api/persons/${person.id}/another-way`, {
      kind: "accommodation",
      reason: "I need help reading the screen.",
    });
    expect(asked.status).toBe(202);
    const requestId = (await env.DB.prepare("SELECT id FROM another_way_requests WHERE person_id = ?")
      .bind(person.id)
      .first<{ id: number }>())!.id;
    const outcome = await officer.browser.post(`/review/api/another-way/${requestId}/outcome`, {
      outcome: "contacted",
    });
    expect(outcome.status).toBe(200);

    const kinds = [
      "submission_received",
      "ecopr_correction_received",
      "ecopr_correction_accepted",
      "ecopr_correction_refused",
      "another_way_received",
      "another_way_contacted",
    ];
    for (const kind of kinds) {
      const copy = await latestMail(rep.email, kind);
      expect(copy.textBody, kind).toContain("Hello Morgan Avocat,");
      expect(copy.textBody, kind).toContain("as the representative of");
      expect(copy.textBody, kind).toContain("Bonjour Morgan Avocat,");
      expect(copy.textBody, kind).toContain("en tant que représentant de");
      // The applicant's own email is theirs, not a representative's.
      expect((await latestMail(applicant.principalEmail, kind)).textBody, kind).not.toContain("Morgan Avocat");
    }
  });

  it('none of them with REPRESENTATIVE_ACCESS "off", and the applicant\'s emails say nothing of representatives', async () => {
    const applicant = await signedInApplicant();
    const rep = await signedInRepresentative(applicant.browser);
    const person = applicant.persons[0]!;
    const officer = await signedInOfficer();
    useBindings(applicant.browser, OFF);
    useBindings(officer.browser, OFF);
    await submitAll(applicant.browser, person.id);
    const asked = await applicant.browser.post(`/api/persons/${person.id}/another-way`, {
      kind: "paper",
      reason: "I would rather do it on paper.",
    });
    expect(asked.status).toBe(202);
    const requestId = (await env.DB.prepare("SELECT id FROM another_way_requests WHERE person_id = ?")
      .bind(person.id)
      .first<{ id: number }>())!.id;
    expect(
      (await officer.browser.post(`/review/api/another-way/${requestId}/outcome`, { outcome: "contacted" })).status,
    ).toBe(200);
    const submission = (await db().select().from(submissions).where(eq(submissions.personId, person.id)).get())!;
    await acceptPhoto(db(), { ...env, ...OFF }, { submissionId: submission.id, officerId: officer.id });
    await issueProofOfPr(db(), { ...env, ...OFF }, { personId: person.id, officerId: officer.id });
    expect((await reportError(applicant.browser, person.id, "Amarachi")).status).toBe(201);
    const accept = await officer.browser.post(`/review/api/persons/${person.id}/corrections/accept`, {
      correctionId: await pendingCorrection(person.id),
    });
    expect(accept.status).toBe(200);

    const kinds = [
      "submission_received",
      "another_way_received",
      "another_way_contacted",
      "ecopr_correction_received",
      "ecopr_correction_accepted",
    ];
    const copies = (await mailsTo(rep.email)).map((m) => m.kind);
    for (const kind of kinds) {
      expect(copies, kind).not.toContain(kind);
      expect((await latestMail(applicant.principalEmail, kind)).textBody, kind).not.toMatch(
        /representative|représentant/i,
      );
    }
  });
});
