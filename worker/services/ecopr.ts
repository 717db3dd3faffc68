import { ECOPR_FONT } from "../documents/ecopr-font.ts";
import { renderEcoprPdf } from "../documents/ecopr-pdf.ts";
import { newVerificationCode } from "../documents/verification-code.ts";
import { proofOfPrSubject, recordProofOfPr } from "../data/documents.ts";
import { representativeCopyAddresses } from "../data/representatives.ts";
import { deleteObjects, newDocumentKey, putDocument } from "../data/objects.ts";
import { type Database, nowIso } from "../data/db.ts";
import { proofOfPrAvailableEmail } from "../email/templates.ts";
import type { AppEnv } from "../env.ts";
import { templateContext } from "../lib/config.ts";
import { AppError } from "../lib/errors.ts";
import { unprintableCharacters } from "../../shared/people/printable-name.ts";

/**
 * Confirms a person's PR status: renders the bilingual e-CoPR, stores it
 * privately in R2, and records the document, the officer's decision and the
 * "proof available" email in one batch. The PDF is written first; if the
 * batch fails the orphan object is deleted.
 */
export async function issueProofOfPr(
  db: Database,
  env: Pick<AppEnv, "FILES" | "EMAIL_FROM" | "PUBLIC_ORIGIN" | "HELP_EMAIL"> &
    Partial<Pick<AppEnv, "REPRESENTATIVE_ACCESS">>,
  input: { personId: number; officerId: number },
  now = Date.now(),
): Promise<{ documentId: number; verificationCode: string; outboxIds: number[] }> {
  const { person, submission, application, account, ownAddress } = await proofOfPrSubject(db, input.personId);
  const representatives = await representativeCopyAddresses(db, env, person);
  // A name the font cannot print (imported before the rule, or corrected without it) is a data
  // error to correct first: the proof of status never shows a name other than the one on file.
  if (unprintableCharacters(person.familyName).length > 0 || unprintableCharacters(person.givenNames).length > 0) {
    throw new AppError(409, "name_not_printable", "review.nameNotPrintable");
  }
  const issuedAt = nowIso(now);
  const verificationCode = newVerificationCode();
  const pdf = await renderEcoprPdf(
    {
      givenNames: person.givenNames,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      uci: person.uci,
      applicationNumber: application.applicationNumber,
      confirmedOn: issuedAt.slice(0, 10),
      verificationCode,
      verifyUrl: `${templateContext(env).origin}/verify`,
    },
    ECOPR_FONT,
  );
  const objectKey = newDocumentKey(person.id);
  await putDocument(env, objectKey, pdf);
  try {
    const recorded = await recordProofOfPr(db, env, {
      personId: person.id,
      submissionId: submission.id,
      officerId: input.officerId,
      objectKey,
      verificationCode,
      issuedAt,
      // The acting account's email, and the person's own copy at the address they confirmed.
      // ...and each representative's copy, addressed to them as the representative (decision 026).
      emails: [
        ...(account ? [{ to: account.email, member: false }] : []),
        ...(ownAddress ? [{ to: ownAddress, member: true }] : []),
        ...representatives.map((r) => ({ to: r.email, member: false, representative: r.name })),
      ].map(({ to, member, representative }: { to: string; member: boolean; representative?: string }) => ({
        kind: "proof_of_pr_available",
        to,
        email: proofOfPrAvailableEmail(templateContext(env), {
          name: `${person.givenNames} ${person.familyName}`,
          member,
          representative,
        }),
      })),
    });
    return { ...recorded, verificationCode };
  } catch (error) {
    await deleteObjects(env, objectKey);
    throw error;
  }
}
