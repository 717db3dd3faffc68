import { eventSubject } from "../../shared/email/subjects.ts";
import { type BilingualContent, PORTAL_SUBJECT, type RenderedEmail, renderBilingual, secretMarker } from "./render.ts";
import { RETURN_REASONS, type ReturnReason } from "../../shared/photo/return-reasons.ts";
import { representativeCopy } from "./representative-templates.ts";

/*
 * One function per email the portal sends. Each returns the rendered
 * bilingual message; secrets appear only as markers (see render.ts).
 */

export interface TemplateContext {
  origin: string;
  helpEmail: string;
}

const infoLink = (ctx: TemplateContext, lang: "en" | "fr") => `${ctx.origin}/?lang=${lang}`;

/**
 * A family member's own copy of an email about them, sent to the address they
 * confirmed (issue 17 point 6): addressed to them by name, and saying why it
 * came and who else was told. Empty for the acting account's email. A
 * representative's copy (decision 026) is addressed to the representative, as
 * the representative.
 */
export function ownCopy(name: string, member: boolean | undefined, representative?: string) {
  const none = { greeting: [], why: [] };
  if (representative) return representativeCopy(name, representative);
  if (!member) return { en: none, fr: none };
  return {
    en: {
      greeting: [{ text: `Hello ${name},` }],
      why: [
        {
          text: "We send this to you because it is about you, at the email address you confirmed. The person who acts for you in the portal was told too.",
        },
      ],
    },
    fr: {
      greeting: [{ text: `Bonjour ${name},` }],
      why: [
        {
          text: "Nous vous l'envoyons parce qu'il vous concerne, à l'adresse courriel que vous avez confirmée. La personne qui agit pour vous dans le portail a aussi été informée.",
        },
      ],
    },
  };
}

export function invitationEmail(
  ctx: TemplateContext,
  v: { applicationNumber: string; principalName: string; days: number },
): RenderedEmail {
  // The token travels in the fragment: browsers never send it to the server,
  // so it stays out of request logs (the page posts it to the API).
  const link = (lang: "en" | "fr") => `${ctx.origin}/invitation?lang=${lang}#token=${secretMarker("token")}`;
  const content: BilingualContent = {
    en: {
      heading: "Confirm your permanent residence online",
      paragraphs: [
        { text: `Hello ${v.principalName},` },
        {
          text: `Your application for permanent residence (${v.applicationNumber}) has been approved. If you are in Canada, you can confirm your permanent resident status online, without an in-person interview.`,
        },
        {
          text: "Answer this invitation: tell us whether you want to use the portal, confirm your email address and the email address of each person on your application, and confirm that you are in Canada.",
        },
        { text: "Answer the invitation", href: link("en") },
        {
          text: `This link works once and expires in ${v.days} days. Do not create an account yourself: we create it for you after you answer, and send your username and a temporary password in another email.`,
        },
        { text: "Read about the portal and how to recognise our emails", href: infoLink(ctx, "en") },
        { text: `If you need help, write to ${ctx.helpEmail}.` },
      ],
    },
    fr: {
      heading: "Confirmez votre résidence permanente en ligne",
      paragraphs: [
        { text: `Bonjour ${v.principalName},` },
        {
          text: `Votre demande de résidence permanente (${v.applicationNumber}) a été approuvée. Si vous êtes au Canada, vous pouvez confirmer votre statut de résident permanent en ligne, sans entrevue en personne.`,
        },
        {
          text: "Répondez à cette invitation : dites-nous si vous voulez utiliser le portail, confirmez votre adresse courriel et celle de chaque personne de votre demande, et confirmez que vous êtes au Canada.",
        },
        { text: "Répondre à l'invitation", href: link("fr") },
        {
          text: `Ce lien ne fonctionne qu'une fois et expire dans ${v.days} jours. Ne créez pas de compte vous-même : nous le créons pour vous après votre réponse et vous envoyons votre nom d'utilisateur et un mot de passe temporaire dans un autre courriel.`,
        },
        {
          text: "En savoir plus sur le portail et sur la façon de reconnaître nos courriels",
          href: infoLink(ctx, "fr"),
        },
        { text: `Si vous avez besoin d'aide, écrivez à ${ctx.helpEmail}.` },
      ],
    },
  };
  return renderBilingual(content, PORTAL_SUBJECT);
}

