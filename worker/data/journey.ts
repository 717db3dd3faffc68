import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { addresses, persons, photos, presenceDeclarations, submissions } from "../../schema/index.ts";
import type { Address } from "../../shared/address/address.ts";
import { type Database, nowIso } from "./db.ts";
import { personColumns } from "./person-identity.ts";

export type TaskStatus = "not_started" | "in_progress" | "completed" | "cannot_start" | "returned";

/** The wording version of the presence declaration a person agreed to. */
const PRESENCE_STATEMENT_VERSION = "2026-11-v1";

/**
 * The person if this account acts for them, else undefined (the caller
 * answers 404, so nobody can learn which person ids exist).
 */
export async function personActedFor(db: Database, accountId: number, personId: number) {
  if (!Number.isSafeInteger(personId) || personId < 1) return undefined;
  return db
    .select(personColumns)
    .from(persons)
    .where(and(eq(persons.id, personId), eq(persons.actingAccountId, accountId)))
    .get();
}

export async function personsActedFor(db: Database, accountId: number) {
  return db.select(personColumns).from(persons).where(eq(persons.actingAccountId, accountId)).orderBy(persons.id).all();
}

export async function findPresenceDeclaration(db: Database, personId: number) {
  return db.select().from(presenceDeclarations).where(eq(presenceDeclarations.personId, personId)).get();
}

/** The address in force: the newest row of the person's history (decision 024). */
export async function findAddress(db: Database, personId: number) {
  return db.select().from(addresses).where(eq(addresses.personId, personId)).orderBy(desc(addresses.id)).get();
}

/** Every address row of a person, newest first: the officer's view of the changes. */
export async function addressHistory(db: Database, personId: number) {
  return db.select().from(addresses).where(eq(addresses.personId, personId)).orderBy(desc(addresses.id)).all();
}

export async function latestSubmission(db: Database, personId: number) {
  return db.select().from(submissions).where(eq(submissions.personId, personId)).orderBy(desc(submissions.id)).get();
}

export async function currentPhoto(db: Database, personId: number) {
  return db
    .select()
    .from(photos)
    .where(and(eq(photos.personId, personId), inArray(photos.state, ["draft", "submitted", "accepted", "returned"])))
    .orderBy(desc(photos.id))
    .get();
}

/**
 * The date a declaration is made on: the person's own calendar date when the
 * browser sends one that is plausible (within a day of UTC today: Canada is
 * UTC-3:30 to UTC-8), else today in UTC. An evening declaration in Vancouver
 * is then dated the day the person saw on the page.
 */
export function declarationDate(localDate: unknown, now = Date.now()): string {
  const utcToday = nowIso(now).slice(0, 10);
  if (typeof localDate !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(localDate)) return utcToday;
  const days = (Date.parse(`${localDate}T00:00:00Z`) - Date.parse(`${utcToday}T00:00:00Z`)) / 86_400_000;
  return Math.abs(days) <= 1 ? localDate : utcToday;
}

/**
 * Records "I am in Canada" for a person, once. A second identical request
 * (double click, two tabs) finds the first record and changes nothing.
 */
export async function declarePresence(
  db: Database,
  input: { personId: number; accountId: number; declaredByPersonId: number; declaredOn: string },
) {
  await db
    .insert(presenceDeclarations)
    .values({
      personId: input.personId,
      declaredByAccountId: input.accountId,
      declaredByPersonId: input.declaredByPersonId,
      statementVersion: PRESENCE_STATEMENT_VERSION,
      declaredOn: input.declaredOn,
    })
    .onConflictDoNothing();
  return (await findPresenceDeclaration(db, input.personId))!;
}

type AddressInput = Address;

/**
 * Saves the same address for one or more persons who have not submitted, in
 * one batch: their one row is edited in place, or written when there is none.
 * The insert's own `not exists` keeps a double click to one row (the table no
 * longer has a unique person: decision 024).
 */
export async function saveAddresses(
  db: Database,
  personIds: number[],
  address: AddressInput,
  accountId: number,
  now = Date.now(),
) {
  const updatedAt = nowIso(now);
  const row = { ...address, updatedByAccountId: accountId, updatedAt };
  const statements = personIds.flatMap((personId) => [
    db.update(addresses).set(row).where(eq(addresses.personId, personId)),
    // Every column in the table's order (id null: SQLite numbers the row).
    db.insert(addresses).select(
      sql`select null, ${personId}, ${row.unit}, ${row.streetNumber}, ${row.streetName}, ${row.city}, ${row.province}, ${row.postalCode}, ${accountId}, ${updatedAt}
          where not exists (select 1 from ${addresses} where ${addresses.personId} = ${personId})`,
    ),
  ]);
  const [first, ...rest] = statements;
  if (!first) return;
  await db.batch([first, ...rest]);
}

/**
 * The statement adding a changed address after the person submitted: a new,
 * dated row, the rows before it untouched. The trigger of migration 0011
 * refuses it once card production has started.
 */
export function addressChangeInsert(
  db: Database,
  personId: number,
  address: AddressInput,
  accountId: number,
  now: number,
) {
  return db
    .insert(addresses)
    .values({ personId, ...address, updatedByAccountId: accountId, updatedAt: nowIso(now) })
    .returning({ id: addresses.id, updatedAt: addresses.updatedAt });
}

export interface PersonTasks {
  presence: TaskStatus;
  address: TaskStatus;
  photo: TaskStatus;
  submit: TaskStatus;
}

/** What a person's task statuses are worked out from: what is on file for them. */
interface TaskFacts {
  declared: boolean;
  hasAddress: boolean;
  /** The current photo (the newest draft, submitted, accepted or returned one), if any. */
  photo: { id: number; state: string; verdict: string; warningsAcknowledged: boolean; exception: boolean } | null;
  /** The photo of the person's latest submission, if any. */
  submittedPhotoId: number | null;
}

/** The one rule for task statuses, used by the task list (one query for the family) and the person page. */
export function taskStatuses(facts: TaskFacts): PersonTasks {
  const { photo } = facts;
  const photoStatus: TaskStatus = !photo
    ? "not_started"
    : photo.state === "returned"
      ? "returned"
      : photo.state === "draft"
        ? // A failing photo is complete only when sent with an explanation (decision 028).
          (photo.verdict === "fail" && !photo.exception) || (photo.verdict === "warn" && !photo.warningsAcknowledged)
          ? "in_progress"
          : "completed"
        : "completed";
  const ready = facts.declared && facts.hasAddress && photoStatus === "completed";
  const submittedCurrentPhoto = photo !== null && facts.submittedPhotoId === photo.id;
  return {
    presence: facts.declared ? "completed" : "not_started",
    address: facts.hasAddress ? "completed" : "not_started",
    photo: photoStatus,
    submit: submittedCurrentPhoto ? "completed" : ready ? "not_started" : "cannot_start",
  };
}

/** Plain task statuses for one person, from what is on file. */
export async function tasksFor(db: Database, personId: number): Promise<PersonTasks> {
  const [declaration, address, photo, submission] = await Promise.all([
    findPresenceDeclaration(db, personId),
    findAddress(db, personId),
    currentPhoto(db, personId),
    latestSubmission(db, personId),
  ]);
  return taskStatuses({
    declared: declaration !== undefined,
    hasAddress: address !== undefined,
    photo: photo
      ? {
          id: photo.id,
          state: photo.state,
          verdict: photo.verdict,
          warningsAcknowledged: photo.warningsAcknowledged === 1,
          exception: photo.exceptionReason !== null,
        }
      : null,
    submittedPhotoId: submission?.photoId ?? null,
  });
}
