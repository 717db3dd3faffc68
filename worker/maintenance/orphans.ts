import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import { documents, persons, photos } from "../../schema/index.ts";
import type { Database } from "../data/db.ts";
import type { AppEnv } from "../env.ts";

/**
 * An object younger than this is never an orphan: its upload may be between
 * the R2 put and the D1 batch that records it (photos.ts stores first).
 */
export const ORPHAN_GRACE_MINUTES = 60;
/** The prefixes the portal writes (photos.ts, documents.ts); anything else in the bucket is not ours to judge. */
const PREFIXES = ["photos/", "documents/"] as const;
/** D1 binds at most 100 parameters per statement. */
const KEYS_PER_QUERY = 90;

export interface OrphanReport {
  listed: number;
  deleted: number;
}

/** Of these object keys, the ones a live row still points at. */
async function liveKeys(db: Database, keys: string[]): Promise<Set<string>> {
  const live = new Set<string>();
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    const chunk = keys.slice(i, i + KEYS_PER_QUERY);
    const [photoRows, documentRows] = await db.batch([
      // A replaced draft keeps its row (history) but not its object.
      db
        .select({ key: photos.objectKey })
        .from(photos)
        .innerJoin(persons, eq(persons.id, photos.personId))
        .where(and(inArray(photos.objectKey, chunk), ne(photos.state, "replaced"), isNull(persons.purgedAt))),
      db
        .select({ key: documents.objectKey })
        .from(documents)
        .innerJoin(persons, eq(persons.id, documents.personId))
        .where(and(inArray(documents.objectKey, chunk), isNull(persons.purgedAt))),
    ]);
    for (const row of [...photoRows, ...documentRows]) live.add(row.key);
  }
  return live;
}

/**
 * Deletes objects no live row points at: a replaced photo whose delete
 * failed, an upload whose D1 batch failed after the put, photos of a purged
 * person. Lists the bucket page by page; idempotent (a second run finds
 * nothing to delete).
 */
export async function sweepOrphanObjects(env: Pick<AppEnv, "FILES">, db: Database, now = Date.now()): Promise<OrphanReport> {
  const report: OrphanReport = { listed: 0, deleted: 0 };
  const oldEnough = now - ORPHAN_GRACE_MINUTES * 60_000;
  for (const prefix of PREFIXES) {
    let cursor: string | undefined;
    do {
      const page = await env.FILES.list({ prefix, cursor, limit: 1000 });
      report.listed += page.objects.length;
      const candidates = page.objects.filter((o) => o.uploaded.getTime() <= oldEnough).map((o) => o.key);
      const live = candidates.length ? await liveKeys(db, candidates) : new Set<string>();
      const orphans = candidates.filter((key) => !live.has(key));
      if (orphans.length) {
        await env.FILES.delete(orphans);
        report.deleted += orphans.length;
      }
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
  }
  return report;
}
