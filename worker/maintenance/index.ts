import { database } from "../data/db.ts";
import { type ExpiredReport, deleteExpiredRecords } from "../data/expired-records.ts";
import type { AppEnv } from "../env.ts";
import { type OrphanReport, sweepOrphanObjects } from "./orphans.ts";
import { type PublicFiguresReport, refreshPublicFigures } from "./public-figures.ts";
import { type RetentionReport, purgePastRetention } from "./retention.ts";

/** The cron expression (wrangler.toml) that runs the maintenance; the other one sweeps the outbox. */
export const MAINTENANCE_CRON = "17 3 * * *";

interface MaintenanceReport {
  retention: RetentionReport;
  expired: ExpiredReport;
  orphans: OrphanReport;
  publicFigures: PublicFiguresReport;
}

/**
 * The daily maintenance job. Each part is idempotent, so a run that is
 * repeated, or that failed half way and is run again, does no harm. The
 * purge runs before the orphan sweep, which then removes any object whose
 * delete failed. The report holds counts only: no names, keys or addresses.
 */
export async function runMaintenance(env: AppEnv, now = Date.now()): Promise<MaintenanceReport> {
  const db = database(env.DB);
  const retention = await purgePastRetention(env, db, now);
  const expired = await deleteExpiredRecords(db, now);
  const orphans = await sweepOrphanObjects(env, db, now);
  // After the purge: the figures count only what is kept, and never a purged person's details.
  const publicFigures = await refreshPublicFigures(env, db, now);
  return { retention, expired, orphans, publicFigures };
}
