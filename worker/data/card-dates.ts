import { and, desc, eq } from "drizzle-orm";
import { cards, reviewDecisions, submissions } from "../../schema/index.ts";
import { isValidIsoDate } from "../../shared/people/import-records.ts";
import type { Database } from "./db.ts";

type CardDateField = "producedOn" | "mailedOn";

/**
 * Why a card date is refused. Each one has a translated message for the
 * officers' API (review-queue.ts) and an English reason for the
 * `cards mailed` import (by line).
 */
type CardDateCode =
  /** Not a real YYYY-MM-DD date. */
  | "invalid"
  /** After today: a card is recorded once it happened. */
  | "future"
  /** Before the photo was accepted: no card can be made from a photo not yet accepted. */
  | "before_acceptance"
  /** Produced after the (given or recorded) mailing date. */
  | "after_mailed"
  /** Mailed before the (given or recorded) production date. */
  | "before_produced"
  /** A different mailed date is already recorded: only a supervisor's correction changes it. */
  | "mailed_locked"
  /** No accepted photo: nothing to produce a card from. */
  | "photo_not_accepted";

export interface CardDateProblem {
  field: CardDateField;
  code: CardDateCode;
  /** The date the rule compared with (acceptance, production, mailing), YYYY-MM-DD. */
  date?: string;
}

/** The UTC day (YYYY-MM-DD) the person's photo was accepted, or null. */
export async function photoAcceptedOn(db: Database, personId: number): Promise<string | null> {
  const accepted = await db
    .select({ decidedAt: reviewDecisions.decidedAt })
    .from(reviewDecisions)
    .innerJoin(submissions, eq(submissions.id, reviewDecisions.submissionId))
    .where(and(eq(submissions.personId, personId), eq(reviewDecisions.decision, "photo_accepted")))
    .orderBy(desc(reviewDecisions.decidedAt))
    .get();
  return accepted ? accepted.decidedAt.slice(0, 10) : null;
}

/**
 * The card-date rule, one place for the officers' route and the CLI import:
 * produced ≤ mailed ≤ today, both on or after the photo's acceptance; a
 * mailed date already recorded is not replaced by a different one (the same
 * date again is a retried request and passes). Dates not given are taken from
 * what is recorded. `correcting` is the supervisor's correction, which may
 * replace the recorded mailed date.
 */
export async function cardDateProblems(
  db: Database,
  personId: number,
  input: { producedOn?: string; mailedOn?: string; correcting?: boolean },
  today: string,
): Promise<CardDateProblem[]> {
  const [acceptedOn, card] = await Promise.all([
    photoAcceptedOn(db, personId),
    db.select().from(cards).where(eq(cards.personId, personId)).get(),
  ]);
  const problems: CardDateProblem[] = [];
  const given: [CardDateField, string | undefined][] = [
    ["producedOn", input.producedOn],
    ["mailedOn", input.mailedOn],
  ];
  if (!acceptedOn)
    return given.filter(([, v]) => v !== undefined).map(([field]) => ({ field, code: "photo_not_accepted" as const }));
  for (const [field, value] of given) {
    if (value === undefined) continue;
    if (!isValidIsoDate(value)) problems.push({ field, code: "invalid" });
    else if (value > today) problems.push({ field, code: "future", date: today });
    else if (value < acceptedOn) problems.push({ field, code: "before_acceptance", date: acceptedOn });
  }
  if (problems.length) return problems;
  const recordedMailed = card?.mailedAt ?? null;
  if (input.mailedOn !== undefined && recordedMailed && input.mailedOn !== recordedMailed && !input.correcting) {
    return [{ field: "mailedOn", code: "mailed_locked", date: recordedMailed }];
  }
  const produced = input.producedOn ?? card?.producedAt ?? null;
  const mailed = input.mailedOn ?? recordedMailed;
  if (produced && mailed && produced > mailed) {
    // Blame the date being given now; when both are, the mailing date.
    if (input.mailedOn !== undefined) problems.push({ field: "mailedOn", code: "before_produced", date: produced });
    else problems.push({ field: "producedOn", code: "after_mailed", date: mailed });
  }
  return problems;
}

/** The `cards mailed` import's reason for a refused row, in the admin's words. */
export function cardDateReason(problem: CardDateProblem, value: string): string {
  const name = problem.field === "mailedOn" ? "mailed_on" : "produced_on";
  switch (problem.code) {
    case "invalid":
      return `${name} "${value}" is not a real date in YYYY-MM-DD form`;
    case "future":
      return `${name} ${value} is after today (${problem.date})`;
    case "before_acceptance":
      return `${name} ${value} is before the photo was accepted (${problem.date})`;
    case "after_mailed":
      return `${name} ${value} is after the card was mailed (${problem.date})`;
    case "before_produced":
      return `${name} ${value} is before the card was produced (${problem.date})`;
    case "mailed_locked":
      return `${name} ${value} differs from the mailed date already recorded (${problem.date}); only a supervisor can correct it, on the decision page`;
    case "photo_not_accepted":
      return "the person's photo is not accepted yet";
  }
}
