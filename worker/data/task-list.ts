// The signed-in task list in one D1 statement (issue 16 point 8): every person the account acts for,
// with what their task statuses are worked out from, read by correlated subqueries instead of four
// queries per person. The route sends it in one batch with the session lookup, keyed by the session
// id, so the whole request is one D1 round trip whatever the family's size (routes/task-list.ts).
import { type Placeholder, asc, eq, fillPlaceholders, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { addresses, persons, photos, presenceDeclarations, sessions, submissions } from "../../schema/index.ts";
import type { Database } from "./db.ts";
import { identityColumns } from "./person-identity.ts";
import { type PersonTasks, taskStatuses } from "./journey.ts";
import { type ApplicantSessionRow, applicantSessionQuery } from "./sessions.ts";

/** The states a person's current photo can be in (journey.ts `currentPhoto` reads the same). */
const CURRENT_PHOTO_STATES = sql.raw(`('draft', 'submitted', 'accepted', 'returned')`);

interface TaskListPerson {
  id: number;
  givenNames: string;
  familyName: string;
  role: string;
  tasks: PersonTasks;
}

/**
 * The persons the account of this session acts for, in import order, with what their task statuses
 * come from: a query for a batch with the session's own lookup. It reads whatever the session row
 * says; the caller answers only once that session is judged live (data/sessions.ts
 * liveApplicantSession), else the rows are dropped unread.
 */
export function taskListBySessionQuery(db: Database, sessionId: string | Placeholder<"sessionId">) {
  const newest = alias(photos, "newest_photo");
  return db
    .select({
      id: persons.id,
      givenNames: identityColumns.givenNames,
      familyName: identityColumns.familyName,
      role: persons.role,
      declared: sql<number>`exists (select 1 from ${presenceDeclarations} where ${presenceDeclarations.personId} = ${persons.id})`,
      hasAddress: sql<number>`exists (select 1 from ${addresses} where ${addresses.personId} = ${persons.id})`,
      // Named apart from persons.id: in a batch, drizzle maps D1's rows by column name.
      photoId: sql<number | null>`${photos.id}`.as("photo_id"),
      photoState: photos.state,
      photoVerdict: photos.verdict,
      photoAcknowledged: photos.warningsAcknowledged,
      photoException: photos.exceptionReason,
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
    .where(
      sql`${persons.actingAccountId} = (select ${sessions.accountId} from ${sessions} where ${sessions.id} = ${sessionId})`,
    )
    .orderBy(asc(persons.id));
}

type TaskListRow = Awaited<ReturnType<typeof taskListBySessionQuery>>[number];

/** The round trip's two statements, their SQL built once per isolate (per D1 binding). */
interface RoundTrip {
  session: ReturnType<ReturnType<typeof applicantSessionQuery>["prepare"]>;
  list: ReturnType<ReturnType<typeof taskListBySessionQuery>["prepare"]>;
  sessionStatement: D1PreparedStatement;
  listStatement: D1PreparedStatement;
}
const roundTrips = new WeakMap<D1Database, RoundTrip>();

/**
 * The session's row and the task list of its account, in one D1 batch (one round trip). Drizzle's
 * query builder made both statements' SQL on every request: 0.29 ms of the request's ≈ 2.8 ms here
 * (docs/performance.md), the largest cost after the round trip itself. So they are built once, with a
 * placeholder for the session id, and each request binds the id and maps the rows as drizzle's own
 * batch does (`mapAllResult`), into the same row shapes as the builders'.
 */
export async function sessionAndTaskList(
  db: Database,
  sessionId: string,
): Promise<{ session: ApplicantSessionRow | undefined; rows: TaskListRow[] }> {
  const d1 = db.$client;
  let trip = roundTrips.get(d1);
  if (!trip) {
    const id = sql.placeholder("sessionId");
    const session = applicantSessionQuery(db, id).prepare();
    const list = taskListBySessionQuery(db, id).prepare();
    trip = {
      session,
      list,
      sessionStatement: d1.prepare(session.getQuery().sql),
      listStatement: d1.prepare(list.getQuery().sql),
    };
    roundTrips.set(d1, trip);
  }
  const values = { sessionId };
  const [sessionResult, listResult] = await d1.batch([
    trip.sessionStatement.bind(...fillPlaceholders(trip.session.getQuery().params, values)),
    trip.listStatement.bind(...fillPlaceholders(trip.list.getQuery().params, values)),
  ]);
  return {
    session: (trip.session.mapAllResult(sessionResult, true) as ApplicantSessionRow[])[0],
    rows: trip.list.mapAllResult(listResult, true) as TaskListRow[],
  };
}

export function taskListFromRows(rows: TaskListRow[]): TaskListPerson[] {
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
              exception: row.photoException !== null,
            },
      submittedPhotoId: row.submittedPhotoId,
    }),
  }));
}
