import type { ComponentChild } from "preact";
import type { Lang } from "../i18n/index.ts";

/**
 * Fills {placeholders}. Unknown placeholders stay visible, so a mistake shows.
 *
 * @example format("Hello, {username}.", { username: "ana" }) // "Hello, ana."
 */
export function format(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * Like `format`, but a placeholder can be an element (a link inside a sentence).
 *
 * @example formatParts("Use the {link} link.", { link: <a href="/x">Forgot?</a> })
 */
export function formatParts(template: string, params: Record<string, ComponentChild>): ComponentChild[] {
  return template.split(/(\{\w+\})/).map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return name !== undefined && name in params ? params[name] : part;
  });
}

/** A date and time the way each language writes it in Canada, in the browser's time zone unless `timeZone` is given. */
export function formatDateTime(iso: string, lang: Lang, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), {
    timeZone,
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}

function locale(lang: Lang): string {
  return lang === "fr" ? "fr-CA" : "en-CA";
}

/**
 * A calendar date in the long form of each language ("November 23, 2026",
 * "23 novembre 2026"). A `YYYY-MM-DD` string is a date, not an instant: it is
 * shown as written, whatever the browser's time zone. Any other ISO string is
 * an instant, shown as the date it is where the browser is. Anything
 * unreadable is shown as given rather than as "Invalid Date".
 *
 * @example formatLongDate("2026-11-23", "fr") // "23 novembre 2026"
 */
export function formatLongDate(value: string | Date, lang: Lang, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric", timeZone };
  if (typeof value !== "string")
    return Number.isNaN(value.getTime()) ? "" : new Intl.DateTimeFormat(locale(lang), options).format(value);
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!parts) {
    const instant = /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : null;
    return instant && !Number.isNaN(instant.getTime())
      ? new Intl.DateTimeFormat(locale(lang), options).format(instant)
      : value;
  }
  const date = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
  // Date.UTC rolls 2026-02-30 over to March 2; a date that is not on the calendar stays as written.
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== Number(parts[3])) return value;
  return new Intl.DateTimeFormat(locale(lang), { ...options, timeZone: "UTC" }).format(date);
}

/**
 * A number the way each language writes it in Canada: "12,345.5" / "12 345,5",
 * "42%" / "42 %", "3.5 MB" / "3,5 Mo" (French puts a no-break space before
 * the unit and the percent sign).
 *
 * @example formatNumber(0.42, "fr", { style: "percent" }) // "42 %"
 */
export function formatNumber(value: number, lang: Lang, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(locale(lang), options).format(value);
}

/** "Given names Family name", without stray spaces when one part is empty. */
export function fullName(person: { givenNames: string; familyName: string }): string {
  return `${person.givenNames} ${person.familyName}`.trim().replace(/\s+/g, " ");
}
