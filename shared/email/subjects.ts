/**
 * Email subject lines, shared with the client's information page (which tells
 * people how to recognize our emails). The invitation keeps the subject the
 * public IRCC page quotes word for word; every later email says what happened,
 * on one line, English then French, in fewer than 120 characters.
 */
export const INVITATION_SUBJECT =
  "IRCC - Permanent Residence Portal (PR Confirmation) / Portail de résidence permanente (Confirmation de la RP)";

/** How every other subject starts, in each language. */
export const SUBJECT_PREFIX = { en: "IRCC - PR Confirmation: ", fr: "Confirmation de la RP : " } as const;

export const MAX_SUBJECT_LENGTH = 119;

/** "IRCC - PR Confirmation: your photo was returned / Confirmation de la RP : votre photo a été renvoyée". */
export function eventSubject(what: { en: string; fr: string }): string {
  return `${SUBJECT_PREFIX.en}${what.en} / ${SUBJECT_PREFIX.fr}${what.fr}`;
}
