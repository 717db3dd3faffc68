import { RETURN_REASON_IDS } from "../photo/return-reasons.ts";
import { addCalendarDays, calendarDaysBetween, dayOf } from "./days.ts";
import { STANDARD_IDS, type ServiceStandards, type StandardId, dueOn, metStandard } from "./standards.ts";

/**
 * The public figures (`/transparency`): computed once a day by the
 * maintenance job from every step that ended in the window, published with
 * no row about any one person. A cell that would rest on fewer than
 * MIN_PEOPLE people is not given at all, only this mark, so nobody can be
 * picked out of a small count (nor out of a share or a median of few).
 */
export const MIN_PEOPLE = 10;
export const SUPPRESSED = "fewer_than_10" as const;
export type Cell = number | typeof SUPPRESSED;

/** How many days back the figures look. */
export const WINDOW_DAYS = 90;

/** The first day of the window that ends `today` (both days counted). */
export function windowStart(today: string): string {
  return addCalendarDays(today, -(WINDOW_DAYS - 1));
}

/** One step a person went through, or is still in (`end` null). Days or instants. */
export interface StepRecord {
  step: StandardId;
  start: string;
  end: string | null;
}

/** One officer's photo decision, with what the automatic checks had said. */
export interface PhotoDecisionRecord {
  decision: "photo_accepted" | "photo_returned";
  reasons: readonly string[];
  verdict: "pass" | "warn" | "fail";
}

export const VERDICTS = ["pass", "warn", "fail"] as const;

export interface PublicFigures {
  /** The day the figures were computed, and the first day of the window. */
  computedOn: string;
  from: string;
  windowDays: number;
  steps: { step: StandardId; people: Cell; medianDays: Cell; p90Days: Cell }[];
  returns: { decisions: Cell; returned: Cell; rate: Cell; byReason: { reason: string; count: Cell; rate: Cell }[] };
  agreement: {
    decisions: Cell;
    /** Share of decisions where the officer did what the checks said: accepted a pass, returned a warning or a fail. */
    agreed: Cell;
    byVerdict: { verdict: (typeof VERDICTS)[number]; accepted: Cell; returned: Cell }[];
  };
  standards: { standard: StandardId; days: number; unit: "business" | "calendar"; people: Cell; met: Cell }[];
}

/**
 * How each standard fared: every step that ended from `from` (any time when
 * null) to `today`, met or not, and every step still open past its due day,
 * missed. The supervisors' metrics show it as is; the public page suppressed.
 */
export function standardOutcomes(
  steps: readonly StepRecord[],
  standards: ServiceStandards,
  today: string,
  from: string | null,
) {
  return STANDARD_IDS.map((id) => {
    const standard = standards[id];
    let met = 0;
    let judged = 0;
    for (const s of steps) {
      if (s.step !== id) continue;
      if (s.end === null) {
        if (dueOn(standard, s.start) < today) judged++;
      } else if ((from === null || dayOf(s.end) >= from) && dayOf(s.end) <= today) {
        judged++;
        if (metStandard(standard, s.start, s.end)) met++;
      }
    }
    return { standard: id, days: standard.days, unit: standard.unit, met, judged, share: judged ? met / judged : null };
  });
}

/** A count, or the mark when it is under MIN_PEOPLE. */
export function countCell(count: number): Cell {
  return count < MIN_PEOPLE ? SUPPRESSED : count;
}

/** A figure about `people` people, or the mark when they are too few. */
function cellOf(people: number, value: () => number): Cell {
  return people < MIN_PEOPLE ? SUPPRESSED : value();
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

export function median(sorted: readonly number[]): number {
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Computes the figures. `steps` holds steps that ended in the window and
 * steps still open (any age); `decisions` the photo decisions made in the
 * window. Step times are calendar days (what people live through); each
 * standard is judged in its own unit. A step still open and already past its
 * standard counts as missed, so a backlog cannot hide by never ending.
 */
export function computeFigures(
  steps: readonly StepRecord[],
  decisions: readonly PhotoDecisionRecord[],
  standards: ServiceStandards,
  today: string,
): PublicFigures {
  const from = windowStart(today);
  const inWindow = (end: string) => dayOf(end) >= from && dayOf(end) <= today;
  const ended = steps.filter((s): s is StepRecord & { end: string } => s.end !== null && inWindow(s.end));
  const figureSteps = STANDARD_IDS.map((step) => {
    const days = ended
      .filter((s) => s.step === step)
      .map((s) => Math.max(0, calendarDaysBetween(dayOf(s.start), dayOf(s.end))))
      .sort((a, b) => a - b);
    return {
      step,
      people: countCell(days.length),
      medianDays: cellOf(days.length, () => round(median(days), 1)),
      p90Days: cellOf(days.length, () => percentile(days, 90)),
    };
  });

  const returned = decisions.filter((d) => d.decision === "photo_returned");
  const rate = (part: number) => round(part / decisions.length, 3);
  const byReason = RETURN_REASON_IDS.map((reason) => {
    const count = returned.filter((d) => d.reasons.includes(reason)).length;
    return { reason, count: countCell(count), rate: cellOf(count, () => rate(count)) };
  });
  const byVerdict = VERDICTS.map((verdict) => {
    const accepted = decisions.filter((d) => d.verdict === verdict && d.decision === "photo_accepted").length;
    const returnedCount = decisions.filter((d) => d.verdict === verdict && d.decision === "photo_returned").length;
    return { verdict, accepted: countCell(accepted), returned: countCell(returnedCount) };
  });
  const agreed = decisions.filter((d) => (d.verdict === "pass") === (d.decision === "photo_accepted")).length;

  const figureStandards = standardOutcomes(steps, standards, today, from).map((o) => ({
    standard: o.standard,
    days: o.days,
    unit: o.unit,
    people: countCell(o.judged),
    met: cellOf(o.judged, () => round(o.met / o.judged, 3)),
  }));

  return {
    computedOn: today,
    from,
    windowDays: WINDOW_DAYS,
    steps: figureSteps,
    returns: {
      decisions: countCell(decisions.length),
      returned: countCell(returned.length),
      rate: cellOf(returned.length, () => rate(returned.length)),
      byReason,
    },
    agreement: {
      decisions: countCell(decisions.length),
      agreed: cellOf(agreed, () => rate(agreed)),
      byVerdict,
    },
    standards: figureStandards,
  };
}
