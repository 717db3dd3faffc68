import { and, asc, desc, eq, gt } from "drizzle-orm";
import { applications, documents, personIdentities, persons, reviewDecisions } from "../../schema/index.ts";
import type { AppEnv } from "../env.ts";
import { auditInsert } from "./audit.ts";
import type { Database } from "./db.ts";
import { personColumns } from "./person-identity.ts";
import { latestSubmission } from "./journey.ts";
import { type OutgoingEmail, outboxInsert } from "./outbox.ts";
import { ownNoticeAddress } from "./member-notices.ts";

/**
 * What the e-CoPR of a person prints and who is told of it: the person, their latest submission,
 * application and acting account, and the person's own confirmed address when it is another one.
 */
export async function proofOfPrSubject(db: Database, personId: number) {
  const person = await db.select(personColumns).from(persons).where(eq(persons.id, personId)).get();
  const submission = await latestSubmission(db, personId);
  if (!person || !submission) throw new Error("issueProofOfPr: the person has no submission");
  const application = (await db.select().from(applications).where(eq(applications.id, person.applicationId)).get())!;
  const account = person.actingAccountId
    ? await db.query.accounts.findFirst({ where: (a, { eq: equal }) => equal(a.id, person.actingAccountId!) })
    : undefined;
  const ownAddress = await ownNoticeAddress(db, person, account);
  return { person, submission, application, account, ownAddress };
}

/**
 * Records an issued e-CoPR (its object already in R2), the officer's
 * "PR confirmed" decision, the emails telling the person (their acting
 * account's, and their own copy) and the audit entry, in one batch: all of them or none.
 */
export async function recordProofOfPr(
  db: Database,
  env: Pick<AppEnv, "EMAIL_FROM">,
  input: {
    personId: number;
    submissionId: number;
    officerId: number;
    objectKey: string;
    verificationCode: string;
    issuedAt: string;
    emails: OutgoingEmail[];
  },
): Promise<{ documentId: number; outboxIds: number[] }> {
  const { personId, submissionId, officerId, objectKey, verificationCode, issuedAt, emails } = input;
  const results = await db.batch([
    db
      .insert(documents)
      .values({ personId, kind: "ecopr", objectKey, verificationCode, issuedByOfficerId: officerId, issuedAt })
      .returning({ id: documents.id }),
    db.insert(reviewDecisions).values({ submissionId, officerId, decision: "pr_confirmed", decidedAt: issuedAt }),
    ...emails.map((email) => outboxInsert(db, env, email)),
    auditInsert(db, {
      actorKind: "officer",
      actorId: officerId,
      action: "pr.confirmed",
      subjectKind: "person",
      subjectId: personId,
    }),
  ]);
  const [inserted] = results[0] as { id: number }[];
  const outboxIds = results.slice(2, 2 + emails.length).flatMap((r) => (r as { id: number }[]).map((row) => row.id));
  return { documentId: inserted!.id, outboxIds };
}

export async function latestProofOfPr(db: Database, personId: number) {
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.personId, personId), eq(documents.kind, "ecopr")))
    .orderBy(desc(documents.id))
    .get();
}

/** The person's first e-CoPR: the day PR status was confirmed, which every reissue prints too. */
export async function firstProofOfPr(db: Database, personId: number) {
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.personId, personId), eq(documents.kind, "ecopr")))
    .orderBy(asc(documents.id))
    .get();
}

/**
 * What /verify may say about a code: initials, date and status, and, for an e-CoPR a correction
 * replaced (decision 027), the day the newer one was issued; nothing more, never the person's name.
 * The initials are those the document printed: its corrected identity's, else the person row's
 * (which the retention purge cuts to the initials).
 */
export async function verifyDocument(db: Database, code: string) {
  const row = await db
    .select({
      id: documents.id,
      personId: documents.personId,
      status: documents.status,
      issuedAt: documents.issuedAt,
      givenNames: persons.givenNames,
      familyName: persons.familyName,
      correctedGivenNames: personIdentities.givenNames,
      correctedFamilyName: personIdentities.familyName,
    })
    .from(documents)
    .innerJoin(persons, eq(persons.id, documents.personId))
    .leftJoin(personIdentities, eq(personIdentities.id, documents.identityId))
    .where(eq(documents.verificationCode, code))
    .get();
  if (!row) return null;
  // Issued rows never change (migration 0006): a newer e-CoPR of the same person is what replaced this one.
  const newer = await db
    .select({ issuedAt: documents.issuedAt })
    .from(documents)
    .where(and(eq(documents.personId, row.personId), eq(documents.kind, "ecopr"), gt(documents.id, row.id)))
    .orderBy(asc(documents.id))
    .get();
  const initial = (name: string) => (name.trim()[0] ?? "").toUpperCase();
  return {
    initials: `${initial(row.correctedGivenNames ?? row.givenNames)}. ${initial(row.correctedFamilyName ?? row.familyName)}.`,
    issuedOn: row.issuedAt.slice(0, 10),
    status: row.status,
    replacedOn: newer ? newer.issuedAt.slice(0, 10) : null,
  };
}
