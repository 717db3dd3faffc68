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
  return new Intl.DateTimeFormat(lang === "fr" ? "fr-CA" : "en-CA", {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(date);
}

/** "Given names Family name", without stray spaces when one part is empty. */
export function fullName(person: { givenNames: string; familyName: string }): string {
  return `${person.givenNames} ${person.familyName}`.trim().replace(/\s+/g, " ");
}
