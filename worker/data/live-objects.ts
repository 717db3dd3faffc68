import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import { documents, ecoprCorrections, persons, photos } from "../../schema/index.ts";
import type { Database } from "./db.ts";

/** D1 binds at most 100 parameters per statement. */
const KEYS_PER_QUERY = 90;

/** Of these object keys, the ones a live row still points at (the orphan sweep deletes the others). */
export async function liveObjectKeys(db: Database, keys: string[]): Promise<Set<string>> {
  const live = new Set<string>();
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    const chunk = keys.slice(i, i + KEYS_PER_QUERY);
    const [photoRows, documentRows, evidenceRows] = await db.batch([
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
      // A correction's supporting document lives as long as the person's data (decision 027).
      db
        .select({ key: ecoprCorrections.evidenceObjectKey })
        .from(ecoprCorrections)
        .innerJoin(persons, eq(persons.id, ecoprCorrections.personId))
        .where(and(inArray(ecoprCorrections.evidenceObjectKey, chunk), isNull(persons.purgedAt))),
    ]);
    for (const row of [...photoRows, ...documentRows, ...evidenceRows]) if (row.key) live.add(row.key);
  }
  return live;
}
