// Needs its own workerd and storage: the daily job runs over every row and every R2 object.
// The daily maintenance job (worker/maintenance/, cron "17 3 * * *"): expired
// sessions, reset links, claims and throttle windows deleted and live ones
// kept; photos and personal data purged a configured time after the card
// was mailed, and nothing else; every part idempotent.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  accounts,
  addresses,
  auditLog,
  cards,
  confirmedEmailAddresses,
  outbox,
  passwordResetTokens,
  persons,
  rateLimits,
  reviewClaims,
  sessions,
  submissions,
} from "../../schema/index.ts";
import { addDays, nowIso } from "../../worker/data/db.ts";
import { newApplicantSession } from "../../worker/data/sessions.ts";
import { acceptPhoto, correctMailedDate, recordCard } from "../../worker/data/photo-decisions.ts";
import { claimSubmission } from "../../worker/data/review-queue.ts";
import worker from "../../worker/index.ts";
import { MAINTENANCE_CRON, runMaintenance } from "../../worker/maintenance/index.ts";
import { purgeCutoffDate } from "../../worker/maintenance/retention.ts";
import { issueProofOfPr } from "../../worker/services/ecopr.ts";
import { db, signedInApplicant, unique } from "../support/factories.ts";
import { Browser } from "../support/http.ts";
import { submitAll } from "../support/journey.ts";
import { signedInOfficer } from "../support/officers.ts";

const DAY = 86_400_000;
const RETENTION_DAYS = Number(env.RETENTION_DAYS_AFTER_CARD_MAILED);
const GRACE_DAYS = Number(env.RETENTION_GRACE_DAYS);

/**
 * A person taken through submit → accepted → e-CoPR → card mailed on
 * `mailedOn`. The photo is accepted long ago (card dates may not precede
 * it), and the mailed date is recorded at `recordedAt`: by default past the
 * purge's grace period, as a date recorded on the day it happened would be.
 */
async function mailedCard(
  personId: number,
  submissionOwner: Browser,
  officerId: number,
  mailedOn: string,
  recordedAt = Date.now() - (GRACE_DAYS + 1) * DAY,
) {
  await submitAll(submissionOwner, personId);
  const submission = (await db().select().from(submissions).where(eq(submissions.personId, personId)).get())!;
  expect(
    (await acceptPhoto(db(), env, { submissionId: submission.id, officerId }, Date.now() - (RETENTION_DAYS + 30) * DAY))
      .ok,
  ).toBe(true);
  const proof = await issueProofOfPr(db(), env, { personId, officerId });
  expect(
    await recordCard(
      db(),
      env,
      { personId, actor: { kind: "officer", id: officerId }, producedOn: mailedOn, mailedOn },
      recordedAt,
    ),
  ).toMatchObject({ ok: true });
  return { submission, proof };
}

const objectsOf = async (personId: number) => [
  ...(await env.FILES.list({ prefix: `photos/${personId}/` })).objects,
  ...(await env.FILES.list({ prefix: `documents/${personId}/` })).objects,
];

