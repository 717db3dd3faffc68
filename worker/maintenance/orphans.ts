import type { Database } from "../data/db.ts";
import { liveObjectKeys } from "../data/live-objects.ts";
import { OBJECT_PREFIXES, deleteObjects, listObjects } from "../data/objects.ts";
import type { AppEnv } from "../env.ts";

/**
 * An object younger than this is never an orphan: its upload may be between
 * the R2 put and the D1 batch that records it (photos.ts stores first).
 */
export const ORPHAN_GRACE_MINUTES = 60;

export interface OrphanReport {
  listed: number;
  deleted: number;
}

/**
 * Deletes objects no live row points at: a replaced photo whose delete
 * failed, an upload whose D1 batch failed after the put, photos of a purged
 * person. Lists the bucket page by page; idempotent (a second run finds
 * nothing to delete).
 */
export async function sweepOrphanObjects(
  env: Pick<AppEnv, "FILES">,
  db: Database,
  now = Date.now(),
): Promise<OrphanReport> {
  const report: OrphanReport = { listed: 0, deleted: 0 };
  const oldEnough = now - ORPHAN_GRACE_MINUTES * 60_000;
  for (const prefix of OBJECT_PREFIXES) {
    let cursor: string | undefined;
    do {
      const page = await listObjects(env, prefix, cursor);
      report.listed += page.objects.length;
      const candidates = page.objects.filter((o) => o.uploaded.getTime() <= oldEnough).map((o) => o.key);
      const live = candidates.length ? await liveObjectKeys(db, candidates) : new Set<string>();
      const orphans = candidates.filter((key) => !live.has(key));
      if (orphans.length) {
        await deleteObjects(env, orphans);
        report.deleted += orphans.length;
      }
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
  }
  return report;
}
