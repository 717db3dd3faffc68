import { ECOPR_FONT } from "../documents/ecopr-font.ts";
import { renderEcoprPdf } from "../documents/ecopr-pdf.ts";
import { newVerificationCode } from "../documents/verification-code.ts";
import {
  type DecisionOutcome,
  correctedIdentity,
  correctionsOf,
  currentIdentity,
  findCorrection,
  identityValue,
  recordCorrectionAcceptance,
  recordCorrectionRefusal,
  recordCorrectionRequest,
} from "../data/corrections.ts";
import { firstProofOfPr, latestProofOfPr, proofOfPrSubject } from "../data/documents.ts";
import { representativeCopyAddresses } from "../data/representatives.ts";
import { type Database, nowIso } from "../data/db.ts";
import { deleteObjects, newDocumentKey, newEvidenceKey, putPhoto, putDocument } from "../data/objects.ts";
import type { OutgoingEmail } from "../data/outbox.ts";
import {
  correctionAcceptedEmail,
  correctionReceivedEmail,
  correctionRefusedEmail,
} from "../email/correction-templates.ts";
import type { RenderedEmail } from "../email/render.ts";
import type { AppEnv } from "../env.ts";
import { templateContext } from "../lib/config.ts";
import { AppError } from "../lib/errors.ts";
import { unprintableCharacters } from "../../shared/people/printable-name.ts";
import type { CorrectionField } from "../../shared/api/corrections.ts";

/*
 * The steps of an e-CoPR correction that combine R2, a PDF and email (decision 027). Each writes its
 * object first and records everything else in one D1 batch; a batch that fails deletes the object.
 */

type CorrectionEnv = Pick<AppEnv, "FILES" | "EMAIL_FROM" | "PUBLIC_ORIGIN" | "HELP_EMAIL"> &
  Partial<Pick<AppEnv, "REPRESENTATIVE_ACCESS">>;

/**
 * Who hears of a person's e-CoPR: the acting account, the person's own confirmed address (as the
 * e-CoPR's email), and each representative with a live grant, as the representative (decision 026).
 */
async function toEveryone(
  db: Database,
  env: CorrectionEnv,
  subject: Awaited<ReturnType<typeof proofOfPrSubject>>,
  kind: string,
  render: (member: boolean, representative?: string) => RenderedEmail,
): Promise<OutgoingEmail[]> {
  const representatives = await representativeCopyAddresses(db, env, subject.person);
  const recipients: { to: string; member: boolean; representative?: string }[] = [
    ...(subject.account ? [{ to: subject.account.email, member: false }] : []),
    ...(subject.ownAddress ? [{ to: subject.ownAddress, member: true }] : []),
    ...representatives.map((r) => ({ to: r.email, member: false, representative: r.name })),
  ];
  return recipients.map(({ to, member, representative }) => ({ kind, to, email: render(member, representative) }));
}

export type RequestResult =
  | { ok: true; correction: Awaited<ReturnType<typeof recordCorrectionRequest>> & { ok: true } }
  | { ok: false; reason: "no_ecopr" | "pending" | "same_value" };

/**
 * Records a person's report of an error in their e-CoPR, with its supporting document (already
 * checked and stripped of metadata) stored in R2, and emails that it was received.
 */
export async function requestCorrection(
  db: Database,
  env: CorrectionEnv,
  input: {
    personId: number;
    accountId: number;
    field: CorrectionField;
    correctValue: string;
    evidence: { stored: Uint8Array; format: "jpeg" | "png" } | null;
  },
  now = Date.now(),
): Promise<RequestResult> {
  const document = await latestProofOfPr(db, input.personId);
  if (!document) return { ok: false, reason: "no_ecopr" };
  // Before anything is stored; the unique index still decides between two requests at the same moment.
  if ((await correctionsOf(db, input.personId)).some((c) => c.status === "pending"))
    return { ok: false, reason: "pending" };
  const subject = await proofOfPrSubject(db, input.personId);
  const identity = await currentIdentity(db, subject.person);
  if (identityValue(identity, input.field) === input.correctValue) return { ok: false, reason: "same_value" };
  const objectKey = input.evidence ? newEvidenceKey(input.personId, input.evidence.format) : null;
  if (input.evidence && objectKey) {
    try {
      await putPhoto(env, objectKey, input.evidence.stored, input.evidence.format);
    } catch (error) {
      console.error("correction document store failed", { personId: input.personId }, error);
      throw new AppError(503, "store_failed", "corrections.storeFailed", { headers: { "Retry-After": "30" } });
    }
  }
  const name = `${identity.givenNames} ${identity.familyName}`;
  try {
    const recorded = await recordCorrectionRequest(db, env, {
      personId: input.personId,
      documentId: document.id,
      field: input.field,
      correctValue: input.correctValue,
      evidence: objectKey && input.evidence ? { objectKey, format: input.evidence.format } : null,
      accountId: input.accountId,
      requestedAt: nowIso(now),
      emails: await toEveryone(db, env, subject, "ecopr_correction_received", (member, representative) =>
        correctionReceivedEmail(templateContext(env), {
          name,
          field: input.field,
          correctValue: input.correctValue,
          withDocument: objectKey !== null,
          member,
          representative,
        }),
      ),
    });
    if (!recorded.ok) {
      if (objectKey) await deleteObjects(env, objectKey);
      return recorded;
    }
    return { ok: true, correction: recorded };
  } catch (error) {
    // Nothing points at the object: remove it now (else the orphan sweep will).
    if (objectKey) await deleteObjects(env, objectKey).catch(() => undefined);
    throw error;
  }
}

