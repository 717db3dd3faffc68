// The signed-in task list in one D1 query (issue 16 point 8): every person the account acts for, with
// what their task statuses are worked out from, read by correlated subqueries instead of four queries
// per person. With the session lookup that makes two round trips whatever the family's size.
import { asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { addresses, persons, photos, presenceDeclarations, submissions } from "../../schema/index.ts";
import type { Database } from "./db.ts";
import { type PersonTasks, taskStatuses } from "./journey.ts";

/** The states a person's current photo can be in (journey.ts `currentPhoto` reads the same). */
const CURRENT_PHOTO_STATES = sql.raw(`('draft', 'submitted', 'accepted', 'returned')`);

interface TaskListPerson {
  id: number;
  givenNames: string;
  familyName: string;
  role: string;
  tasks: PersonTasks;
}

/** The persons an account acts for, in import order, each with their task statuses. */
export async function taskListFor(db: Database, accountId: number): Promise<TaskListPerson[]> {
  const newest = alias(photos, "newest_photo");
  const rows = await db
    .select({
      id: persons.id,
      givenNames: persons.givenNames,
      familyName: persons.familyName,
      role: persons.role,
      declared: sql<number>`exists (select 1 from ${presenceDeclarations} where ${presenceDeclarations.personId} = ${persons.id})`,
      hasAddress: sql<number>`exists (select 1 from ${addresses} where ${addresses.personId} = ${persons.id})`,
      photoId: photos.id,
      photoState: photos.state,
      photoVerdict: photos.verdict,
      photoAcknowledged: photos.warningsAcknowledged,
      submittedPhotoId: sql<
        number | null
      >`(select ${submissions.photoId} from ${submissions} where ${submissions.personId} = ${persons.id} order by ${submissions.id} desc limit 1)`,
    })
    .from(persons)
    .leftJoin(
      photos,
      eq(
        photos.id,
        sql`(select max(${newest.id}) from ${photos} as ${sql.identifier("newest_photo")} where ${newest.personId} = ${persons.id} and ${newest.state} in ${CURRENT_PHOTO_STATES})`,
      ),
    )
    .where(eq(persons.actingAccountId, accountId))
    .orderBy(asc(persons.id))
    .all();
  return rows.map((row) => ({
    id: row.id,
    givenNames: row.givenNames,
    familyName: row.familyName,
    role: row.role,
    tasks: taskStatuses({
      declared: row.declared === 1,
      hasAddress: row.hasAddress === 1,
      photo:
        row.photoId === null
          ? null
          : {
              id: row.photoId,
              state: row.photoState!,
              verdict: row.photoVerdict!,
              warningsAcknowledged: row.photoAcknowledged === 1,
            },
      submittedPhotoId: row.submittedPhotoId,
    }),
  }));
}
