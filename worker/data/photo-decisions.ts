import { and, eq, inArray } from "drizzle-orm";
import { cards, persons, photos, reviewDecisions, submissions } from "../../schema/index.ts";
import { outboxInsert } from "../email/outbox.ts";
import type { ReturnReason } from "../email/return-reasons.ts";
import { cardMailedEmail, photoAcceptedEmail, photoReturnedEmail } from "../email/templates.ts";
import type { AppEnv } from "../env.ts";
import { settings, templateContext } from "../lib/config.ts";
import { auditInsert } from "./audit.ts";
import { type Database, addDays, nowIso } from "./db.ts";

type DecisionEnv = Pick<AppEnv, "EMAIL_FROM" | "PUBLIC_ORIGIN" | "HELP_EMAIL" | "TEMP_PASSWORD_DAYS" | "INVITATION_DAYS" | "CARD_TARGET_DAYS">;

async function submissionContext(db: Database, submissionId: number) {
  const submission = await db.select().from(submissions).where(eq(submissions.id, submissionId)).get();
  if (!submission) return null;
  const person = (await db.select().from(persons).where(eq(persons.id, submission.personId)).get())!;
  const account = person.actingAccountId ? await db.query.accounts.findFirst({ where: (a, { eq: equal }) => equal(a.id, person.actingAccountId!) }) : undefined;
  return { submission, person, account };
}

export type PhotoDecisionOutcome =
  | { ok: true; outboxIds: number[] }
  | { ok: false; reason: "not_found" }
  /** `repeated`: this officer already made this same decision (a retried request), so nothing new happened. */
  | { ok: false; reason: "already_decided"; repeated: boolean };

/**
 * An officer's photo decision on a submission: the decision row, the photo's
 * new state and the applicant's email, in one batch. The unique index on
 * one photo decision per submission makes a second decision fail whole, so
 * two officers can never both decide the same item.
 */
async function decidePhoto(
  db: Database,
  env: DecisionEnv,
  input: { submissionId: number; officerId: number; decision: "photo_accepted" | "photo_returned"; reasons?: ReturnReason[]; note?: string | null },
  now: number,
): Promise<PhotoDecisionOutcome> {
  const context = await submissionContext(db, input.submissionId);
  if (!context) return { ok: false, reason: "not_found" };
  const { submission, person, account } = context;
  const decidedAt = nowIso(now);
  const name = `${person.givenNames} ${person.familyName}`;
  const email =
    input.decision === "photo_accepted"
      ? photoAcceptedEmail(templateContext(env), { name, cardTargetDate: addDays(decidedAt, settings(env).cardTargetDays).slice(0, 10) })
      : photoReturnedEmail(templateContext(env), { name, reasons: input.reasons ?? [], note: input.note ?? null });
  try {
    const results = await db.batch([
      db.insert(reviewDecisions).values({
        submissionId: submission.id,
        officerId: input.officerId,
        decision: input.decision,
        reasonsJson: JSON.stringify(input.reasons ?? []),
        note: input.note ?? null,
        decidedAt,
      }),
      db
        .update(photos)
        .set({ state: input.decision === "photo_accepted" ? "accepted" : "returned" })
        .where(and(eq(photos.id, submission.photoId), eq(photos.state, "submitted"))),
      ...(account ? [outboxInsert(db, env, { kind: input.decision, to: account.email, email })] : []),
      auditInsert(db, {
        actorKind: "officer",
        actorId: input.officerId,
        action: input.decision === "photo_accepted" ? "photo.accepted" : "photo.returned",
        subjectKind: "submission",
        subjectId: submission.id,
        details: { reasons: input.reasons ?? [] },
      }),
    ]);
    return { ok: true, outboxIds: account ? (results[2] as { id: number }[]).map((r) => r.id) : [] };
  } catch (error) {
    if (!String(error).includes("UNIQUE constraint failed: review_decisions.submission_id")) throw error;
    const existing = await db
      .select({ officerId: reviewDecisions.officerId, decision: reviewDecisions.decision, reasonsJson: reviewDecisions.reasonsJson })
      .from(reviewDecisions)
      .where(and(eq(reviewDecisions.submissionId, submission.id), inArray(reviewDecisions.decision, ["photo_accepted", "photo_returned"])))
      .get();
    const sameReasons = (a: string, b: string) => JSON.stringify([...JSON.parse(a)].sort()) === JSON.stringify([...JSON.parse(b)].sort());
    const repeated = !!existing && existing.officerId === input.officerId && existing.decision === input.decision && sameReasons(existing.reasonsJson, JSON.stringify(input.reasons ?? []));
    return { ok: false, reason: "already_decided", repeated };
  }
}

export function acceptPhoto(db: Database, env: DecisionEnv, input: { submissionId: number; officerId: number }, now = Date.now()) {
  return decidePhoto(db, env, { ...input, decision: "photo_accepted" }, now);
}

/** Returns a photo with at least one reason; only the photo task reopens for the applicant. */
export function returnPhoto(
  db: Database,
  env: DecisionEnv,
  input: { submissionId: number; officerId: number; reasons: ReturnReason[]; note?: string | null },
  now = Date.now(),
) {
  if (input.reasons.length === 0) throw new Error("returnPhoto needs at least one reason");
  return decidePhoto(db, env, { ...input, decision: "photo_returned" }, now);
}

/** Records card production and/or mailing (dates as YYYY-MM-DD); mailing emails the applicant. */
export async function recordCard(
  db: Database,
  env: DecisionEnv,
  input: { personId: number; actor: { kind: "officer" | "admin"; id: string | number }; producedOn?: string; mailedOn?: string },
  now = Date.now(),
) {
  const person = (await db.select().from(persons).where(eq(persons.id, input.personId)).get())!;
  const account = person.actingAccountId ? await db.query.accounts.findFirst({ where: (a, { eq: equal }) => equal(a.id, person.actingAccountId!) }) : undefined;
  const existing = await db.select().from(cards).where(eq(cards.personId, person.id)).get();
  const address = await db.query.addresses.findFirst({ where: (a, { eq: equal }) => equal(a.personId, person.id) });
  const values = {
    producedAt: input.producedOn ?? existing?.producedAt ?? null,
    mailedAt: input.mailedOn ?? existing?.mailedAt ?? null,
    mailedToJson: input.mailedOn ? JSON.stringify(address ?? null) : (existing?.mailedToJson ?? null),
    updatedAt: nowIso(now),
  };
  // The mailing email goes once: recording the mailing again (a retried
  // request, a corrected date) updates the record without a second email.
  const firstMailing = !!input.mailedOn && !existing?.mailedAt;
  const results = await db.batch([
    db.insert(cards).values({ personId: person.id, ...values }).onConflictDoUpdate({ target: cards.personId, set: values }),
    ...(firstMailing && account
      ? [outboxInsert(db, env, { kind: "card_mailed", to: account.email, email: cardMailedEmail(templateContext(env), { name: `${person.givenNames} ${person.familyName}`, mailedOn: input.mailedOn! }) })]
      : []),
    auditInsert(db, { actorKind: input.actor.kind, actorId: input.actor.id, action: "card.recorded", subjectKind: "person", subjectId: person.id, details: { producedOn: input.producedOn, mailedOn: input.mailedOn } }),
  ]);
  return { outboxIds: firstMailing && account ? (results[1] as { id: number }[]).map((r) => r.id) : [] };
}
