import { type Database, nowIso } from "../data/db.ts";
import { deleteObjects } from "../data/objects.ts";
import { type PurgeCandidate, personsDueForPurge, purgePersonRecords, purgeReach } from "../data/retention.ts";
import type { AppEnv } from "../env.ts";
import { settings } from "../lib/config.ts";

/** Persons purged per run: bounds one cron invocation's work; the rest wait for the next run. */
const PURGE_BATCH = 50;

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
function gracePassedBefore(graceDays: number, now = Date.now()): string {
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
  env: Pick<
    AppEnv,
    | "FILES"
    | "TEMP_PASSWORD_DAYS"
    | "INVITATION_DAYS"
    | "CARD_TARGET_DAYS"
    | "RETENTION_DAYS_AFTER_CARD_MAILED"
    | "RETENTION_GRACE_DAYS"
  >,
  db: Database,
  now = Date.now(),
): Promise<RetentionReport> {
  const { retentionDaysAfterCardMailed, retentionGraceDays } = settings(env);
  const cutoff = purgeCutoffDate(retentionDaysAfterCardMailed, now);
  const due = await personsDueForPurge(db, {
    mailedBy: cutoff,
    recordedBy: gracePassedBefore(retentionGraceDays, now),
    limit: PURGE_BATCH,
  });
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
  person: PurgeCandidate,
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
  const { objectKeys: keys, account, othersStillKept } = await purgeReach(db, person);
  // The account goes with the last person it acts for (a family's principal account waits for everyone).
  const purgeAccount = !!account && !othersStillKept;
  // Emails to the account's address also concern the family members it still acts for: kept until the account goes.
  const keptAddress = account && !purgeAccount ? account.email.toLowerCase() : null;
  const addressesToForget = [person.email, ...(purgeAccount ? [account.email] : [])]
    .map((a) => a.toLowerCase())
    .filter((a) => a !== keptAddress);

  await purgePersonRecords(db, {
    personId: person.id,
    purgedAt,
    initials: { givenNames: initial(person.givenNames), familyName: initial(person.familyName) },
    account,
    purgeAccount,
    addressesToForget,
  });
  // The rows no longer point at these objects; if the delete fails, the orphan sweep removes them.
  let objectsDeleted = 0;
  if (keys.length) {
    try {
      await deleteObjects(env, keys);
      objectsDeleted = keys.length;
    } catch (error) {
      console.error("retention: object delete failed; the orphan sweep will retry", { personId: person.id }, error);
    }
  }
  return { accountPurged: purgeAccount, objectsDeleted };
}