export function accountCreatedEmail(
  ctx: TemplateContext,
  v: { name: string; username: string; days: number; actsFor: string[] },
): RenderedEmail {
  const signIn = (lang: "en" | "fr") => `${ctx.origin}/sign-in?lang=${lang}`;
  const family = v.actsFor.length > 0;
  const content: BilingualContent = {
    en: {
      heading: "Your Permanent Residence Portal account",
      paragraphs: [
        { text: `Hello ${v.name},` },
        { text: "We created your account in the Permanent Residence Portal." },
        { text: `Username: ${v.username}` },
        { text: `Temporary password: ${secretMarker("password")}` },
        {
          text: `The temporary password works for one sign-in, within ${v.days} days. When you sign in with it, you create your own password right away, so have a few minutes ready.`,
        },
        ...(family ? [{ text: `With this account you also act for: ${v.actsFor.join(", ")}.` }] : []),
        { text: "Sign in", href: signIn("en") },
        {
          text: "This account is for you alone. A representative (consultant or lawyer) may advise you, but must not sign in for you or declare for you that you are in Canada.",
        },
        { text: `If your temporary password expires or does not work, write to ${ctx.helpEmail}.` },
      ],
    },
    fr: {
      heading: "Votre compte du Portail de résidence permanente",
      paragraphs: [
        { text: `Bonjour ${v.name},` },
        { text: "Nous avons créé votre compte dans le Portail de résidence permanente." },
        { text: `Nom d'utilisateur : ${v.username}` },
        { text: `Mot de passe temporaire : ${secretMarker("password")}` },
        {
          text: `Le mot de passe temporaire ne fonctionne que pour une connexion, d'ici ${v.days} jours. Lorsque vous vous connectez avec celui-ci, vous créez tout de suite votre propre mot de passe : prévoyez quelques minutes.`,
        },
        ...(family ? [{ text: `Avec ce compte, vous agissez aussi pour : ${v.actsFor.join(", ")}.` }] : []),
        { text: "Se connecter", href: signIn("fr") },
        {
          text: "Ce compte est à vous seul. Un représentant (consultant ou avocat) peut vous conseiller, mais ne doit pas se connecter à votre place ni déclarer pour vous que vous êtes au Canada.",
        },
        { text: `Si votre mot de passe temporaire expire ou ne fonctionne pas, écrivez à ${ctx.helpEmail}.` },
      ],
    },
  };
  return renderBilingual(content, eventSubject({ en: "your account was created", fr: "votre compte a été créé" }));
}

export function temporaryPasswordResetEmail(
  ctx: TemplateContext,
  v: { name: string; username: string; days: number },
): RenderedEmail {
  const content: BilingualContent = {
    en: {
      heading: "A new temporary password",
      paragraphs: [
        { text: `Hello ${v.name},` },
        {
          text: "As you asked, we have given your Permanent Residence Portal account a new temporary password. Any earlier temporary password no longer works.",
        },
        { text: `Username: ${v.username}` },
        { text: `Temporary password: ${secretMarker("password")}` },
        {
          text: `It works for one sign-in, within ${v.days} days. When you sign in with it, you create your own password right away.`,
        },
        { text: "Sign in", href: `${ctx.origin}/sign-in?lang=en` },
      ],
    },
    fr: {
      heading: "Un nouveau mot de passe temporaire",
      paragraphs: [
        { text: `Bonjour ${v.name},` },
        {
          text: "Comme vous l'avez demandé, nous avons donné un nouveau mot de passe temporaire à votre compte du Portail de résidence permanente. Tout mot de passe temporaire précédent ne fonctionne plus.",
        },
        { text: `Nom d'utilisateur : ${v.username}` },
        { text: `Mot de passe temporaire : ${secretMarker("password")}` },
        {
          text: `Il ne fonctionne que pour une connexion, d'ici ${v.days} jours. Lorsque vous vous connectez avec celui-ci, vous créez tout de suite votre propre mot de passe.`,
        },
        { text: "Se connecter", href: `${ctx.origin}/sign-in?lang=fr` },
      ],
    },
  };
  return renderBilingual(
    content,
    eventSubject({ en: "your new temporary password", fr: "votre nouveau mot de passe temporaire" }),
  );
}

/** The reset link (its token a `token` secret): one helper for the forgot-password and the account-locked emails. */
export function passwordResetLink(ctx: TemplateContext, lang: "en" | "fr"): string {
  return `${ctx.origin}/reset-password?lang=${lang}#token=${secretMarker("token")}`; // fragment: never sent to the server
}

