import { and, eq, inArray } from "drizzle-orm";
import { cards, persons, photos, reviewDecisions, submissions } from "../../schema/index.ts";
import { outboxInsert } from "./outbox.ts";
import type { ReturnReason } from "../../shared/photo/return-reasons.ts";
import { cardMailedEmail, photoAcceptedEmail, photoReturnedEmail } from "../email/templates.ts";
import type { AppEnv } from "../env.ts";
import { settings, templateContext } from "../lib/config.ts";
import { auditInsert } from "./audit.ts";
import { type CardDateProblem, cardDateProblems } from "./card-dates.ts";
import { type Database, addDays, nowIso } from "./db.ts";
import { personColumns } from "./person-identity.ts";
import { findAddress } from "./journey.ts";
import { ownNoticeAddress } from "./member-notices.ts";
import { representativeCopyAddresses } from "./representatives.ts";

/** The outbox ids a batch's outbox inserts returned. */
function outboxIdsOf(results: unknown[]): number[] {
  return results.flatMap((r) => (r as { id: number }[]).map((row) => row.id));
}

type DecisionEnv = Pick<
  AppEnv,
  "EMAIL_FROM" | "PUBLIC_ORIGIN" | "HELP_EMAIL" | "TEMP_PASSWORD_DAYS" | "INVITATION_DAYS" | "CARD_TARGET_DAYS"
> &
  Partial<Pick<AppEnv, "REPRESENTATIVE_ACCESS">>;

async function submissionContext(db: Database, submissionId: number) {
  const submission = await db.select().from(submissions).where(eq(submissions.id, submissionId)).get();
  if (!submission) return null;
  const person = (await db.select(personColumns).from(persons).where(eq(persons.id, submission.personId)).get())!;
  const account = person.actingAccountId
    ? await db.query.accounts.findFirst({ where: (a, { eq: equal }) => equal(a.id, person.actingAccountId!) })
    : undefined;
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
  input: {
    submissionId: number;
    officerId: number;
    decision: "photo_accepted" | "photo_returned";
    reasons?: ReturnReason[];
    note?: string | null;
  },
  now: number,
): Promise<PhotoDecisionOutcome> {
  const context = await submissionContext(db, input.submissionId);
  if (!context) return { ok: false, reason: "not_found" };
  const { submission, person, account } = context;
  const decidedAt = nowIso(now);
  const name = `${person.givenNames} ${person.familyName}`;
  const email = (member: boolean, representative?: string) =>
    input.decision === "photo_accepted"
      ? photoAcceptedEmail(templateContext(env), {
          name,
          cardTargetDate: addDays(decidedAt, settings(env).cardTargetDays).slice(0, 10),
          member,
          representative,
        })
      : photoReturnedEmail(templateContext(env), {
          name,
          reasons: input.reasons ?? [],
          note: input.note ?? null,
          member,
          representative,
        });
  // The acting account's email, and the person's own copy at their confirmed address.
  const own = await ownNoticeAddress(db, person, account);
  // ...and each representative's copy, addressed to them as the representative (decision 026).
  const representatives = await representativeCopyAddresses(db, env, person);
  const emails = [
    ...(account ? [outboxInsert(db, env, { kind: input.decision, to: account.email, email: email(false) })] : []),
    ...(own ? [outboxInsert(db, env, { kind: input.decision, to: own, email: email(true) })] : []),
    ...representatives.map((r) =>
      outboxInsert(db, env, { kind: input.decision, to: r.email, email: email(false, r.name) }),
    ),
  ];
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
      ...emails,
      auditInsert(db, {
        actorKind: "officer",
        actorId: input.officerId,
        action: input.decision === "photo_accepted" ? "photo.accepted" : "photo.returned",
        subjectKind: "submission",
        subjectId: submission.id,
        details: { reasons: input.reasons ?? [] },
      }),
    ]);
    return { ok: true, outboxIds: outboxIdsOf(results.slice(2, 2 + emails.length)) };
  } catch (error) {
    if (!String(error).includes("UNIQUE constraint failed: review_decisions.submission_id")) throw error;
    const existing = await db
      .select({
        officerId: reviewDecisions.officerId,
        decision: reviewDecisions.decision,
        reasonsJson: reviewDecisions.reasonsJson,
      })
      .from(reviewDecisions)
      .where(
        and(
          eq(reviewDecisions.submissionId, submission.id),
          inArray(reviewDecisions.decision, ["photo_accepted", "photo_returned"]),
        ),
      )
      .get();
    const sameReasons = (a: string, b: string) =>
      JSON.stringify([...JSON.parse(a)].sort()) === JSON.stringify([...JSON.parse(b)].sort());
    const repeated =
      !!existing &&
      existing.officerId === input.officerId &&
      existing.decision === input.decision &&
      sameReasons(existing.reasonsJson, JSON.stringify(input.reasons ?? []));
    return { ok: false, reason: "already_decided", repeated };
  }
}

