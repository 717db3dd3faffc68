import { and, eq, sql } from "drizzle-orm";
import { accounts, representatives } from "../../schema/index.ts";
import { type Database, addMinutes, nowIso } from "./db.ts";

/*
 * The sign-in columns applicants' and representatives' accounts share
 * (decision 026): one implementation of the lockout, the single-use
 * temporary password and the chosen password for both kinds, so a
 * representative's account is held to exactly the applicant's rules.
 */

/** Which kind of account a username, a session or an audit row names. */
export type CredentialKind = "applicant" | "representative";

const TABLES = { applicant: accounts, representative: representatives } as const;

/**
 * Brute-force policy per account: after 5 consecutive failures the account
 * is locked for 1, 2, 4 … minutes (at most 60), doubling with each further
 * failure. A success resets the count.
 */
export const LOCKOUT = { freeFailures: 5, maxMinutes: 60 } as const;

export function lockoutMinutesAfter(failures: number): number {
  if (failures < LOCKOUT.freeFailures) return 0;
  return Math.min(2 ** (failures - LOCKOUT.freeFailures), LOCKOUT.maxMinutes);
}

/**
 * Records a failed sign-in and returns the new lock, if any. `newlyLocked`
 * is true only when this failure started a lock episode (the count reached
 * the threshold): the lock email goes out then, once, not at every later
 * failure that extends the lock.
 */
export async function recordFailedCredentials(db: Database, kind: CredentialKind, id: number, now = Date.now()) {
  const table = TABLES[kind];
  const [row] = await db
    .update(table)
    .set({ failedSignIns: sql`${table.failedSignIns} + 1` })
    .where(eq(table.id, id))
    .returning({ failedSignIns: table.failedSignIns });
  const minutes = lockoutMinutesAfter(row?.failedSignIns ?? 0);
  if (minutes > 0) {
    await db
      .update(table)
      .set({ lockedUntil: addMinutes(nowIso(now), minutes) })
      .where(eq(table.id, id));
  }
  return {
    failedSignIns: row?.failedSignIns ?? 0,
    lockedMinutes: minutes,
    newlyLocked: (row?.failedSignIns ?? 0) === LOCKOUT.freeFailures,
  };
}

export function resetFailedCredentials(db: Database, kind: CredentialKind, id: number) {
  const table = TABLES[kind];
  return db.update(table).set({ failedSignIns: 0, lockedUntil: null }).where(eq(table.id, id));
}

/** Sets a password the person chose (no longer temporary). */
export function setChosenCredentials(
  db: Database,
  kind: CredentialKind,
  id: number,
  passwordHash: string,
  now = Date.now(),
) {
  const table = TABLES[kind];
  return db
    .update(table)
    .set({
      passwordHash,
      passwordIsTemporary: 0,
      temporaryPasswordExpiresAt: null,
      temporaryPasswordUsedAt: null,
      passwordChangedAt: nowIso(now),
      failedSignIns: 0,
      lockedUntil: null,
    })
    .where(eq(table.id, id));
}

/** Spends a temporary password at the sign-in it opens (it works once). */
export function markTemporaryCredentialsUsed(db: Database, kind: CredentialKind, id: number, now = Date.now()) {
  const table = TABLES[kind];
  return db
    .update(table)
    .set({ temporaryPasswordUsedAt: nowIso(now) })
    .where(eq(table.id, id));
}

/** Replaces the stored hash of the same password (stronger parameters), nothing else. */
export function updateCredentialsHash(db: Database, kind: CredentialKind, id: number, passwordHash: string) {
  const table = TABLES[kind];
  return db.update(table).set({ passwordHash }).where(eq(table.id, id));
}

/**
 * A fresh temporary password's hash and expiry, only while the password is still temporary: a
 * password the person chose is never replaced by one the portal sends.
 */
export function issueTemporaryCredentials(
  db: Database,
  kind: CredentialKind,
  id: number,
  passwordHash: string,
  expiresAt: string,
) {
  const table = TABLES[kind];
  return db
    .update(table)
    .set({ passwordHash, temporaryPasswordExpiresAt: expiresAt, temporaryPasswordUsedAt: null })
    .where(and(eq(table.id, id), eq(table.passwordIsTemporary, 1)));
}
