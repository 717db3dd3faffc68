import { and, eq, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import { accounts, addresses, cards, confirmedEmailAddresses, documents, emailConfirmations, outbox, passwordResetTokens, persons, photos, sessions, submissions } from "../../schema/index.ts";
import { auditInsert } from "../data/audit.ts";
import { type Database, nowIso } from "../data/db.ts";
import type { AppEnv } from "../env.ts";
import { settings } from "../lib/config.ts";

/** Persons purged per run: bounds one cron invocation's work; the rest wait for the next run. */
export const PURGE_BATCH = 50;

export interface RetentionReport {
  persons: number;
  accounts: number;
  objects: number;
}

/** The YYYY-MM-DD on or before which a card must have been mailed for its person to be purged now. */
export function purgeCutoffDate(retentionDays: number, now = Date.now()): string {
  return new Date(now - retentionDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The instant on or before which a mailed date must have been recorded for
 * its person to be purged now: a date typed wrong (years too early) would
 * otherwise erase the person the same night, before anyone could correct it.
 */
export function gracePassedBefore(graceDays: number, now = Date.now()): string {
  return nowIso(now - graceDays * 86_400_000);
}

/**
 * Erases photos and personal data a configured number of days
 * (RETENTION_DAYS_AFTER_CARD_MAILED) after a person's card was mailed, and
 * at least RETENTION_GRACE_DAYS after that date was recorded: the
 * portal's job for them is done, and the department's records live
 * elsewhere. What stays is what proves the process happened without saying
 * who: ids, dates, decisions, check results, the audit log, and the name's
 * initials that /verify shows for the e-CoPR code. An account goes when
 * every person it acted for is purged. Candidates are those not yet purged,
 * so a second run does nothing (idempotent).
 */
export async function purgePastRetention(
  env: Pick<AppEnv, "FILES" | "TEMP_PASSWORD_DAYS" | "INVITATION_DAYS" | "CARD_TARGET_DAYS" | "RETENTION_DAYS_AFTER_CARD_MAILED" | "RETENTION_GRACE_DAYS">,
  db: Database,
  now = Date.now(),
): Promise<RetentionReport> {
  const { retentionDaysAfterCardMailed, retentionGraceDays } = settings(env);
  const cutoff = purgeCutoffDate(retentionDaysAfterCardMailed, now);
  const due = await db
    .select({ id: persons.id, email: persons.email, actingAccountId: persons.actingAccountId, givenNames: persons.givenNames, familyName: persons.familyName })
    .from(persons)
    .innerJoin(cards, eq(cards.personId, persons.id))
    // Both the mailed date and the moment it was recorded (or corrected) must be old enough.
    .where(and(isNull(persons.purgedAt), lte(cards.mailedAt, cutoff), lte(cards.mailedRecordedAt, gracePassedBefore(retentionGraceDays, now))))
    .orderBy(persons.id)
    .limit(PURGE_BATCH)
    .all();
  const report: RetentionReport = { persons: 0, accounts: 0, objects: 0 };
  for (const person of due) {
    const purged = await purgePerson(env, db, person, now);
    report.persons += 1;
    report.accounts += purged.accountPurged ? 1 : 0;
    report.objects += purged.objectsDeleted;
  }
  return report;
}

async function purgePerson(
  env: Pick<AppEnv, "FILES">,
  db: Database,
  person: { id: number; email: string; actingAccountId: number | null; givenNames: string; familyName: string },
  now: number,
): Promise<{ accountPurged: boolean; objectsDeleted: number }> {
  const purgedAt = nowIso(now);
  // One character (a code point, not half a surrogate pair; "ß" stays "ß", not "SS"): the trigger
  // persons_identity_locked lets the purge leave at most one character of each name.
  const initial = (name: string) => {
    const first = [...name.trim()][0] ?? "";
    const upper = first.toUpperCase();
    return [...upper].length === 1 ? upper : first;
  };
  const [photoKeys, documentKeys, account] = await Promise.all([
    db.select({ key: photos.objectKey }).from(photos).where(eq(photos.personId, person.id)).all(),
    db.select({ key: documents.objectKey }).from(documents).where(eq(documents.personId, person.id)).all(),
    person.actingAccountId ? db.select().from(accounts).where(eq(accounts.id, person.actingAccountId)).get() : undefined,
  ]);
  // The account goes with the last person it acts for (a family's principal account waits for everyone).
  const othersStillKept = account
    ? await db
        .select({ id: persons.id })
        .from(persons)
        .where(and(or(eq(persons.actingAccountId, account.id), eq(persons.id, account.personId)), ne(persons.id, person.id), isNull(persons.purgedAt)))
        .get()
    : undefined;
  const purgeAccount = !!account && !othersStillKept;
  // Emails to the account's address also concern the family members it still acts for: kept until the account goes.
  const keptAddress = account && !purgeAccount ? account.email.toLowerCase() : null;
  const addressesToForget = [person.email, ...(purgeAccount ? [account.email] : [])].map((a) => a.toLowerCase()).filter((a) => a !== keptAddress);

  await db.batch([
    // First, so the triggers let the address and the submission snapshots go. One statement sets
    // purged_at and cuts the identity to exactly this shape: the only change the
    // persons_identity_locked trigger (migrations 0006, 0010) allows on a submitted person.
    db
      .update(persons)
      // The search key is a copy of the names: emptied, not cut to the initials (nobody searches a purged person).
      .set({ purgedAt, givenNames: initial(person.givenNames), familyName: initial(person.familyName), searchKey: "", dateOfBirth: "", email: "", uci: `purged-${person.id}` })
      .where(and(eq(persons.id, person.id), isNull(persons.purgedAt))),
    // The snapshots before the address row: the address delete trigger (migration 0006) lets a
    // submitted address go only once every snapshot of it is already empty.
    db.update(submissions).set({ addressJson: "{}" }).where(eq(submissions.personId, person.id)),
    db.delete(addresses).where(eq(addresses.personId, person.id)),
    db.update(cards).set({ mailedToJson: null }).where(eq(cards.personId, person.id)),
    // Emails hold names and addresses. Months after the card was mailed none is still worth sending
    // (delivery gives up within a day), so pending ones go too.
    ...(addressesToForget.length ? [db.delete(outbox).where(inArray(sql`lower(${outbox.toAddress})`, addressesToForget))] : []),
    ...(purgeAccount
      ? [
          db
            .update(accounts)
            .set({ email: "", username: `purged-${account.id}`, passwordHash: "!purged", passwordIsTemporary: 0, temporaryPasswordExpiresAt: null })
            .where(eq(accounts.id, account.id)),
          db.delete(sessions).where(eq(sessions.accountId, account.id)),
          db.delete(passwordResetTokens).where(eq(passwordResetTokens.accountId, account.id)),
          db.delete(emailConfirmations).where(eq(emailConfirmations.accountId, account.id)),
        ]
      : []),
    // A confirmed address is personal data too: forgotten with the account, unless another
    // account still uses it (after the account update above, this one no longer does).
    ...(addressesToForget.length
      ? [
          db
            .delete(confirmedEmailAddresses)
            .where(and(inArray(confirmedEmailAddresses.email, addressesToForget), sql`not exists (select 1 from accounts where lower(accounts.email) = ${confirmedEmailAddresses.email})`)),
        ]
      : []),
    auditInsert(db, { actorKind: "system", actorId: "retention", action: "person.purged", subjectKind: "person", subjectId: person.id, details: { accountPurged: purgeAccount } }),
  ]);
  // The rows no longer point at these objects; if the delete fails, the orphan sweep removes them.
  const keys = [...photoKeys, ...documentKeys].map((r) => r.key);
  let objectsDeleted = 0;
  if (keys.length) {
    try {
      await env.FILES.delete(keys);
      objectsDeleted = keys.length;
    } catch (error) {
      console.error("retention: object delete failed; the orphan sweep will retry", { personId: person.id }, error);
    }
  }
  return { accountPurged: purgeAccount, objectsDeleted };
}