export function passwordResetLinkEmail(ctx: TemplateContext, v: { name: string }): RenderedEmail {
  const link = (lang: "en" | "fr") => passwordResetLink(ctx, lang);
  const content: BilingualContent = {
    en: {
      heading: "Reset your password",
      paragraphs: [
        { text: `Hello ${v.name},` },
        {
          text: "Someone asked to reset the password of your Permanent Residence Portal account. If it was you, use this link within 1 hour. It works once.",
        },
        { text: "Reset your password", href: link("en") },
        { text: "If you did not ask for this, you can ignore this email: your password has not changed." },
      ],
    },
    fr: {
      heading: "Réinitialisez votre mot de passe",
      paragraphs: [
        { text: `Bonjour ${v.name},` },
        {
          text: "Quelqu'un a demandé de réinitialiser le mot de passe de votre compte du Portail de résidence permanente. Si c'était vous, utilisez ce lien d'ici 1 heure. Il ne fonctionne qu'une fois.",
        },
        { text: "Réinitialiser votre mot de passe", href: link("fr") },
        { text: "Si vous n'avez rien demandé, vous pouvez ignorer ce courriel : votre mot de passe n'a pas changé." },
      ],
    },
  };
  return renderBilingual(content, eventSubject({ en: "reset your password", fr: "réinitialisez votre mot de passe" }));
}

/**
 * Sent to an address someone else typed (a principal giving an adult
 * dependant's address): no credential, only a link that shows the owner
 * receives mail there. The account's details follow once it is opened.
 */
export function emailConfirmationEmail(
  ctx: TemplateContext,
  v: { name: string; requestedBy: string; days: number },
): RenderedEmail {
  const link = (lang: "en" | "fr") => `${ctx.origin}/confirm-email?lang=${lang}#token=${secretMarker("token")}`;
  const content: BilingualContent = {
    en: {
      heading: "Confirm your email address",
      paragraphs: [
        { text: `Hello ${v.name},` },
        {
          text: `${v.requestedBy} gave this email address for your own account in the Permanent Residence Portal, where you confirm your permanent resident status.`,
        },
        {
          text: "Before we send your username and temporary password here, confirm that this address is yours. This email contains no password.",
        },
        { text: "Confirm my email address", href: link("en") },
        {
          text: `This link works once and expires in ${v.days} days. If you do not know ${v.requestedBy} or did not expect this, ignore this email: nothing will be sent to you.`,
        },
        { text: `If you need help, write to ${ctx.helpEmail}.` },
      ],
    },
    fr: {
      heading: "Confirmez votre adresse courriel",
      paragraphs: [
        { text: `Bonjour ${v.name},` },
        {
          text: `${v.requestedBy} a donné cette adresse courriel pour votre propre compte dans le Portail de résidence permanente, où vous confirmez votre statut de résident permanent.`,
        },
        {
          text: "Avant que nous envoyions ici votre nom d'utilisateur et votre mot de passe temporaire, confirmez que cette adresse est la vôtre. Ce courriel ne contient aucun mot de passe.",
        },
        { text: "Confirmer mon adresse courriel", href: link("fr") },
        {
          text: `Ce lien ne fonctionne qu'une fois et expire dans ${v.days} jours. Si vous ne connaissez pas ${v.requestedBy} ou ne vous attendiez pas à ce courriel, ignorez-le : rien ne vous sera envoyé.`,
        },
        { text: `Si vous avez besoin d'aide, écrivez à ${ctx.helpEmail}.` },
      ],
    },
  };
  return renderBilingual(
    content,
    eventSubject({ en: "confirm your email address", fr: "confirmez votre adresse courriel" }),
  );
}

const PASSWORD_CHANGED_SUBJECT = {
  set: { en: "your password was chosen", fr: "votre mot de passe a été choisi" },
  reset: { en: "your password was reset", fr: "votre mot de passe a été réinitialisé" },
  changed: { en: "your password was changed", fr: "votre mot de passe a été modifié" },
} as const;

