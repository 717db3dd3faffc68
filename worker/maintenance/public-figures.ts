import { nowIso, type Database } from "../data/db.ts";
import { savePublicFigures, serviceHistory } from "../data/service-figures.ts";
import type { AppEnv } from "../env.ts";
import { serviceStandards } from "../lib/config.ts";
import { computeFigures, windowStart } from "../../shared/service-standards/figures.ts";
import { dayOfMs } from "../../shared/service-standards/days.ts";

export interface PublicFiguresReport {
  day: string;
}

/**
 * Computes today's public figures (the last 90 days) and stores them, so
 * `/transparency` reads one row instead of scanning people on every visit.
 * Run again the same day, it replaces that day's row.
 */
export async function refreshPublicFigures(env: AppEnv, db: Database, now: number): Promise<PublicFiguresReport> {
  const today = dayOfMs(now);
  const history = await serviceHistory(db, windowStart(today));
  const figures = computeFigures(history.steps, history.decisions, serviceStandards(env), today);
  await savePublicFigures(db, figures, nowIso(now));
  return { day: today };
}
