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

/** A date and time the way each language writes it in Canada. */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), {
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
 * shown as written, whatever the browser's time zone.
 *
 * @example formatLongDate("2026-11-23", "fr") // "23 novembre 2026"
 */
export function formatLongDate(value: string | Date, lang: Lang): string {
  const options: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric" };
  if (typeof value !== "string") return new Intl.DateTimeFormat(locale(lang), options).format(value);
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!parts) return value;
  const date = new Date(Date.UTC(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3])));
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(lang), { ...options, timeZone: "UTC" }).format(date);
}

/** "Given names Family name", without stray spaces when one part is empty. */
export function fullName(person: { givenNames: string; familyName: string }): string {
  return `${person.givenNames} ${person.familyName}`.trim().replace(/\s+/g, " ");
}