export function passwordChangedEmail(
  ctx: TemplateContext,
  v: { name: string; how: "set" | "reset" | "changed" },
): RenderedEmail {
  const content: BilingualContent = {
    en: {
      heading: "Your password was changed",
      paragraphs: [
        { text: `Hello ${v.name},` },
        {
          text:
            v.how === "reset"
              ? "The password of your Permanent Residence Portal account was reset with an emailed link. You were signed out everywhere."
              : "The password of your Permanent Residence Portal account was changed. Other sessions were signed out.",
        },
        { text: `If you did not do this, reset your password now and write to ${ctx.helpEmail}.` },
        { text: "Forgot your password?", href: `${ctx.origin}/forgot-password?lang=en` },
      ],
    },
    fr: {
      heading: "Votre mot de passe a été modifié",
      paragraphs: [
        { text: `Bonjour ${v.name},` },
        {
          text:
            v.how === "reset"
              ? "Le mot de passe de votre compte du Portail de résidence permanente a été réinitialisé au moyen d'un lien envoyé par courriel. Vous avez été déconnecté partout."
              : "Le mot de passe de votre compte du Portail de résidence permanente a été modifié. Les autres sessions ont été fermées.",
        },
        { text: `Si ce n'était pas vous, réinitialisez votre mot de passe maintenant et écrivez à ${ctx.helpEmail}.` },
        { text: "Mot de passe oublié?", href: `${ctx.origin}/forgot-password?lang=fr` },
      ],
    },
  };
  return renderBilingual(content, eventSubject(PASSWORD_CHANGED_SUBJECT[v.how]));
}

export function submissionReceivedEmail(
  ctx: TemplateContext,
  v: { name: string; reference: string; resubmission: boolean; representative?: string },
): RenderedEmail {
  const own = ownCopy(v.name, false, v.representative);
  const content: BilingualContent = {
    en: {
      heading: v.resubmission ? "We received your new photo" : "We received your documents",
      paragraphs: [
        ...own.en.greeting,
        { text: `We received the documents for ${v.name}. Reference number: ${v.reference}.` },
        {
          text: "What happens next: an officer reviews the photo and your declaration. If the photo meets the requirements, we accept it and produce the PR card, then mail it to the address you gave. If it does not, we return it with the reasons, and you can upload a new photo in the portal.",
        },
        { text: "You can follow each step in the portal", href: `${ctx.origin}/home?lang=en` },
        { text: `If you need help, write to ${ctx.helpEmail} and give your reference number.` },
        ...own.en.why,
      ],
    },
    fr: {
      heading: v.resubmission ? "Nous avons reçu votre nouvelle photo" : "Nous avons reçu vos documents",
      paragraphs: [
        ...own.fr.greeting,
        { text: `Nous avons reçu les documents pour ${v.name}. Numéro de référence : ${v.reference}.` },
        {
          text: "Prochaines étapes : un agent examine la photo et votre déclaration. Si la photo respecte les exigences, nous l'acceptons, produisons la carte de RP et l'envoyons par la poste à l'adresse que vous avez fournie. Sinon, nous vous la retournons avec les raisons, et vous pourrez téléverser une nouvelle photo dans le portail.",
        },
        { text: "Vous pouvez suivre chaque étape dans le portail", href: `${ctx.origin}/home?lang=fr` },
        { text: `Si vous avez besoin d'aide, écrivez à ${ctx.helpEmail} en indiquant votre numéro de référence.` },
        ...own.fr.why,
      ],
    },
  };
  return renderBilingual(
    content,
    eventSubject(
      v.resubmission
        ? { en: "we received your new photo", fr: "nous avons reçu votre nouvelle photo" }
        : { en: "we received your documents", fr: "nous avons reçu vos documents" },
    ),
  );
}

