import { eq, sql } from "drizzle-orm";
import { accounts, persons } from "../../schema/index.ts";
import { auditInsert } from "./audit.ts";
import { setChosenCredentials } from "./credentials.ts";
import type { Database } from "./db.ts";
import { newResetToken } from "./reset-tokens.ts";
import { identityColumns, personColumns } from "./person-identity.ts";

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
    .select({ givenNames: identityColumns.givenNames, familyName: identityColumns.familyName })
    .from(persons)
    .where(eq(persons.id, account.personId))
    .get();
  const name = person ? `${person.givenNames} ${person.familyName}`.trim() : "";
  return name || account.username;
}

/** The persons an account acts for: its own person first, then family members. */
export async function personsActedForBy(db: Database, accountId: number, ownPersonId: number) {
  const rows = await db.select(personColumns).from(persons).where(eq(persons.actingAccountId, accountId)).all();
  return rows.sort((a, b) => Number(b.id === ownPersonId) - Number(a.id === ownPersonId) || a.id - b.id);
}

// The lockout and the password columns are shared with representatives' accounts (data/credentials.ts).
export { LOCKOUT, lockoutMinutesAfter } from "./credentials.ts";

/** Sets a password the person chose (no longer temporary). */
export function setChosenPassword(db: Database, accountId: number, passwordHash: string, now = Date.now()) {
  return setChosenCredentials(db, "applicant", accountId, passwordHash, now);
}

/** An applicant's forgot-password link (the rules for both kinds: data/reset-tokens.ts). */
export function newPasswordResetToken(db: Database, accountId: number, tokenHash: string, now = Date.now()) {
  return newResetToken(db, "applicant", accountId, tokenHash, now);
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
