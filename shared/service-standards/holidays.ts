import { addCalendarDays, isWeekend, weekday } from "./days.ts";

// The days federal public servants (the officers who work the portal's queue)
// do not work, computed for any year rather than listed: the designated paid
// holidays of the Treasury Board's collective agreements (e.g. the PA group's
// article on designated paid holidays), which hold the Canada Labour Code's
// general holidays plus Easter Monday and one civic holiday. Decision 025
// says why these and not another list.

export type HolidayId =
  | "new_year"
  | "good_friday"
  | "easter_monday"
  | "victoria_day"
  | "canada_day"
  | "civic_holiday"
  | "labour_day"
  | "truth_and_reconciliation"
  | "thanksgiving"
  | "remembrance_day"
  | "christmas"
  | "boxing_day";

export interface Holiday {
  id: HolidayId;
  /** The day off (`YYYY-MM-DD`): the holiday itself, or the weekday it moves to. */
  observed: string;
  /** The calendar date of the holiday. */
  date: string;
}

function ymd(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Easter Sunday in the Gregorian calendar (the anonymous computus, as
 * published by Meeus): valid for every Gregorian year.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

/** The n-th Monday (1-based) of a month. */
function nthMonday(year: number, month: number, n: number): string {
  const first = ymd(year, month, 1);
  const offset = (8 - weekday(first)) % 7;
  return addCalendarDays(first, offset + 7 * (n - 1));
}

/** Victoria Day: the Monday before May 25. */
function victoriaDay(year: number): string {
  const may24 = ymd(year, 5, 24);
  return addCalendarDays(may24, -((weekday(may24) + 6) % 7));
}

/** The holidays' own dates in a year, in date order. */
function holidayDates(year: number): { id: HolidayId; date: string }[] {
  const easter = easterSunday(year);
  const dates: { id: HolidayId; date: string }[] = [
    { id: "new_year", date: ymd(year, 1, 1) },
    { id: "good_friday", date: addCalendarDays(easter, -2) },
    { id: "easter_monday", date: addCalendarDays(easter, 1) },
    { id: "victoria_day", date: victoriaDay(year) },
    { id: "canada_day", date: ymd(year, 7, 1) },
    // The agreements' "one additional day" recognised as a provincial or civic
    // holiday: the first Monday of August where the service is run (Ottawa).
    { id: "civic_holiday", date: nthMonday(year, 8, 1) },
    { id: "labour_day", date: nthMonday(year, 9, 1) },
    { id: "thanksgiving", date: nthMonday(year, 10, 2) },
    { id: "remembrance_day", date: ymd(year, 11, 11) },
    { id: "christmas", date: ymd(year, 12, 25) },
    { id: "boxing_day", date: ymd(year, 12, 26) },
  ];
  // A federal holiday since 2021 (An Act to amend the Bills of Exchange Act…, S.C. 2021, c. 11).
  if (year >= 2021) dates.splice(7, 0, { id: "truth_and_reconciliation", date: ymd(year, 9, 30) });
  return dates;
}

const cache = new Map<number, Holiday[]>();

/**
 * A year's holidays with the day each is taken. A holiday on a Saturday or
 * Sunday moves to the next working day that is not already a day off (the
 * agreements' rule: Christmas on a Saturday is taken on Monday the 27th and
 * Boxing Day on Tuesday the 28th; Christmas on a Sunday moves to Monday the
 * 26th and pushes Boxing Day to Tuesday the 27th).
 */
export function federalHolidays(year: number): Holiday[] {
  const known = cache.get(year);
  if (known) return known;
  const taken = new Set<string>();
  const holidays: Holiday[] = [];
  for (const { id, date } of holidayDates(year)) {
    let observed = date;
    while (isWeekend(observed) || taken.has(observed)) observed = addCalendarDays(observed, 1);
    taken.add(observed);
    holidays.push({ id, date, observed });
  }
  cache.set(year, holidays);
  return holidays;
}

/**
 * True when the day is a day off for a federal holiday. Holidays only ever
 * move forward and never past January 3 or December 28, so a day's own year
 * holds every holiday that can fall on it.
 */
export function isFederalHoliday(day: string): boolean {
  return federalHolidays(Number(day.slice(0, 4))).some((h) => h.observed === day);
}
