import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { accounts, passwordResetTokens, persons } from "../../schema/index.ts";
import { auditInsert } from "./audit.ts";
import { type Database, addMinutes, nowIso } from "./db.ts";

export async function findAccountByUsername(db: Database, username: string) {
  return db
    .select()
    .from(accounts)
    .where(eq(sql`lower(${accounts.username})`, username.trim().toLowerCase()))
    .get();
}

export async function findAccountById(db: Database, id: number) {
  return db.select().from(accounts).where(eq(accounts.id, id)).get();
}

/** Accounts whose email is this address (an email can serve a whole family). */
export async function findAccountsByEmail(db: Database, email: string) {
  return db
    .select()
    .from(accounts)
    .where(eq(sql`lower(${accounts.email})`, email.trim().toLowerCase()))
    .all();
}

/**
 * The name to greet an account's holder by: its own person (the principal, for
 * a family account), "Given Family" as every email writes it. The username only
 * when the name is gone (erased by the retention purge).
 */
export async function accountHolderName(
  db: Database,
  account: { personId: number; username: string },
): Promise<string> {
  const person = await db
    .select({ givenNames: persons.givenNames, familyName: persons.familyName })
    .from(persons)
    .where(eq(persons.id, account.personId))
    .get();
  const name = person ? `${person.givenNames} ${person.familyName}`.trim() : "";
  return name || account.username;
}

/** The persons an account acts for: its own person first, then family members. */
export async function personsActedForBy(db: Database, accountId: number, ownPersonId: number) {
  const rows = await db.select().from(persons).where(eq(persons.actingAccountId, accountId)).all();
  return rows.sort((a, b) => Number(b.id === ownPersonId) - Number(a.id === ownPersonId) || a.id - b.id);
}

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
export async function recordFailedSignIn(db: Database, accountId: number, now = Date.now()) {
  const [row] = await db
    .update(accounts)
    .set({ failedSignIns: sql`${accounts.failedSignIns} + 1` })
    .where(eq(accounts.id, accountId))
    .returning({ failedSignIns: accounts.failedSignIns });
  const minutes = lockoutMinutesAfter(row?.failedSignIns ?? 0);
  if (minutes > 0) {
    await db
      .update(accounts)
      .set({ lockedUntil: addMinutes(nowIso(now), minutes) })
      .where(eq(accounts.id, accountId));
  }
  return {
    failedSignIns: row?.failedSignIns ?? 0,
    lockedMinutes: minutes,
    newlyLocked: (row?.failedSignIns ?? 0) === LOCKOUT.freeFailures,
  };
}

export function resetFailedSignIns(db: Database, accountId: number) {
  return db.update(accounts).set({ failedSignIns: 0, lockedUntil: null }).where(eq(accounts.id, accountId));
}

/** Sets a password the person chose (no longer temporary). */
export function setChosenPassword(db: Database, accountId: number, passwordHash: string, now = Date.now()) {
  return db
    .update(accounts)
    .set({
      passwordHash,
      passwordIsTemporary: 0,
      temporaryPasswordExpiresAt: null,
      temporaryPasswordUsedAt: null,
      passwordChangedAt: nowIso(now),
      failedSignIns: 0,
      lockedUntil: null,
    })
    .where(eq(accounts.id, accountId));
}

export function newPasswordResetToken(db: Database, accountId: number, tokenHash: string, now = Date.now()) {
  return db.insert(passwordResetTokens).values({ accountId, tokenHash, expiresAt: addMinutes(nowIso(now), 60) });
}

/** The unused, unexpired reset token with this hash. */
export async function findUsableResetToken(db: Database, tokenHash: string, now = Date.now()) {
  return db
    .select()
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.tokenHash, tokenHash),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, nowIso(now)),
      ),
    )
    .get();
}

/**
 * Marks a reset token used, only if it still is unused: the statement is the
 * single-use guard when two requests race with the same link.
 */
export function useResetToken(db: Database, tokenId: number, now = Date.now()) {
  return db
    .update(passwordResetTokens)
    .set({ usedAt: nowIso(now) })
    .where(and(eq(passwordResetTokens.id, tokenId), isNull(passwordResetTokens.usedAt)))
    .returning({ id: passwordResetTokens.id });
}

/** The language an account uses in the portal, if the account exists. */
export async function accountLanguage(db: Database, accountId: number) {
  return db.select({ language: accounts.language }).from(accounts).where(eq(accounts.id, accountId)).get();
}

/** The account's language, changed and audited in one batch. */
export async function setAccountLanguage(db: Database, accountId: number, language: "en" | "fr"): Promise<void> {
  await db.batch([
    db.update(accounts).set({ language }).where(eq(accounts.id, accountId)),
    auditInsert(db, { actorKind: "applicant", actorId: accountId, action: "account.language", details: { language } }),
  ]);
}

/** Spends a temporary password at the sign-in it opens (it works once). */
export function markTemporaryPasswordUsed(db: Database, accountId: number, now = Date.now()) {
  return db
    .update(accounts)
    .set({ temporaryPasswordUsedAt: nowIso(now) })
    .where(eq(accounts.id, accountId));
}

/** Replaces the stored hash of the same password (stronger parameters), nothing else. */
export function updatePasswordHash(db: Database, accountId: number, passwordHash: string) {
  return db.update(accounts).set({ passwordHash }).where(eq(accounts.id, accountId));
}
