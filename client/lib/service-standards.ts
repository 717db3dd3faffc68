import type { Messages } from "../i18n/index.ts";
import type { DayUnit, StandardId } from "../../shared/service-standards/standards.ts";
import { format } from "./format.ts";

/** "1 business day", "3 business days", "14 days" in the page's language. */
export function durationText(m: Messages, unit: DayUnit, count: number): string {
  const t = m.serviceStandards;
  if (unit === "business") return count === 1 ? t.businessOne : format(t.businessMany, { count });
  return count === 1 ? t.calendarOne : format(t.calendarMany, { count });
}

/** A standard in words: "Photo reviewed within 10 business days of being submitted". */
export function standardName(m: Messages, standard: { standard: StandardId; days: number; unit: DayUnit }): string {
  return format(m.serviceStandards.names[standard.standard], {
    duration: durationText(m, standard.unit, standard.days),
  });
}
