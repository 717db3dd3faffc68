import { and, eq, inArray, isNull, lte, ne, or, sql } from "drizzle-orm";
import {
  accounts,
  addresses,
  anotherWayRequests,
  cards,
  confirmedEmailAddresses,
  documents,
  ecoprCorrections,
  emailConfirmations,
  outbox,
  passwordResetTokens,
  persons,
  personIdentities,
  photos,
  sessions,
  submissions,
} from "../../schema/index.ts";
import { auditInsert } from "./audit.ts";
import type { Database } from "./db.ts";
import { endGrantsOfPurgedAccount } from "./representatives.ts";

// The D1 side of the retention purge (worker/maintenance/retention.ts decides who and what).

export interface PurgeCandidate {
  id: number;
  email: string;
  actingAccountId: number | null;
  givenNames: string;
  familyName: string;
}

/** Persons not yet purged whose card was mailed on or before `mailedBy`, that date recorded on or before `recordedBy`; oldest first. */
export async function personsDueForPurge(
  db: Database,
  input: { mailedBy: string; recordedBy: string; limit: number },
): Promise<PurgeCandidate[]> {
  return (
    db
      .select({
        id: persons.id,
        email: persons.email,
        actingAccountId: persons.actingAccountId,
        givenNames: persons.givenNames,
        familyName: persons.familyName,
      })
      .from(persons)
      .innerJoin(cards, eq(cards.personId, persons.id))
      // Both the mailed date and the moment it was recorded (or corrected) must be old enough.
      .where(
        and(
          isNull(persons.purgedAt),
          lte(cards.mailedAt, input.mailedBy),
          lte(cards.mailedRecordedAt, input.recordedBy),
        ),
      )
      .orderBy(persons.id)
      .limit(input.limit)
      .all()
  );
}

/**
 * What a person's purge reaches: the R2 keys of their photos and documents,
 * the account acting for them, and whether that account still acts for (or
 * is) someone not purged, in which case it stays.
 */
export async function purgeReach(db: Database, person: PurgeCandidate) {
  const [photoKeys, documentKeys, evidenceKeys, account] = await Promise.all([
    db.select({ key: photos.objectKey }).from(photos).where(eq(photos.personId, person.id)).all(),
    db.select({ key: documents.objectKey }).from(documents).where(eq(documents.personId, person.id)).all(),
    db
      .select({ key: ecoprCorrections.evidenceObjectKey })
      .from(ecoprCorrections)
      .where(eq(ecoprCorrections.personId, person.id))
      .all(),
    person.actingAccountId
      ? db.select().from(accounts).where(eq(accounts.id, person.actingAccountId)).get()
      : undefined,
  ]);
  const othersStillKept = account
    ? await db
        .select({ id: persons.id })
        .from(persons)
        .where(
          and(
            or(eq(persons.actingAccountId, account.id), eq(persons.id, account.personId)),
            ne(persons.id, person.id),
            isNull(persons.purgedAt),
          ),
        )
        .get()
    : undefined;
  return {
    objectKeys: [...photoKeys, ...documentKeys, ...evidenceKeys].flatMap((r) => (r.key ? [r.key] : [])),
    account,
    othersStillKept: Boolean(othersStillKept),
  };
}

/** Erases a person's personal data, and their account's when `purgeAccount`, in one batch. */
export async function purgePersonRecords(
  db: Database,
  input: {
    personId: number;
    purgedAt: string;
    initials: { givenNames: string; familyName: string };
    account: { id: number } | undefined;
    purgeAccount: boolean;
    addressesToForget: string[];
  },
): Promise<void> {
  const { personId, purgedAt, initials, account, purgeAccount, addressesToForget } = input;
  // The account's consent to representatives ends with it, each grant with its reason (decision 026).
  const grantsEnded = purgeAccount && account ? await endGrantsOfPurgedAccount(db, account.id, purgedAt) : [];
  await db.batch([
    // First, so the triggers let the address and the submission snapshots go. One statement sets
    // purged_at and cuts the identity to exactly this shape: the only change the
    // persons_identity_locked trigger (migrations 0006, 0010) allows on a submitted person.
    db
      .update(persons)
      // The search key is a copy of the names: emptied, not cut to the initials (nobody searches a purged person).
      .set({
        purgedAt,
        givenNames: initials.givenNames,
        familyName: initials.familyName,
        searchKey: "",
        dateOfBirth: "",
        email: "",
        uci: `purged-${personId}`,
      })
      .where(and(eq(persons.id, personId), isNull(persons.purgedAt))),
    // The snapshots before the address row: the address delete trigger (migration 0006) lets a
    // submitted address go only once every snapshot of it is already empty.
    db.update(submissions).set({ addressJson: "{}" }).where(eq(submissions.personId, personId)),
    db.delete(addresses).where(eq(addresses.personId, personId)),
    db.update(cards).set({ mailedToJson: null }).where(eq(cards.personId, personId)),
    // A request for another way and a photo's explanation say why in the person's words (health,
    // religion, disability): emptied. The photo lock (migration 0013) allows only this, once purged_at is set above.
    db.update(anotherWayRequests).set({ reason: "" }).where(eq(anotherWayRequests.personId, personId)),
    db
      .update(photos)
      .set({ exceptionExplanation: "" })
      .where(and(eq(photos.personId, personId), sql`${photos.exceptionExplanation} is not null`)),
    // Corrected identities and the reports that asked for them hold names and dates of birth: their
    // triggers (migration 0014) let them go once purged_at is set above. Identities first (they
    // reference the reports). The e-CoPR rows stay, so /verify still answers, with the initials left.
    db.delete(personIdentities).where(eq(personIdentities.personId, personId)),
    db.delete(ecoprCorrections).where(eq(ecoprCorrections.personId, personId)),
    // Emails hold names and addresses. Months after the card was mailed none is still worth sending
    // (delivery gives up within a day), so pending ones go too.
    ...(addressesToForget.length
      ? [db.delete(outbox).where(inArray(sql`lower(${outbox.toAddress})`, addressesToForget))]
      : []),
    ...(purgeAccount && account
      ? [
          db
            .update(accounts)
            .set({
              email: "",
              username: `purged-${account.id}`,
              passwordHash: "!purged",
              passwordIsTemporary: 0,
              temporaryPasswordExpiresAt: null,
            })
            .where(eq(accounts.id, account.id)),
          db.delete(sessions).where(eq(sessions.accountId, account.id)),
          db.delete(passwordResetTokens).where(eq(passwordResetTokens.accountId, account.id)),
          db.delete(emailConfirmations).where(eq(emailConfirmations.accountId, account.id)),
        ]
      : []),
    ...grantsEnded,
    // A confirmed address is personal data too: forgotten with the account, unless another
    // account still uses it (after the account update above, this one no longer does).
    ...(addressesToForget.length
      ? [
          db.delete(confirmedEmailAddresses).where(
            and(
              inArray(confirmedEmailAddresses.email, addressesToForget),
              sql`not exists (select 1 from accounts where lower(accounts.email) = ${confirmedEmailAddresses.email})`,
              // A representative's own account at the same address keeps it (their reset links need it).
              sql`not exists (select 1 from representatives where representatives.email = ${confirmedEmailAddresses.email})`,
            ),
          ),
        ]
      : []),
    auditInsert(db, {
      actorKind: "system",
      actorId: "retention",
      action: "person.purged",
      subjectKind: "person",
      subjectId: personId,
      details: { accountPurged: purgeAccount },
    }),
  ]);
}
