import { and, desc, eq } from "drizzle-orm";
import { applications, documents, persons, reviewDecisions } from "../../schema/index.ts";
import { ECOPR_FONT } from "../documents/ecopr-font.ts";
import { renderEcoprPdf } from "../documents/ecopr-pdf.ts";
import { outboxInsert } from "../email/outbox.ts";
import { proofOfPrAvailableEmail } from "../email/templates.ts";
import type { AppEnv } from "../env.ts";
import { templateContext } from "../lib/config.ts";
import { randomFromAlphabet, randomToken } from "../lib/crypto.ts";
import { AppError } from "../lib/errors.ts";
import { unprintableCharacters } from "../../shared/people/printable-name.ts";
import { auditInsert } from "./audit.ts";
import { type Database, nowIso } from "./db.ts";
import { latestSubmission } from "./journey.ts";

const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A verification code such as `K7M4-Q9TX-2HNP-W8RC`: 80 bits, unguessable, easy to type. */
export function newVerificationCode(): string {
  return randomFromAlphabet(16, CODE_ALPHABET).match(/.{4}/g)!.join("-");
}

/** Normalizes what a person typed: case, spaces and dashes do not matter. */
export function normalizeVerificationCode(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== 16 || [...compact].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return compact.match(/.{4}/g)!.join("-");
}

/**
 * Confirms a person's PR status: renders the bilingual e-CoPR, stores it
 * privately in R2, and records the document, the officer's decision and the
 * "proof available" email in one batch. The PDF is written first; if the
 * batch fails the orphan object is deleted.
 */
export async function issueProofOfPr(
  db: Database,
  env: Pick<AppEnv, "FILES" | "EMAIL_FROM" | "PUBLIC_ORIGIN" | "HELP_EMAIL">,
  input: { personId: number; officerId: number },
  now = Date.now(),
): Promise<{ documentId: number; verificationCode: string; outboxIds: number[] }> {
  const person = await db.select().from(persons).where(eq(persons.id, input.personId)).get();
  const submission = await latestSubmission(db, input.personId);
  if (!person || !submission) throw new Error("issueProofOfPr: the person has no submission");
  const app = (await db.select().from(applications).where(eq(applications.id, person.applicationId)).get())!;
  const account = person.actingAccountId
    ? await db.query.accounts.findFirst({ where: (a, { eq: equal }) => equal(a.id, person.actingAccountId!) })
    : undefined;
  // A name the font cannot print (imported before the rule, or corrected without it) is a data
  // error to correct first: the proof of status never shows a name other than the one on file.
  if (unprintableCharacters(person.familyName).length > 0 || unprintableCharacters(person.givenNames).length > 0) {
    throw new AppError(409, "name_not_printable", "review.nameNotPrintable");
  }
  const issuedAt = nowIso(now);
  const verificationCode = newVerificationCode();
  const pdf = await renderEcoprPdf({
    givenNames: person.givenNames,
    familyName: person.familyName,
    dateOfBirth: person.dateOfBirth,
    uci: person.uci,
    applicationNumber: app.applicationNumber,
    confirmedOn: issuedAt.slice(0, 10),
    verificationCode,
    verifyUrl: `${templateContext(env).origin}/verify`,
  }, ECOPR_FONT);
  const objectKey = `documents/${person.id}/${randomToken(18)}.pdf`;
  await env.FILES.put(objectKey, pdf, { httpMetadata: { contentType: "application/pdf" } });
  try {
    const results = await db.batch([
      db
        .insert(documents)
        .values({ personId: person.id, kind: "ecopr", objectKey, verificationCode, issuedByOfficerId: input.officerId, issuedAt })
        .returning({ id: documents.id }),
      db.insert(reviewDecisions).values({ submissionId: submission.id, officerId: input.officerId, decision: "pr_confirmed", decidedAt: issuedAt }),
      ...(account
        ? [
            outboxInsert(db, env, {
              kind: "proof_of_pr_available",
              to: account.email,
              email: proofOfPrAvailableEmail(templateContext(env), { name: `${person.givenNames} ${person.familyName}` }),
            }),
          ]
        : []),
      auditInsert(db, { actorKind: "officer", actorId: input.officerId, action: "pr.confirmed", subjectKind: "person", subjectId: person.id }),
    ]);
    const [inserted] = results[0] as { id: number }[];
    const outboxIds = account ? (results[2] as { id: number }[]).map((r) => r.id) : [];
    return { documentId: inserted!.id, verificationCode, outboxIds };
  } catch (error) {
    await env.FILES.delete(objectKey);
    throw error;
  }
}

export async function latestProofOfPr(db: Database, personId: number) {
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.personId, personId), eq(documents.kind, "ecopr")))
    .orderBy(desc(documents.id))
    .get();
}

/** What /verify may say about a code: initials, date and status, nothing more. */
export async function verifyDocument(db: Database, code: string) {
  const row = await db
    .select({ status: documents.status, issuedAt: documents.issuedAt, givenNames: persons.givenNames, familyName: persons.familyName })
    .from(documents)
    .innerJoin(persons, eq(persons.id, documents.personId))
    .where(eq(documents.verificationCode, code))
    .get();
  if (!row) return null;
  const initial = (name: string) => (name.trim()[0] ?? "").toUpperCase();
  return { initials: `${initial(row.givenNames)}. ${initial(row.familyName)}.`, issuedOn: row.issuedAt.slice(0, 10), status: row.status };
}