export function proofOfPrAvailableEmail(
  ctx: TemplateContext,
  v: { name: string; member?: boolean; representative?: string },
): RenderedEmail {
  const own = ownCopy(v.name, v.member, v.representative);
  const content: BilingualContent = {
    en: {
      heading: "Your proof of permanent resident status is ready",
      paragraphs: [
        ...own.en.greeting,
        { text: `We confirmed the permanent resident status of ${v.name}.` },
        {
          text: "You can download the proof of permanent resident status (e-CoPR) from the portal. It is valid proof of your status until you receive your PR card. Keep it safe.",
        },
        { text: "Sign in to download it", href: `${ctx.origin}/sign-in?lang=en` },
        { text: "Anyone you show it to can check that it is genuine with the verification code printed on it." },
        ...own.en.why,
      ],
    },
    fr: {
      heading: "Votre preuve de statut de résident permanent est prête",
      paragraphs: [
        ...own.fr.greeting,
        { text: `Nous avons confirmé le statut de résident permanent pour ${v.name}.` },
        {
          text: "Vous pouvez télécharger la preuve de statut de résident permanent (CRP électronique) dans le portail. Elle constitue une preuve valide de votre statut jusqu'à ce que vous receviez votre carte de RP. Conservez-la en lieu sûr.",
        },
        { text: "Connectez-vous pour la télécharger", href: `${ctx.origin}/sign-in?lang=fr` },
        {
          text: "Toute personne à qui vous la montrez peut en vérifier l'authenticité avec le code de vérification qui y figure.",
        },
        ...own.fr.why,
      ],
    },
  };
  return renderBilingual(content, eventSubject({ en: "your e-CoPR is ready", fr: "votre CRP électronique est prête" }));
}

export function photoReturnedEmail(
  ctx: TemplateContext,
  v: { name: string; reasons: ReturnReason[]; note: string | null; member?: boolean; representative?: string },
): RenderedEmail {
  const link = (lang: "en" | "fr") => `${ctx.origin}/home?lang=${lang}`;
  const own = ownCopy(v.name, v.member, v.representative);
  const content: BilingualContent = {
    en: {
      heading: "Your photo was returned",
      paragraphs: [
        ...own.en.greeting,
        { text: `We could not accept the photo for ${v.name}, for these reasons:` },
        ...v.reasons.map((r) => ({ text: `- ${RETURN_REASONS[r].en}` })),
        ...(v.note
          ? [{ text: "The officer added a note, shown once after the French text, exactly as the officer wrote it." }]
          : []),
        { text: "Upload a new photo in the portal and submit it again. Everything else you gave us stays as it is." },
        { text: "Upload a new photo", href: link("en") },
        ...own.en.why,
      ],
    },
    fr: {
      heading: "Votre photo vous a été retournée",
      paragraphs: [
        ...own.fr.greeting,
        { text: `Nous n'avons pas pu accepter la photo pour ${v.name}, pour les raisons suivantes :` },
        ...v.reasons.map((r) => ({ text: `- ${RETURN_REASONS[r].fr}` })),
        ...(v.note
          ? [
              {
                text: "L'agent a ajouté une note, reproduite une seule fois après le texte français, telle que l'agent l'a écrite.",
              },
            ]
          : []),
        {
          text: "Téléversez une nouvelle photo dans le portail et soumettez-la de nouveau. Tout le reste de ce que vous nous avez fourni demeure inchangé.",
        },
        { text: "Téléverser une nouvelle photo", href: link("fr") },
        ...own.fr.why,
      ],
    },
    // The note once, as the officer's own words (not a translation): issue 18.
    ...(v.note
      ? {
          verbatim: {
            label: { en: "Officer's note (as written by the officer)", fr: "Note de l'agent (telle qu'écrite)" },
            text: v.note,
          },
        }
      : {}),
  };
  return renderBilingual(content, eventSubject({ en: "your photo was returned", fr: "votre photo a été renvoyée" }));
}

export function photoAcceptedEmail(
  ctx: TemplateContext,
  v: { name: string; cardTargetDate: string; member?: boolean; representative?: string },
): RenderedEmail {
  const own = ownCopy(v.name, v.member, v.representative);
  const content: BilingualContent = {
    en: {
      heading: "Your photo was accepted",
      paragraphs: [
        ...own.en.greeting,
        {
          text: `We accepted the photo for ${v.name}. We will now produce the PR card; our target is ${v.cardTargetDate}. We will mail it to the address you gave us.`,
        },
        { text: "Follow each step in the portal", href: `${ctx.origin}/home?lang=en` },
        ...own.en.why,
      ],
    },
    fr: {
      heading: "Votre photo a été acceptée",
      paragraphs: [
        ...own.fr.greeting,
        {
          text: `Nous avons accepté la photo pour ${v.name}. Nous allons maintenant produire la carte de RP; notre objectif est le ${v.cardTargetDate}. Nous l'enverrons par la poste à l'adresse que vous nous avez fournie.`,
        },
        { text: "Suivez chaque étape dans le portail", href: `${ctx.origin}/home?lang=fr` },
        ...own.fr.why,
      ],
    },
  };
  return renderBilingual(content, eventSubject({ en: "your photo was accepted", fr: "votre photo a été acceptée" }));
}

