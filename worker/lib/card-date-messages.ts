import type { CardDateProblem } from "../data/card-dates.ts";
import type { FieldProblem } from "../lib/errors.ts";
import type { MessageKey } from "../../shared/api/messages.ts";

const MESSAGES: Record<CardDateProblem["code"], MessageKey> = {
  invalid: "review.dateInvalid",
  future: "review.cardDateFuture",
  before_acceptance: "review.cardDateBeforeAcceptance",
  after_mailed: "review.cardProducedAfterMailed",
  before_produced: "review.cardMailedBeforeProduced",
  mailed_locked: "review.cardMailedLocked",
  photo_not_accepted: "review.photoNotAccepted",
};

/** A refused card date as the field error the officer's page shows beside the date. */
export function cardDateFieldProblem(problem: CardDateProblem): FieldProblem {
  return {
    field: problem.field,
    code: problem.code,
    messageKey: MESSAGES[problem.code],
    ...(problem.date ? { params: { date: problem.date } } : {}),
  };
}
