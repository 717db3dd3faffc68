import { addCalendarDays, dayNumber, dayText, isWeekend } from "./days.ts";
import { isFederalHoliday } from "./holidays.ts";

/** A working day for the officers: not a Saturday, Sunday or (observed) federal holiday. */
export function isBusinessDay(day: string): boolean {
  return !isWeekend(day) && !isFederalHoliday(day);
}

/**
 * Business days after `from` up to and including `to`: a photo submitted on
 * a Friday and looked at on Monday has waited 1 business day; on the same
 * day, 0. Negative spans count 0.
 */
export function businessDaysBetween(from: string, to: string): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  let count = 0;
  for (let n = start + 1; n <= end; n++) if (isBusinessDay(dayText(n))) count++;
  return count;
}

/** The business day `days` business days after `from` (`from` itself for 0). */
export function addBusinessDays(from: string, days: number): string {
  let day = from;
  for (let left = days; left > 0; ) {
    day = addCalendarDays(day, 1);
    if (isBusinessDay(day)) left--;
  }
  return day;
}
