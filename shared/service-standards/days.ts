// Calendar days as the portal stores them: `YYYY-MM-DD`, read as UTC days
// (as the card dates and the photo's acceptance day already are), so the
// arithmetic never depends on the machine's time zone.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` day. */
export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** The `YYYY-MM-DD` day of a day number. */
export function dayText(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC day of an instant (ISO text) or a day given as is. */
export function dayOf(at: string): string {
  return at.slice(0, 10);
}

/** The UTC day of a moment in milliseconds. */
export function dayOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addCalendarDays(day: string, days: number): string {
  return dayText(dayNumber(day) + days);
}

/** Whole days from `from` to `to` (0 on the same day, negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return (dayNumber(day) + 4) % 7;
}

export function isWeekend(day: string): boolean {
  const d = weekday(day);
  return d === 0 || d === 6;
}