export type DecideResult = DecisionOutcome | { ok: false; reason: "not_found" | "not_pending" };

/** Finds the person's pending report by id, or says why there is none. */
async function pendingReport(db: Database, personId: number, correctionId: number) {
  const correction = await findCorrection(db, personId, correctionId);
  if (!correction) return { ok: false as const, reason: "not_found" as const };
  if (correction.status !== "pending") return { ok: false as const, reason: "not_pending" as const };
  return { ok: true as const, correction };
}

/**
 * Accepts a report: the corrected identity as a new row, a new e-CoPR printing it (the day PR status
 * was confirmed stays the first e-CoPR's), and the emails, all in one batch after the PDF is in R2.
 * /verify then says the earlier e-CoPR was replaced on this day.
 */
export async function acceptCorrection(
  db: Database,
  env: CorrectionEnv,
  input: { personId: number; correctionId: number; officerId: number },
  now = Date.now(),
): Promise<DecideResult> {
  const found = await pendingReport(db, input.personId, input.correctionId);
  if (!found.ok) return found;
  const { correction } = found;
  const subject = await proofOfPrSubject(db, input.personId);
  const [identity, first, latest] = await Promise.all([
    currentIdentity(db, subject.person),
    firstProofOfPr(db, input.personId),
    latestProofOfPr(db, input.personId),
  ]);
  if (!first || !latest) throw new Error("acceptCorrection: the person has no e-CoPR");
  const next = correctedIdentity(identity, correction.field, correction.correctValue);
  // The request's rules refused such a name already; a name stored before a rule changed is still never misprinted.
  if (unprintableCharacters(next.givenNames).length > 0 || unprintableCharacters(next.familyName).length > 0)
    throw new AppError(409, "name_not_printable", "review.nameNotPrintable");
  const decidedAt = nowIso(now);
  const verificationCode = newVerificationCode();
  const pdf = await renderEcoprPdf(
    {
      ...next,
      applicationNumber: subject.application.applicationNumber,
      confirmedOn: first.issuedAt.slice(0, 10),
      verificationCode,
      verifyUrl: `${templateContext(env).origin}/verify`,
      replaces: { issuedOn: latest.issuedAt.slice(0, 10), verificationCode: latest.verificationCode },
    },
    ECOPR_FONT,
  );
  const objectKey = newDocumentKey(input.personId);
  await putDocument(env, objectKey, pdf);
  try {
    const outcome = await recordCorrectionAcceptance(db, env, {
      correctionId: correction.id,
      personId: input.personId,
      officerId: input.officerId,
      decidedAt,
      identity: next,
      objectKey,
      verificationCode,
      replacedDocumentId: latest.id,
      emails: await toEveryone(db, env, subject, "ecopr_correction_accepted", (member, representative) =>
        correctionAcceptedEmail(templateContext(env), {
          name: `${next.givenNames} ${next.familyName}`,
          field: correction.field,
          correctValue: correction.correctValue,
          issuedOn: decidedAt.slice(0, 10),
          member,
          representative,
        }),
      ),
    });
    if (!outcome.ok) await deleteObjects(env, objectKey);
    return outcome.ok ? outcome : { ok: false, reason: "not_pending" };
  } catch (error) {
    await deleteObjects(env, objectKey).catch(() => undefined);
    throw error;
  }
}

/** Refuses a report with the officer's reason, sent to the person as written. */
export async function refuseCorrection(
  db: Database,
  env: CorrectionEnv,
  input: { personId: number; correctionId: number; officerId: number; reason: string },
  now = Date.now(),
): Promise<DecideResult> {
  const found = await pendingReport(db, input.personId, input.correctionId);
  if (!found.ok) return found;
  const { correction } = found;
  const subject = await proofOfPrSubject(db, input.personId);
  const identity = await currentIdentity(db, subject.person);
  const outcome = await recordCorrectionRefusal(db, env, {
    correctionId: correction.id,
    personId: input.personId,
    officerId: input.officerId,
    reason: input.reason,
    decidedAt: nowIso(now),
    emails: await toEveryone(db, env, subject, "ecopr_correction_refused", (member, representative) =>
      correctionRefusedEmail(templateContext(env), {
        name: `${identity.givenNames} ${identity.familyName}`,
        field: correction.field,
        correctValue: correction.correctValue,
        reason: input.reason,
        member,
        representative,
      }),
    ),
  });
  return outcome.ok ? outcome : { ok: false, reason: "not_pending" };
}
