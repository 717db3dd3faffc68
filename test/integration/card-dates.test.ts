// Card dates (issue 14, point 6): produced ≤ mailed ≤ today, both on or
// after the photo's acceptance, each refusal a translated field error; a
// recorded mailed date changes only by a supervisor's audited correction.
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, cards, submissions } from "../../schema/index.ts";
import { acceptPhoto } from "../../worker/data/photo-decisions.ts";
import { db, signedInApplicant } from "../support/factories.ts";
import { errorOf } from "../support/http.ts";
import { submitAll } from "../support/journey.ts";
import { signedInOfficer } from "../support/officers.ts";

const DAY = 86_400_000;
const day = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

/** A submitted person whose photo an officer accepted `acceptedDaysAgo` days ago. */
async function acceptedPerson(acceptedDaysAgo: number) {
  const applicant = await signedInApplicant();
  const person = applicant.persons[0]!;
  await submitAll(applicant.browser, person.id);
  const submission = (await db().select().from(submissions).where(eq(submissions.personId, person.id)).get())!;
  const officer = await signedInOfficer();
  expect(
    (
      await acceptPhoto(
        db(),
        env,
        { submissionId: submission.id, officerId: officer.id },
        Date.now() - acceptedDaysAgo * DAY,
      )
    ).ok,
  ).toBe(true);
  return { person, officer };
}

async function refusal(response: Response) {
  expect(response.status).toBe(422);
  const error = await errorOf(response);
  expect(error.fields).toHaveLength(1);
  return error.fields![0]!;
}