export function acceptPhoto(
  db: Database,
  env: DecisionEnv,
  input: { submissionId: number; officerId: number },
  now = Date.now(),
) {
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

type CardOutcome = { ok: true; outboxIds: number[] } | { ok: false; problems: CardDateProblem[] };

/**
 * Records card production and/or mailing (dates as YYYY-MM-DD); the first
 * mailing emails the applicant. The dates must pass cardDateProblems
 * (produced ≤ mailed ≤ today, on or after the photo's acceptance; a recorded
 * mailed date is not replaced here), or nothing is written.
 */
export async function recordCard(
  db: Database,
  env: DecisionEnv,
  input: {
    personId: number;
    actor: { kind: "officer" | "admin"; id: string | number };
    producedOn?: string;
    mailedOn?: string;
  },
  now = Date.now(),
): Promise<CardOutcome> {
  const problems = await cardDateProblems(db, input.personId, input, nowIso(now).slice(0, 10));
  if (problems.length) return { ok: false, problems };
  const person = (await db.select(personColumns).from(persons).where(eq(persons.id, input.personId)).get())!;
  const account = person.actingAccountId
    ? await db.query.accounts.findFirst({ where: (a, { eq: equal }) => equal(a.id, person.actingAccountId!) })
    : undefined;
  const existing = await db.select().from(cards).where(eq(cards.personId, person.id)).get();
  // The address in force when the card went out: the newest of the person's history.
  const address = await findAddress(db, person.id);
  // The mailing email goes once: recording the same mailing again (a
  // retried request) changes nothing and sends no second email.
  const firstMailing = !!input.mailedOn && !existing?.mailedAt;
  const values = {
    producedAt: input.producedOn ?? existing?.producedAt ?? null,
    mailedAt: input.mailedOn ?? existing?.mailedAt ?? null,
    // When the date was recorded: the retention purge waits a grace period after it.
    mailedRecordedAt: firstMailing ? nowIso(now) : (existing?.mailedRecordedAt ?? null),
    mailedToJson: firstMailing ? JSON.stringify(address ?? null) : (existing?.mailedToJson ?? null),
    updatedAt: nowIso(now),
  };
  const mailedEmail = (to: string, member: boolean, representative?: string) =>
    outboxInsert(db, env, {
      kind: "card_mailed",
      to,
      email: cardMailedEmail(templateContext(env), {
        name: `${person.givenNames} ${person.familyName}`,
        mailedOn: input.mailedOn!,
        member,
        representative,
      }),
    });
  const own = firstMailing ? await ownNoticeAddress(db, person, account) : null;
  const representatives = firstMailing ? await representativeCopyAddresses(db, env, person) : [];
  const emails = firstMailing
    ? [
        ...(account ? [mailedEmail(account.email, false)] : []),
        ...(own ? [mailedEmail(own, true)] : []),
        ...representatives.map((r) => mailedEmail(r.email, false, r.name)),
      ]
    : [];
  const results = await db.batch([
    db
      .insert(cards)
      .values({ personId: person.id, ...values })
      .onConflictDoUpdate({ target: cards.personId, set: values }),
    ...emails,
    auditInsert(db, {
      actorKind: input.actor.kind,
      actorId: input.actor.id,
      action: "card.recorded",
      subjectKind: "person",
      subjectId: person.id,
      details: { producedOn: input.producedOn, mailedOn: input.mailedOn },
    }),
  ]);
  return { ok: true, outboxIds: outboxIdsOf(results.slice(1, 1 + emails.length)) };
}

type MailedCorrectionOutcome =
  | { ok: true }
  | { ok: false; reason: "not_mailed" | "same_date" }
  | { ok: false; reason: "invalid"; problems: CardDateProblem[] };

/**
 * A supervisor's correction of a recorded mailed date: the only way it
 * changes. The audit row (old and new date, the reason) is written first in
 * the batch: the cards_mailed_on_locked trigger (migration 0006) lets the
 * date change only right after such a row by a supervisor. The recorded-at
 * instant restarts, so the retention purge's grace period starts again.
 */
export async function correctMailedDate(
  db: Database,
  input: { personId: number; supervisorId: number; mailedOn: string; reason: string; ip?: string | null },
  now = Date.now(),
): Promise<MailedCorrectionOutcome> {
  const card = await db.select().from(cards).where(eq(cards.personId, input.personId)).get();
  if (!card?.mailedAt) return { ok: false, reason: "not_mailed" };
  if (card.mailedAt === input.mailedOn) return { ok: false, reason: "same_date" };
  const problems = await cardDateProblems(
    db,
    input.personId,
    { mailedOn: input.mailedOn, correcting: true },
    nowIso(now).slice(0, 10),
  );
  if (problems.length) return { ok: false, reason: "invalid", problems };
  await db.batch([
    auditInsert(db, {
      actorKind: "officer",
      actorId: input.supervisorId,
      action: "card.mailed_corrected",
      subjectKind: "person",
      subjectId: input.personId,
      details: { from: card.mailedAt, to: input.mailedOn, reason: input.reason },
      ip: input.ip ?? null,
    }),
    db
      .update(cards)
      .set({ mailedAt: input.mailedOn, mailedRecordedAt: nowIso(now), updatedAt: nowIso(now) })
      .where(and(eq(cards.personId, input.personId), eq(cards.mailedAt, card.mailedAt))),
  ]);
  return { ok: true };
}
