import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../schema/index.ts";

/** Typed drizzle client over a D1 binding. Only worker/data/ calls this. */
export function database(d1: D1Database) {
  return drizzle(d1, { schema });
}
export type Database = ReturnType<typeof database>;

/** Current time as the ISO text the schema stores. */
export function nowIso(now = Date.now()): string {
  return new Date(now).toISOString();
}

export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

export function addDays(iso: string, days: number): string {
  return addMinutes(iso, days * 24 * 60);
}