export function cardMailedEmail(
  ctx: TemplateContext,
  v: { name: string; mailedOn: string; member?: boolean; representative?: string },
): RenderedEmail {
  const own = ownCopy(v.name, v.member, v.representative);
  const content: BilingualContent = {
    en: {
      heading: "Your PR card was mailed",
      paragraphs: [
        ...own.en.greeting,
        {
          text: `We mailed the PR card for ${v.name} on ${v.mailedOn} to the address you gave us. Mail in Canada usually takes a few business days.`,
        },
        { text: `If it has not arrived within 3 weeks, write to ${ctx.helpEmail}.` },
        {
          text: "To renew a PR card later, apply on IRCC's PR card page: the portal cannot renew cards.",
          href: "https://www.canada.ca/en/immigration-refugees-citizenship/services/new-immigrants/pr-card/apply-renew-replace.html",
        },
        ...own.en.why,
      ],
    },
    fr: {
      heading: "Votre carte de RP a été postée",
      paragraphs: [
        ...own.fr.greeting,
        {
          text: `Nous avons posté la carte de RP pour ${v.name} le ${v.mailedOn} à l'adresse que vous nous avez fournie. Au Canada, le courrier prend habituellement quelques jours ouvrables.`,
        },
        { text: `Si elle n'est pas arrivée d'ici 3 semaines, écrivez à ${ctx.helpEmail}.` },
        {
          text: "Pour renouveler une carte de RP plus tard, présentez une demande sur la page de la carte de RP d'IRCC : le portail ne peut pas renouveler les cartes.",
          href: "https://www.canada.ca/fr/immigration-refugies-citoyennete/services/nouveaux-immigrants/carte-rp/demande-renouveler-remplacer.html",
        },
        ...own.fr.why,
      ],
    },
  };
  return renderBilingual(
    content,
    eventSubject({ en: "your PR card was mailed", fr: "votre carte de RP a été postée" }),
  );
}

/**
 * Confirms a change of mailing address made after submitting (issue 17
 * point 2): the new address in full, when, and what to do if it was not them.
 */
export function addressChangedEmail(
  ctx: TemplateContext,
  v: { name: string; addressLines: string[]; changedOn: string; member?: boolean; representative?: string },
): RenderedEmail {
  const own = ownCopy(v.name, v.member, v.representative);
  const lines = v.addressLines.map((text) => ({ text }));
  const content: BilingualContent = {
    en: {
      heading: "The mailing address was changed",
      paragraphs: [
        ...own.en.greeting,
        { text: `On ${v.changedOn}, the mailing address for the PR card of ${v.name} was changed to:` },
        ...lines,
        { text: "We will mail the card to this address. The addresses given before are kept in the file." },
        { text: `If you did not make this change, write to ${ctx.helpEmail} right away.` },
        { text: "See it in the portal", href: `${ctx.origin}/home?lang=en` },
        ...own.en.why,
      ],
    },
    fr: {
      heading: "L'adresse postale a été modifiée",
      paragraphs: [
        ...own.fr.greeting,
        { text: `Le ${v.changedOn}, l'adresse postale pour la carte de RP de ${v.name} a été remplacée par :` },
        ...lines,
        {
          text: "Nous enverrons la carte à cette adresse. Les adresses fournies auparavant sont conservées au dossier.",
        },
        { text: `Si vous n'avez pas fait ce changement, écrivez sans tarder à ${ctx.helpEmail}.` },
        { text: "La voir dans le portail", href: `${ctx.origin}/home?lang=fr` },
        ...own.fr.why,
      ],
    },
  };
  return renderBilingual(
    content,
    eventSubject({ en: "your mailing address was changed", fr: "votre adresse postale a été modifiée" }),
  );
}

/**
 * Sent once when an applicant's account locks after repeated failed
 * sign-ins: the sign-in page answers a locked account exactly like a wrong
 * password, so this email is how the owner learns of it. With a chosen
 * password it carries a reset link (which also unlocks); a temporary
 * password is re-issued by IRCC instead.
 */