describe("card dates", () => {
  it("refuses a date in the future, before the photo's acceptance, or a production after the mailing, each with a translated field error", async () => {
    const { person, officer } = await acceptedPerson(10);
    const card = (body: Record<string, string>, lang = "en") =>
      officer.browser.post(`/review/api/persons/${person.id}/card`, body, { "Accept-Language": lang });

    expect(await refusal(await card({ producedOn: day(-11) }))).toMatchObject({
      field: "producedOn",
      code: "before_acceptance",
      message: `Enter a date on or after the day the photo was accepted (${day(-10)}).`,
    });
    expect(await refusal(await card({ producedOn: day(-11) }, "fr"))).toMatchObject({
      field: "producedOn",
      message: `Entrez une date égale ou postérieure au jour de l'acceptation de la photo (${day(-10)}).`,
    });
    expect(await refusal(await card({ mailedOn: day(1) }))).toMatchObject({
      field: "mailedOn",
      code: "future",
      message: `Enter a date that is today (${day(0)}) or earlier.`,
    });
    expect(await refusal(await card({ mailedOn: day(1) }, "fr"))).toMatchObject({
      field: "mailedOn",
      code: "future",
      message: `Entrez une date d'aujourd'hui (${day(0)}) ou antérieure.`,
    });
    expect(await refusal(await card({ producedOn: "2026-02-30" }))).toMatchObject({
      field: "producedOn",
      code: "invalid",
    });
    expect(await refusal(await card({ producedOn: day(-3), mailedOn: day(-5) }))).toMatchObject({
      field: "mailedOn",
      code: "before_produced",
      message: `The card cannot have been mailed before it was produced (${day(-3)}).`,
    });
    expect(await db().select().from(cards).where(eq(cards.personId, person.id)).all()).toEqual([]);

    expect((await card({ producedOn: day(-5) })).status).toBe(200);
    // Against the recorded production date too.
    expect(await refusal(await card({ mailedOn: day(-6) }, "fr"))).toMatchObject({
      field: "mailedOn",
      code: "before_produced",
      message: `La carte ne peut pas avoir été postée avant d'avoir été produite (${day(-5)}).`,
    });
    expect((await card({ mailedOn: day(-4) })).status).toBe(200);
    // The same mailing again (a retried request) is answered; a different one is not the officer's to record.
    expect((await card({ mailedOn: day(-4) })).status).toBe(200);
    expect(await refusal(await card({ mailedOn: day(-2) }))).toMatchObject({
      field: "mailedOn",
      code: "mailed_locked",
      message: `The mailing date is already recorded (${day(-4)}). Only a supervisor can correct it.`,
    });
    expect(await refusal(await card({ producedOn: day(-3) }))).toMatchObject({
      field: "producedOn",
      code: "after_mailed",
      message: `The card cannot have been produced after it was mailed (${day(-4)}).`,
    });
    expect(await db().select().from(cards).where(eq(cards.personId, person.id)).get()).toMatchObject({
      producedAt: day(-5),
      mailedAt: day(-4),
    });
  });

  it("a recorded mailed date changes only by a supervisor's correction with a reason, audited with both dates; a plain officer is refused", async () => {
    const { person, officer } = await acceptedPerson(10);
    const supervisor = await signedInOfficer("Sam Supervisor", "supervisor");
    const correct = (who: typeof officer, body: Record<string, string>, lang = "en") =>
      who.browser.post(`/review/api/persons/${person.id}/card/mailed-correction`, body, { "Accept-Language": lang });

    // Nothing recorded yet: nothing to correct.
    expect((await correct(supervisor, { mailedOn: day(-2), reason: "typo" })).status).toBe(409);
    expect(
      (await officer.browser.post(`/review/api/persons/${person.id}/card`, { producedOn: day(-6), mailedOn: day(-5) }))
        .status,
    ).toBe(200);
    const recordedAt = (await db().select().from(cards).where(eq(cards.personId, person.id)).get())!.mailedRecordedAt!;

    const plain = await correct(officer, { mailedOn: day(-2), reason: "typo" });
    expect(plain.status).toBe(403);
    expect(await refusal(await correct(supervisor, { mailedOn: day(-2), reason: "  " }, "fr"))).toMatchObject({
      field: "reason",
      message: "Indiquez pourquoi la date d'envoi est corrigée.",
    });
    expect(await refusal(await correct(supervisor, { mailedOn: day(-5), reason: "typo" }))).toMatchObject({
      field: "mailedOn",
      code: "same_date",
    });
    expect(await refusal(await correct(supervisor, { mailedOn: day(-11), reason: "typo" }))).toMatchObject({
      field: "mailedOn",
      code: "before_acceptance",
    });
    expect(await refusal(await correct(supervisor, { mailedOn: day(-7), reason: "typo" }))).toMatchObject({
      field: "mailedOn",
      code: "before_produced",
    });
    expect(await refusal(await correct(supervisor, { mailedOn: day(1), reason: "typo" }))).toMatchObject({
      field: "mailedOn",
      code: "future",
    });
    expect((await db().select().from(cards).where(eq(cards.personId, person.id)).get())!.mailedAt).toBe(day(-5));

    expect(
      (await correct(supervisor, { mailedOn: day(-3), reason: "The producer's report named the wrong day." })).status,
    ).toBe(200);
    const after = (await db().select().from(cards).where(eq(cards.personId, person.id)).get())!;
    expect(after.mailedAt).toBe(day(-3));
    expect(after.mailedRecordedAt! > recordedAt).toBe(true);
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "card.mailed_corrected"), eq(auditLog.subjectId, String(person.id))))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: "officer", actorId: String(supervisor.id), subjectKind: "person" });
    expect(JSON.parse(audit[0]!.detailsJson)).toEqual({
      from: day(-5),
      to: day(-3),
      reason: "The producer's report named the wrong day.",
    });
    // The officer's page shows the corrected date.
    const submission = (await db().select().from(submissions).where(eq(submissions.personId, person.id)).get())!;
    const item = (await (await officer.browser.get(`/review/api/items/${submission.id}`)).json()) as {
      card: { mailedOn: string };
    };
    expect(item.card.mailedOn).toBe(day(-3));
  });
});