describe("maintenance: expired records", () => {
  it("deletes sessions, reset links, claims and throttle windows that can no longer be used, keeps live ones, and runs again harmlessly", async () => {
    const applicant = await signedInApplicant();
    const account = (await db().select().from(accounts).where(eq(accounts.username, applicant.username)).get())!;
    const now = Date.now();
    const longAgo = now - 3 * DAY;
    const expired = newApplicantSession(db(), account.id, longAgo);
    const revoked = newApplicantSession(db(), account.id, now - 2 * DAY);
    const live = newApplicantSession(db(), account.id, now);
    await db().batch([expired.insert, revoked.insert, live.insert]);
    await db()
      .update(sessions)
      .set({ revokedAt: nowIso(now - 2 * DAY) })
      .where(eq(sessions.id, revoked.id));
    const token = (n: number) => `maint-${unique()}-${n}`;
    await db()
      .insert(passwordResetTokens)
      .values([
        { accountId: account.id, tokenHash: token(1), expiresAt: nowIso(longAgo) },
        { accountId: account.id, tokenHash: token(2), expiresAt: nowIso(now + DAY), usedAt: nowIso(now - 2 * DAY) },
        { accountId: account.id, tokenHash: token(3), expiresAt: nowIso(now + 3_600_000) },
      ]);
    const windowKey = `ip:test:${unique()}`;
    await db()
      .insert(rateLimits)
      .values([
        { key: `${windowKey}:old`, windowStart: nowIso(longAgo), count: 3 },
        { key: `${windowKey}:new`, windowStart: nowIso(now), count: 3 },
      ]);
    // Two submissions, one claim run out and one live.
    const family = await signedInApplicant({ dependants: [{ givenNames: "Ilya", dateOfBirth: "2016-01-01" }] });
    for (const p of family.persons) await submitAll(family.browser, p.id);
    const [s1, s2] = await Promise.all(
      family.persons.map(
        async (p) => (await db().select().from(submissions).where(eq(submissions.personId, p.id)).get())!,
      ),
    );
    const officer = await signedInOfficer();
    await claimSubmission(db(), s1!.id, officer.id, now - DAY);
    await claimSubmission(db(), s2!.id, officer.id, now);

    // Run by the cron trigger, as Cloudflare would.
    await worker.scheduled({ cron: MAINTENANCE_CRON, scheduledTime: now, noRetry() {} } as ScheduledController, env);

    const sessionIds = (
      await db().select({ id: sessions.id }).from(sessions).where(eq(sessions.accountId, account.id)).all()
    ).map((r) => r.id);
    expect(sessionIds).toContain(live.id);
    expect(sessionIds).not.toContain(expired.id);
    expect(sessionIds).not.toContain(revoked.id);
    const tokens = (
      await db().select().from(passwordResetTokens).where(eq(passwordResetTokens.accountId, account.id)).all()
    ).map((r) => r.tokenHash);
    expect(tokens.filter((t) => t.startsWith("maint-")).map((t) => t.slice(-1))).toEqual(["3"]);
    const windows = (await db().select().from(rateLimits).all())
      .map((r) => r.key)
      .filter((k) => k.startsWith(windowKey));
    expect(windows).toEqual([`${windowKey}:new`]);
    const claims = (await db().select().from(reviewClaims).all()).map((c) => c.submissionId);
    expect(claims).toContain(s2!.id);
    expect(claims).not.toContain(s1!.id);
    // The applicant's live session still works.
    expect((await applicant.browser.get("/api/persons")).status).toBe(200);

    const again = await runMaintenance(env, now);
    expect(again.expired).toEqual({ sessions: 0, resetTokens: 0, claims: 0, rateLimits: 0 });
  });
});

