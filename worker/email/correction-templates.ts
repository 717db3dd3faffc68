import { eventSubject } from "../../shared/email/subjects.ts";
import { CORRECTION_FIELD_LABELS, type CorrectionField } from "../../shared/api/corrections.ts";
import { type BilingualContent, type RenderedEmail, renderBilingual } from "./render.ts";
import { type TemplateContext, ownCopy } from "./templates.ts";

/*
 * The three emails of an e-CoPR correction (decision 027): the report received, accepted (the new
 * proof is in the portal and the old code says it was replaced), and refused with the officer's
 * reason, shown once as written. Each goes to the acting account, to the person's own confirmed
 * address and to each representative the person's account gave access, as the e-CoPR's own email does.
 */

interface Correction {
  name: string;
  field: CorrectionField;
  correctValue: string;
  member?: boolean;
  /** A representative's copy (decision 026): addressed to them, as the representative. */
  representative?: string;
}

const portal = (ctx: TemplateContext, lang: "en" | "fr") => `${ctx.origin}/sign-in?lang=${lang}`;

export function correctionReceivedEmail(
  ctx: TemplateContext,
  v: Correction & { withDocument: boolean },
): RenderedEmail {
  const own = ownCopy(v.name, v.member, v.representative);
  const label = CORRECTION_FIELD_LABELS[v.field];
  const content: BilingualContent = {
    en: {
      heading: "We received your correction",
      paragraphs: [
        ...own.en.greeting,
        { text: `We received a report of an error in the proof of permanent resident status (e-CoPR) of ${v.name}.` },
        { text: `${label.en}, as it should read: ${v.correctValue}` },
        ...(v.withDocument ? [{ text: "A photo of a supporting document came with it." }] : []),
        {
          text: "An officer will check it. We will email you the answer. Until then, the e-CoPR you have stays valid.",
        },
        { text: `If you did not send this, write to ${ctx.helpEmail}.` },
        { text: "See it in the portal", href: portal(ctx, "en") },
        ...own.en.why,
      ],
    },
    fr: {
      heading: "Nous avons reçu votre correction",
      paragraphs: [
        ...own.fr.greeting,
        {
          text: `Nous avons reçu le signalement d'une erreur dans la preuve de statut de résident permanent (CRP électronique) de ${v.name}.`,
        },
        { text: `${label.fr}, tel que cela devrait figurer : ${v.correctValue}` },
        ...(v.withDocument ? [{ text: "Une photo d'un document à l'appui l'accompagnait." }] : []),
        {
          text: "Un agent va le vérifier. Nous vous enverrons la réponse par courriel. D'ici là, votre CRP électronique reste valide.",
        },
        { text: `Si vous n'avez pas envoyé ce signalement, écrivez à ${ctx.helpEmail}.` },
        { text: "Le voir dans le portail", href: portal(ctx, "fr") },
        ...own.fr.why,
      ],
    },
  };
  return renderBilingual(
    content,
    eventSubject({ en: "we received your correction", fr: "nous avons reçu votre correction" }),
  );
}

export function correctionAcceptedEmail(ctx: TemplateContext, v: Correction & { issuedOn: string }): RenderedEmail {
  const own = ownCopy(v.name, v.member, v.representative);
  const label = CORRECTION_FIELD_LABELS[v.field];
  const content: BilingualContent = {
    en: {
      heading: "Your e-CoPR was corrected",
      paragraphs: [
        ...own.en.greeting,
        { text: `We accepted the correction to the e-CoPR of ${v.name}. ${label.en} now reads: ${v.correctValue}` },
        {
          text: `On ${v.issuedOn} we issued a new e-CoPR with a new verification code. Download it from the portal and use it from now on.`,
        },
        { text: "Sign in to download it", href: portal(ctx, "en") },
        {
          text: "The old e-CoPR is replaced. Anyone who checks its code will see that a newer proof replaced it on that date.",
        },
        ...own.en.why,
      ],
    },
    fr: {
      heading: "Votre CRP électronique a été corrigée",
      paragraphs: [
        ...own.fr.greeting,
        {
          text: `Nous avons accepté la correction de la CRP électronique de ${v.name}. ${label.fr} se lit maintenant : ${v.correctValue}`,
        },
        {
          text: `Le ${v.issuedOn}, nous avons délivré une nouvelle CRP électronique avec un nouveau code de vérification. Téléchargez-la dans le portail et utilisez-la dorénavant.`,
        },
        { text: "Connectez-vous pour la télécharger", href: portal(ctx, "fr") },
        {
          text: "L'ancienne CRP électronique est remplacée. Toute personne qui vérifie son code verra qu'une preuve plus récente l'a remplacée à cette date.",
        },
        ...own.fr.why,
      ],
    },
  };
  return renderBilingual(
    content,
    eventSubject({ en: "your e-CoPR was corrected", fr: "votre CRP électronique a été corrigée" }),
  );
}

export function correctionRefusedEmail(ctx: TemplateContext, v: Correction & { reason: string }): RenderedEmail {
  const own = ownCopy(v.name, v.member, v.representative);
  const label = CORRECTION_FIELD_LABELS[v.field];
  const content: BilingualContent = {
    en: {
      heading: "Your correction was refused",
      paragraphs: [
        ...own.en.greeting,
        {
          text: `An officer refused the correction to the e-CoPR of ${v.name} (${label.en}: ${v.correctValue}). The officer's reason is shown once after the French text, as the officer wrote it.`,
        },
        {
          text: "The e-CoPR you have stays valid. You can report the error again with a photo of a document that shows it.",
        },
        { text: `For help, write to ${ctx.helpEmail}.` },
        { text: "See it in the portal", href: portal(ctx, "en") },
        ...own.en.why,
      ],
    },
    fr: {
      heading: "Votre correction a été refusée",
      paragraphs: [
        ...own.fr.greeting,
        {
          text: `Un agent a refusé la correction de la CRP électronique de ${v.name} (${label.fr} : ${v.correctValue}). Le motif de l'agent figure une seule fois après le texte français, tel que l'agent l'a écrit.`,
        },
        {
          text: "Votre CRP électronique reste valide. Vous pouvez signaler l'erreur de nouveau avec la photo d'un document qui la montre.",
        },
        { text: `Pour obtenir de l'aide, écrivez à ${ctx.helpEmail}.` },
        { text: "Le voir dans le portail", href: portal(ctx, "fr") },
        ...own.fr.why,
      ],
    },
    verbatim: {
      label: { en: "Officer's reason (as written by the officer)", fr: "Motif de l'agent (tel qu'écrit)" },
      text: v.reason,
    },
  };
  return renderBilingual(
    content,
    eventSubject({ en: "your correction was refused", fr: "votre correction a été refusée" }),
  );
}
