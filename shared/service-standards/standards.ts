import { addBusinessDays, businessDaysBetween } from "./business-days.ts";
import { addCalendarDays, calendarDaysBetween, dayOf } from "./days.ts";

/**
 * The steps the portal promises a time for, each from the event that starts
 * it to the one that ends it:
 * - `photo_review`: a submission → the officer's photo decision (accept or return);
 * - `ecopr`: the photo's acceptance → PR status confirmed (the e-CoPR);
 * - `card_produced`: the photo's acceptance → the card produced;
 * - `card_mailed`: the card produced → the card mailed;
 * - `another_way`: a request for another way → its first answer (an officer's outcome, decision 028);
 * - `correction`: a report of an error in an e-CoPR → the officer's decision (decision 027).
 * The applicant's own steps (answering the invitation, sending a new photo)
 * have no standard: the clock is the portal's, not theirs.
 */
export const STANDARD_IDS = [
  "photo_review",
  "ecopr",
  "card_produced",
  "card_mailed",
  "another_way",
  "correction",
] as const;
export type StandardId = (typeof STANDARD_IDS)[number];

/** Business days skip weekends and federal holidays; calendar days count every day. */
export type DayUnit = "business" | "calendar";

export interface ServiceStandard {
  id: StandardId;
  days: number;
  unit: DayUnit;
}

export type ServiceStandards = Record<StandardId, ServiceStandard>;

/** Days counted in the standard's unit after `from`, up to and including `to`. */
export function elapsedDays(standard: Pick<ServiceStandard, "unit">, from: string, to: string): number {
  const a = dayOf(from);
  const b = dayOf(to);
  return standard.unit === "business" ? businessDaysBetween(a, b) : Math.max(0, calendarDaysBetween(a, b));
}

/** The last day the step can end on and still meet the standard. */
export function dueOn(standard: ServiceStandard, from: string): string {
  const start = dayOf(from);
  return standard.unit === "business" ? addBusinessDays(start, standard.days) : addCalendarDays(start, standard.days);
}

/** True when a step that started at `from` and ended at `to` met its standard. */
export function metStandard(standard: ServiceStandard, from: string, to: string): boolean {
  return elapsedDays(standard, from, to) <= standard.days;
}

/** Where a step stands against its standard today. */
export interface StandardClock {
  standard: StandardId;
  days: number;
  unit: DayUnit;
  /** The day the step started (`YYYY-MM-DD`). */
  since: string;
  /** Days so far, in the standard's unit. */
  elapsed: number;
  dueOn: string;
  overdue: boolean;
}

export function clockFor(standard: ServiceStandard, since: string, today: string): StandardClock {
  const elapsed = elapsedDays(standard, since, today);
  return {
    standard: standard.id,
    days: standard.days,
    unit: standard.unit,
    since: dayOf(since),
    elapsed,
    dueOn: dueOn(standard, since),
    overdue: elapsed > standard.days,
  };
}