describe("maintenance: retention after the card is mailed", () => {
  it("purges photos and personal data past the retention, keeps what proves the process, and leaves everyone else alone", async () => {
    expect(RETENTION_DAYS).toBeGreaterThan(0);
    const now = Date.now();
    const pastRetention = addDays(nowIso(now), -(RETENTION_DAYS + 1)).slice(0, 10);
    const withinRetention = addDays(nowIso(now), -(RETENTION_DAYS - 1)).slice(0, 10);
    expect(pastRetention <= purgeCutoffDate(RETENTION_DAYS, now)).toBe(true);
    expect(withinRetention > purgeCutoffDate(RETENTION_DAYS, now)).toBe(true);
    const officer = await signedInOfficer();

    // Kim: alone on her application, card mailed past the retention.
    const kim = await signedInApplicant();
    const kimPerson = kim.persons[0]!;
    const kimBefore = (await db().select().from(persons).where(eq(persons.id, kimPerson.id)).get())!;
    const { proof } = await mailedCard(kimPerson.id, kim.browser, officer.id, pastRetention);
    // Lee's family: the principal mailed past the retention, the dependant more recently.
    const lee = await signedInApplicant({ dependants: [{ givenNames: "Mina", dateOfBirth: "2014-05-05" }] });
    const [leeMain, leeChild] = lee.persons;
    await mailedCard(leeMain!.id, lee.browser, officer.id, pastRetention);
    await mailedCard(leeChild!.id, lee.browser, officer.id, withinRetention);
    expect((await objectsOf(kimPerson.id)).length).toBe(2); // photo and e-CoPR

    const report = await runMaintenance(env, now);
    expect(report.retention.persons).toBeGreaterThanOrEqual(2);

    // Kim: erased but for initials, ids, dates and decisions.
    const kimAfter = (await db().select().from(persons).where(eq(persons.id, kimPerson.id)).get())!;
    expect(kimBefore.searchKey).toBe(`${kimBefore.givenNames} ${kimBefore.familyName}`.toLowerCase());
    expect(kimAfter).toMatchObject({
      givenNames: kimBefore.givenNames[0]!.toUpperCase(),
      familyName: kimBefore.familyName[0]!.toUpperCase(),
      searchKey: "",
      dateOfBirth: "",
      email: "",
      uci: `purged-${kimPerson.id}`,
    });
    expect(kimAfter.purgedAt).not.toBeNull();
    expect(await db().select().from(addresses).where(eq(addresses.personId, kimPerson.id)).all()).toEqual([]);
    const kimSubmission = (await db().select().from(submissions).where(eq(submissions.personId, kimPerson.id)).get())!;
    expect(kimSubmission.addressJson).toBe("{}");
    expect((await db().select().from(cards).where(eq(cards.personId, kimPerson.id)).get())!).toMatchObject({
      mailedAt: pastRetention,
      mailedToJson: null,
    });
    expect(await objectsOf(kimPerson.id)).toEqual([]);
    expect(await db().select().from(outbox).where(eq(outbox.toAddress, kim.principalEmail)).all()).toEqual([]);
    // Her confirmed address is forgotten too; Lee's, still used by the account acting for Mina, is kept.
    expect(
      await db()
        .select()
        .from(confirmedEmailAddresses)
        .where(eq(confirmedEmailAddresses.email, kim.principalEmail.toLowerCase()))
        .all(),
    ).toEqual([]);
    expect(
      await db()
        .select()
        .from(confirmedEmailAddresses)
        .where(eq(confirmedEmailAddresses.email, lee.principalEmail.toLowerCase()))
        .all(),
    ).toHaveLength(1);
    expect(
      JSON.stringify(
        await db()
          .select()
          .from(auditLog)
          .where(eq(auditLog.subjectId, String(kimPerson.id)))
          .all(),
      ),
    ).not.toContain(kimBefore.familyName);
    const purgedAudit = await db().select().from(auditLog).where(eq(auditLog.action, "person.purged")).all();
    expect(purgedAudit.map((a) => a.subjectId)).toContain(String(kimPerson.id));
    // Her account is gone: the session ends, the password opens nothing.
    expect((await kim.browser.get("/api/persons")).status).toBe(401);
    const signIn = await new Browser().post("/api/auth/sign-in", { username: kim.username, password: kim.password });
    expect(signIn.status).toBe(401);
    // The e-CoPR code still verifies, with the initials kept for that purpose.
    const verified = (await (await new Browser().get(`/api/verify/${proof.verificationCode}`)).json()) as {
      genuine: boolean;
      initials: string;
    };
    expect(verified).toMatchObject({ genuine: true, initials: `${kimAfter.givenNames}. ${kimAfter.familyName}.` });
    // The purge cannot be used to change anything else about a submission.
    await expect(
      env.DB.prepare("update submissions set reference = 'PRC-XXXX-XXXX' where person_id = ?").bind(kimPerson.id).run(),
    ).rejects.toThrow(/submission_immutable/);

    // Lee's family: the principal purged, the dependant (mailed recently) and the shared account kept.
    expect((await db().select().from(persons).where(eq(persons.id, leeMain!.id)).get())!.purgedAt).not.toBeNull();
    const child = (await db().select().from(persons).where(eq(persons.id, leeChild!.id)).get())!;
    expect(child.purgedAt).toBeNull();
    expect(child.givenNames).toBe("Mina");
    expect(child.searchKey).toBe(`mina ${child.familyName.toLowerCase()}`);
    expect(await db().select().from(addresses).where(eq(addresses.personId, leeChild!.id)).all()).toHaveLength(1);
    expect((await objectsOf(leeChild!.id)).length).toBe(2);
    expect((await lee.browser.get("/api/persons")).status).toBe(200);

    // Idempotent: the next run purges nobody and deletes nothing more.
    const again = await runMaintenance(env, now);
    expect(again.retention).toEqual({ persons: 0, accounts: 0, objects: 0 });
    expect(again.orphans.deleted).toBe(0);
    expect((await objectsOf(leeChild!.id)).length).toBe(2);
  });
});