export function accountLockedEmail(
  ctx: TemplateContext,
  v: { name: string; minutes: number; resetLink: boolean },
): RenderedEmail {
  const content: BilingualContent = {
    en: {
      heading: "Your account is locked for now",
      paragraphs: [
        { text: `Hello ${v.name},` },
        {
          text: `There were several failed attempts to sign in to your Permanent Residence Portal account, so we locked it for at least ${v.minutes} minutes. While it is locked, no password opens it, not even the right one.`,
        },
        ...(v.resetLink
          ? [
              { text: "To unlock it now, choose a new password with this link within 1 hour. It works once." },
              { text: "Reset your password", href: passwordResetLink(ctx, "en") },
            ]
          : [
              {
                text: `Your temporary password cannot be reset by email. Wait, then try again, or write to ${ctx.helpEmail} for a new one.`,
              },
            ]),
        {
          text: `If these attempts were not yours, someone may be guessing your password. Your account is safe while it is locked. Questions: ${ctx.helpEmail}.`,
        },
      ],
    },
    fr: {
      heading: "Votre compte est verrouillé pour le moment",
      paragraphs: [
        { text: `Bonjour ${v.name},` },
        {
          text: `Plusieurs tentatives de connexion à votre compte du Portail de résidence permanente ont échoué; nous l'avons donc verrouillé pour au moins ${v.minutes} minutes. Tant qu'il est verrouillé, aucun mot de passe ne l'ouvre, même le bon.`,
        },
        ...(v.resetLink
          ? [
              {
                text: "Pour le déverrouiller maintenant, choisissez un nouveau mot de passe avec ce lien d'ici 1 heure. Il ne fonctionne qu'une fois.",
              },
              { text: "Réinitialiser votre mot de passe", href: passwordResetLink(ctx, "fr") },
            ]
          : [
              {
                text: `Votre mot de passe temporaire ne peut pas être réinitialisé par courriel. Attendez, puis réessayez, ou écrivez à ${ctx.helpEmail} pour en obtenir un nouveau.`,
              },
            ]),
        {
          text: `Si ces tentatives ne venaient pas de vous, quelqu'un essaie peut-être de deviner votre mot de passe. Votre compte est protégé tant qu'il est verrouillé. Questions : ${ctx.helpEmail}.`,
        },
      ],
    },
  };
  return renderBilingual(content, eventSubject({ en: "your account is locked", fr: "votre compte est verrouillé" }));
}

/**
 * Sent once when an officer's account locks. Officers have no self-service
 * reset (decision 011): the lock means someone holds one of their two
 * factors, so an administrator re-issues it.
 */
export function officerAccountLockedEmail(_ctx: TemplateContext, v: { name: string; minutes: number }): RenderedEmail {
  const content: BilingualContent = {
    en: {
      heading: "Your officer account is locked for now",
      paragraphs: [
        { text: `Hello ${v.name},` },
        {
          text: `Someone tried several times to sign in to your officer account at /review with one of your two factors right (your password or a current code from your authenticator app) and the other wrong, so we locked it for at least ${v.minutes} minutes. While it is locked, no sign-in works, not even a right one.`,
        },
        {
          text: "If this was not you, one of your factors is known to someone else. Contact your administrator now: they can give you a new initial password (officer reset-password) or a new authenticator enrolment (officer reset-totp), which also unlocks the account.",
        },
        { text: "If it was you, wait, then sign in again." },
      ],
    },
    fr: {
      heading: "Votre compte d'agent est verrouillé pour le moment",
      paragraphs: [
        { text: `Bonjour ${v.name},` },
        {
          text: `Quelqu'un a essayé plusieurs fois de se connecter à votre compte d'agent à /review avec l'un de vos deux facteurs exact (votre mot de passe ou un code actuel de votre application d'authentification) et l'autre inexact; nous l'avons donc verrouillé pour au moins ${v.minutes} minutes. Tant qu'il est verrouillé, aucune connexion ne fonctionne, même exacte.`,
        },
        {
          text: "Si ce n'était pas vous, l'un de vos facteurs est connu de quelqu'un d'autre. Communiquez dès maintenant avec votre administrateur : il peut vous remettre un nouveau mot de passe initial (officer reset-password) ou une nouvelle inscription d'authentification (officer reset-totp), ce qui déverrouille aussi le compte.",
        },
        { text: "Si c'était vous, attendez, puis connectez-vous de nouveau." },
      ],
    },
  };
  return renderBilingual(
    content,
    eventSubject({ en: "your officer account is locked", fr: "votre compte d'agent est verrouillé" }),
  );
}
