import { and, desc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import {
  accounts,
  applications,
  documents,
  ecoprCorrections,
  officers,
  personIdentities,
  persons,
} from "../../schema/index.ts";
import type { CorrectionField, CorrectionListItem, CorrectionSummary } from "../../shared/api/corrections.ts";
import { dayOfMs } from "../../shared/service-standards/days.ts";
import { type ServiceStandard, clockFor } from "../../shared/service-standards/standards.ts";
import type { AppEnv } from "../env.ts";
import { auditInsert } from "./audit.ts";
import type { Database } from "./db.ts";
import { identityColumns } from "./person-identity.ts";
import { type OutgoingEmail, outboxInsert } from "./outbox.ts";

/*
 * The D1 side of e-CoPR corrections (decision 027): the reports, the corrected identities they
 * make, and each decision with its audit row and emails in one batch. The triggers of migration
 * 0014 hold the rules whatever the code does: one pending report per person, a decision final, a
 * corrected identity a new row made only by an accepted report.
 */

/** The identity an e-CoPR prints now: the newest corrected identity, else the person row's own. */
export interface Identity {
  /** Null for the person row's identity. */
  identityId: number | null;
  uci: string;
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
}

export async function currentIdentity(
  db: Database,
  person: { id: number; uci: string; givenNames: string; familyName: string; dateOfBirth: string },
): Promise<Identity> {
  const corrected = await db
    .select()
    .from(personIdentities)
    .where(eq(personIdentities.personId, person.id))
    .orderBy(desc(personIdentities.id))
    .get();
  const from = corrected ?? person;
  return {
    identityId: corrected?.id ?? null,
    uci: from.uci,
    givenNames: from.givenNames,
    familyName: from.familyName,
    dateOfBirth: from.dateOfBirth,
  };
}

/** What a field of an identity holds. */
export function identityValue(identity: Omit<Identity, "identityId">, field: CorrectionField): string {
  switch (field) {
    case "given_names":
      return identity.givenNames;
    case "family_name":
      return identity.familyName;
    case "date_of_birth":
      return identity.dateOfBirth;
    case "uci":
      return identity.uci;
  }
}

/** The identity with one field corrected. */
export function correctedIdentity(
  identity: Identity,
  field: CorrectionField,
  value: string,
): Omit<Identity, "identityId"> {
  const { uci, givenNames, familyName, dateOfBirth } = identity;
  const next = { uci, givenNames, familyName, dateOfBirth };
  if (field === "given_names") next.givenNames = value;
  if (field === "family_name") next.familyName = value;
  if (field === "date_of_birth") next.dateOfBirth = value;
  if (field === "uci") next.uci = value;
  return next;
}

type CorrectionRow = typeof ecoprCorrections.$inferSelect;

export function correctionSummary(row: CorrectionRow): CorrectionSummary {
  return {
    id: row.id,
    field: row.field,
    correctValue: row.correctValue,
    hasDocument: row.evidenceObjectKey !== null,
    requestedAt: row.requestedAt,
    status: row.status,
    decidedAt: row.decidedAt,
    refusalReason: row.refusalReason,
  };
}

/** When the person's report waiting for an officer was sent, if one is: the start of its clock. */
export async function pendingCorrectionSince(db: Database, personId: number): Promise<string | null> {
  const row = await db
    .select({ requestedAt: ecoprCorrections.requestedAt })
    .from(ecoprCorrections)
    .where(and(eq(ecoprCorrections.personId, personId), eq(ecoprCorrections.status, "pending")))
    .get();
  return row?.requestedAt ?? null;
}

/** A person's reports, newest first. */
export async function correctionsOf(db: Database, personId: number): Promise<CorrectionRow[]> {
  return db
    .select()
    .from(ecoprCorrections)
    .where(eq(ecoprCorrections.personId, personId))
    .orderBy(desc(ecoprCorrections.id))
    .all();
}

export async function findCorrection(db: Database, personId: number, correctionId: number) {
  return db
    .select()
    .from(ecoprCorrections)
    .where(and(eq(ecoprCorrections.id, correctionId), eq(ecoprCorrections.personId, personId)))
    .get();
}

export type RequestOutcome = { ok: true; row: CorrectionRow; outboxIds: number[] } | { ok: false; reason: "pending" };

/**
 * Records a person's report (its supporting document, if any, already in R2), its audit row and the
 * "we received it" emails in one batch. A second pending report for the person is refused by the
 * unique index, even from two requests at the same moment.
 */
export async function recordCorrectionRequest(
  db: Database,
  env: Pick<AppEnv, "EMAIL_FROM">,
  input: {
    personId: number;
    documentId: number;
    field: CorrectionField;
    correctValue: string;
    evidence: { objectKey: string; format: "jpeg" | "png" } | null;
    accountId: number;
    requestedAt: string;
    emails: OutgoingEmail[];
  },
): Promise<RequestOutcome> {
  try {
    const results = await db.batch([
      db
        .insert(ecoprCorrections)
        .values({
          personId: input.personId,
          documentId: input.documentId,
          field: input.field,
          correctValue: input.correctValue,
          evidenceObjectKey: input.evidence?.objectKey ?? null,
          evidenceFormat: input.evidence?.format ?? null,
          requestedByAccountId: input.accountId,
          requestedAt: input.requestedAt,
        })
        .returning(),
      auditInsert(db, {
        actorKind: "applicant",
        actorId: input.accountId,
        action: "ecopr.correction_requested",
        subjectKind: "person",
        subjectId: input.personId,
        // The field, never the value: the audit log is read by supervisors for who did what.
        details: { field: input.field, documentId: input.documentId, withDocument: input.evidence !== null },
      }),
      ...input.emails.map((email) => outboxInsert(db, env, email)),
    ]);
    const [row] = results[0] as CorrectionRow[];
    const outboxIds = results.slice(2).flatMap((r) => (r as { id: number }[]).map((x) => x.id));
    return { ok: true, row: row!, outboxIds };
  } catch (error) {
    if (/UNIQUE constraint failed: ecopr_corrections\.person_id|ecopr_corrections_one_pending/.test(String(error)))
      return { ok: false, reason: "pending" };
    throw error;
  }
}

/** Whether an error is the trigger's refusal of a second decision (migration 0014). */
function alreadyDecided(error: unknown): boolean {
  return String(error).includes("correction_decided");
}

export type DecisionOutcome = { ok: true; outboxIds: number[]; documentId?: number } | { ok: false };

/**
 * An officer's refusal, with its reason, the audit row and the emails, in one batch. The update
 * names the report by id alone: a report already decided makes its trigger abort the whole batch, so
 * two officers deciding at once never both write.
 */
export async function recordCorrectionRefusal(
  db: Database,
  env: Pick<AppEnv, "EMAIL_FROM">,
  input: {
    correctionId: number;
    personId: number;
    officerId: number;
    reason: string;
    decidedAt: string;
    emails: OutgoingEmail[];
  },
): Promise<DecisionOutcome> {
  try {
    const results = await db.batch([
      db
        .update(ecoprCorrections)
        .set({
          status: "refused",
          decidedByOfficerId: input.officerId,
          decidedAt: input.decidedAt,
          refusalReason: input.reason,
        })
        .where(eq(ecoprCorrections.id, input.correctionId)),
      auditInsert(db, {
        actorKind: "officer",
        actorId: input.officerId,
        action: "ecopr.correction_refused",
        subjectKind: "person",
        subjectId: input.personId,
        details: { correctionId: input.correctionId },
      }),
      ...input.emails.map((email) => outboxInsert(db, env, email)),
    ]);
    return { ok: true, outboxIds: results.slice(2).flatMap((r) => (r as { id: number }[]).map((x) => x.id)) };
  } catch (error) {
    if (alreadyDecided(error)) return { ok: false };
    throw error;
  }
}

/**
 * An officer's acceptance: the report decided, the corrected identity as a new row, the new e-CoPR
 * (its PDF already in R2) printing it, the audit row and the emails, in one batch: all or nothing.
 */
export async function recordCorrectionAcceptance(
  db: Database,
  env: Pick<AppEnv, "EMAIL_FROM">,
  input: {
    correctionId: number;
    personId: number;
    officerId: number;
    decidedAt: string;
    identity: Omit<Identity, "identityId">;
    objectKey: string;
    verificationCode: string;
    replacedDocumentId: number;
    emails: OutgoingEmail[];
  },
): Promise<DecisionOutcome> {
  const { correctionId, personId, officerId, decidedAt, identity } = input;
  try {
    const results = await db.batch([
      db
        .update(ecoprCorrections)
        .set({ status: "accepted", decidedByOfficerId: officerId, decidedAt })
        .where(eq(ecoprCorrections.id, correctionId)),
      db.insert(personIdentities).values({ personId, correctionId, ...identity }),
      db
        .insert(documents)
        .values({
          personId,
          kind: "ecopr",
          objectKey: input.objectKey,
          verificationCode: input.verificationCode,
          issuedByOfficerId: officerId,
          issuedAt: decidedAt,
          identityId: sql`(SELECT id FROM person_identities WHERE correction_id = ${correctionId})`,
        })
        .returning({ id: documents.id }),
      auditInsert(db, {
        actorKind: "officer",
        actorId: officerId,
        action: "ecopr.correction_accepted",
        subjectKind: "person",
        subjectId: personId,
        details: { correctionId, replacedDocumentId: input.replacedDocumentId },
      }),
      ...input.emails.map((email) => outboxInsert(db, env, email)),
    ]);
    const [inserted] = results[2] as { id: number }[];
    return {
      ok: true,
      documentId: inserted!.id,
      outboxIds: results.slice(4).flatMap((r) => (r as { id: number }[]).map((x) => x.id)),
    };
  } catch (error) {
    if (alreadyDecided(error)) return { ok: false };
    throw error;
  }
}

/** An officer opened a report's supporting document: audited like every read of a person's files by an officer. */
export async function recordEvidenceViewed(
  db: Database,
  input: { officerId: number; personId: number; correctionId: number },
) {
  await db.batch([
    auditInsert(db, {
      actorKind: "officer",
      actorId: input.officerId,
      action: "ecopr.correction_document_viewed",
      subjectKind: "person",
      subjectId: input.personId,
      details: { correctionId: input.correctionId },
    }),
  ]);
}

/**
 * The officers' list: reports waiting (oldest first) or decided (newest first), with whose they are.
 * A waiting report carries its clock against the corrections' standard (decision 025): with one
 * standard for the whole list, oldest first is also due first, so the reports past it lead the list.
 */
export async function correctionList(
  db: Database,
  status: "pending" | "decided",
  standard: ServiceStandard,
  now = Date.now(),
): Promise<CorrectionListItem[]> {
  const rows = await db
    .select({
      id: ecoprCorrections.id,
      personId: ecoprCorrections.personId,
      givenNames: identityColumns.givenNames,
      familyName: identityColumns.familyName,
      uci: identityColumns.uci,
      applicationNumber: applications.applicationNumber,
      field: ecoprCorrections.field,
      requestedAt: ecoprCorrections.requestedAt,
      status: ecoprCorrections.status,
      decidedAt: ecoprCorrections.decidedAt,
    })
    .from(ecoprCorrections)
    .innerJoin(persons, eq(persons.id, ecoprCorrections.personId))
    .innerJoin(applications, eq(applications.id, persons.applicationId))
    .where(status === "pending" ? eq(ecoprCorrections.status, "pending") : ne(ecoprCorrections.status, "pending"))
    .orderBy(status === "pending" ? ecoprCorrections.requestedAt : desc(ecoprCorrections.decidedAt))
    .limit(200)
    .all();
  const today = dayOfMs(now);
  return rows.map(({ givenNames, familyName, ...row }) => ({
    ...row,
    name: `${givenNames} ${familyName}`,
    clock: row.status === "pending" ? clockFor(standard, row.requestedAt, today) : null,
  }));
}

/** A person's reports for the officer, with who asked (the account holder's name) and who decided. */
export async function correctionsForOfficer(db: Database, personId: number) {
  const requester = alias(persons, "requester");
  return db
    .select({
      row: ecoprCorrections,
      requesterGiven: requester.givenNames,
      requesterFamily: requester.familyName,
      officerName: officers.name,
    })
    .from(ecoprCorrections)
    .innerJoin(accounts, eq(accounts.id, ecoprCorrections.requestedByAccountId))
    .innerJoin(requester, eq(requester.id, accounts.personId))
    .leftJoin(officers, eq(officers.id, ecoprCorrections.decidedByOfficerId))
    .where(eq(ecoprCorrections.personId, personId))
    .orderBy(desc(ecoprCorrections.id))
    .all();
}

/** The identity an e-CoPR printed: its corrected identity, else the person row's. */
export async function identityOfDocument(
  db: Database,
  document: { identityId: number | null },
  person: { uci: string; givenNames: string; familyName: string; dateOfBirth: string },
) {
  if (document.identityId === null) return person;
  return (await db.select().from(personIdentities).where(eq(personIdentities.id, document.identityId)).get()) ?? person;
}

/** The person and their application number, for the officers' correction page; undefined for an unknown id. */
export async function correctionPerson(db: Database, personId: number) {
  return db
    .select({ person: persons, applicationNumber: applications.applicationNumber })
    .from(persons)
    .innerJoin(applications, eq(applications.id, persons.applicationId))
    .where(eq(persons.id, personId))
    .get();
}

/** The e-CoPRs of a person, oldest first (a report names the one it was about). */
export async function documentsOf(db: Database, personId: number) {
  return db.select().from(documents).where(eq(documents.personId, personId)).orderBy(documents.id).all();
}