describe("maintenance: the retention purge's grace period after a mailed date is recorded", () => {
  it("does not purge on a mailed date recorded just now, however old the date; purges once the grace has passed", async () => {
    expect(GRACE_DAYS).toBeGreaterThan(0);
    const now = Date.now();
    const longAgo = addDays(nowIso(now), -(RETENTION_DAYS + 30)).slice(0, 10);
    const officer = await signedInOfficer();
    const kim = await signedInApplicant();
    const person = kim.persons[0]!;
    // A wrong date, months too early, typed today.
    await mailedCard(person.id, kim.browser, officer.id, longAgo, now);
    const card = (await db().select().from(cards).where(eq(cards.personId, person.id)).get())!;
    expect(card.mailedRecordedAt).toBe(nowIso(now));

    await runMaintenance(env, now);
    await runMaintenance(env, now + (GRACE_DAYS - 1) * DAY);
    const kept = (await db().select().from(persons).where(eq(persons.id, person.id)).get())!;
    expect(kept.purgedAt).toBeNull();
    expect(await db().select().from(addresses).where(eq(addresses.personId, person.id)).all()).toHaveLength(1);
    expect((await objectsOf(person.id)).length).toBe(2);

    await runMaintenance(env, now + GRACE_DAYS * DAY + 3_600_000);
    expect((await db().select().from(persons).where(eq(persons.id, person.id)).get())!.purgedAt).not.toBeNull();
  });

  it("a supervisor's correction of the mailed date restarts the grace period", async () => {
    const now = Date.now();
    const longAgo = addDays(nowIso(now), -(RETENTION_DAYS + 30)).slice(0, 10);
    const officer = await signedInOfficer();
    const supervisor = await signedInOfficer("Sam Supervisor", "supervisor");
    const lee = await signedInApplicant();
    const person = lee.persons[0]!;
    // Recorded well past the grace: the purge would take this person tonight…
    await mailedCard(person.id, lee.browser, officer.id, longAgo, now - (GRACE_DAYS + 5) * DAY);
    // …but a supervisor corrects the date today (to another old one), which restarts the wait.
    const corrected = addDays(nowIso(now), -(RETENTION_DAYS + 20)).slice(0, 10);
    expect(
      (
        await correctMailedDate(
          db(),
          {
            personId: person.id,
            supervisorId: supervisor.id,
            mailedOn: corrected,
            reason: "producer's report was wrong",
          },
          now,
        )
      ).ok,
    ).toBe(true);
    expect((await db().select().from(cards).where(eq(cards.personId, person.id)).get())!).toMatchObject({
      mailedAt: corrected,
      mailedRecordedAt: nowIso(now),
    });

    await runMaintenance(env, now);
    expect((await db().select().from(persons).where(eq(persons.id, person.id)).get())!.purgedAt).toBeNull();
    await runMaintenance(env, now + GRACE_DAYS * DAY + 3_600_000);
    expect((await db().select().from(persons).where(eq(persons.id, person.id)).get())!.purgedAt).not.toBeNull();
  });
});
