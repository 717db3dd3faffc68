/**
 * The reasons an officer can give when returning a photo: the same ids as the
 * automatic checks, plus `other`. One wording per reason, in both languages,
 * for everything the applicant reads: the photo-returned email
 * (worker/email/templates.ts) and the status page's timeline
 * (client/pages/status) both take it from here, so they cannot drift apart.
 * (The officer's checkboxes have short labels of their own in the client's
 * catalogue, m.officer.reasons.)
 */
import { MAX_PHOTO_MEGABYTES } from "./size-limit.ts";

export const RETURN_REASONS = {
  too_dark: {
    en: "The photo is too dark: your face is not lit evenly and brightly enough.",
    fr: "La photo est trop sombre\u00a0: votre visage n'est pas éclairé de façon assez uniforme et lumineuse.",
  },
  background_not_white: {
    en: "The background is not plain white: use a plain, white, untextured wall behind you.",
    fr: "L'arrière-plan n'est pas blanc et uni\u00a0: placez-vous devant un mur blanc, uni et sans motif.",
  },
  face_not_visible: {
    en: "Your facial features are not clearly visible: face the camera, eyes open, nothing covering your face.",
    fr: "Les traits de votre visage ne sont pas bien visibles\u00a0: regardez l'appareil, les yeux ouverts, sans rien devant le visage.",
  },
  glare: {
    en: "There is glare on the photo: avoid shiny spots on your face or glasses (no flash straight on).",
    fr: "Il y a des reflets sur la photo\u00a0: évitez les points brillants sur le visage ou les lunettes (pas de flash de face).",
  },
  dimensions: {
    en: "The photo's size or framing is wrong: it must be between 715 × 1000 and 2000 × 2800 pixels, in a 5:7 ratio, with your head centred and filling the frame as required.",
    fr: "La taille ou le cadrage de la photo ne conviennent pas\u00a0: elle doit mesurer entre 715 × 1000 et 2000 × 2800 pixels, au rapport 5:7, avec votre tête centrée et occupant le cadre comme exigé.",
  },
  file_size: {
    en: `The file is too large: it must be ${MAX_PHOTO_MEGABYTES} MB or less.`,
    fr: `Le fichier est trop volumineux\u00a0: il doit faire ${MAX_PHOTO_MEGABYTES}\u00a0Mo ou moins.`,
  },
  other: {
    en: "The photo does not meet another requirement (see the officer's note).",
    fr: "La photo ne respecte pas une autre exigence (voyez la note de l'agent).",
  },
} as const;

export type ReturnReason = keyof typeof RETURN_REASONS;

/** The reasons in the order the officer's checkboxes and the metrics list them. */
export const RETURN_REASON_IDS = Object.keys(RETURN_REASONS) as readonly ReturnReason[];

export function isReturnReason(value: unknown): value is ReturnReason {
  return typeof value === "string" && Object.hasOwn(RETURN_REASONS, value);
}

/** What the applicant reads for a stored reason; an unknown id reads as `other`. */
export function returnReasonText(reason: string, lang: "en" | "fr"): string {
  return (isReturnReason(reason) ? RETURN_REASONS[reason] : RETURN_REASONS.other)[lang];
}
