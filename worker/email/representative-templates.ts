import { eventSubject } from "../../shared/email/subjects.ts";
import { type BilingualContent, type RenderedEmail, renderBilingual, secretMarker } from "./render.ts";
import { type TemplateContext, passwordResetLink } from "./templates.ts";

/*
 * The emails a representative gets (decision 026): the invitation to confirm
 * their address (no credential in it), their own username and temporary
 * password once they confirmed, the notice that one more applicant gave them
 * access, and the line that makes a status email their copy. Every one says
 * what a representative can and cannot do: see, never act.
 */

const readOnly = {
  en: "As a representative you can see the progress of the persons in this file: their tasks, status, timeline, returned photos and whether their proof of status is ready. You cannot declare that they are in Canada, accept the declaration or submit for them: only they can.",
  fr: "En tant que représentant, vous pouvez voir où en sont les personnes de ce dossier : leurs tâches, leur statut, leur historique, les photos retournées et si leur preuve de statut est prête. Vous ne pouvez pas déclarer qu'elles sont au Canada, accepter la déclaration ni soumettre pour elles : elles seules le peuvent.",
};

/** The opening and closing lines of a status email's copy for a representative. */
export function representativeCopy(name: string, representative: string) {
  return {
    en: {
      greeting: [{ text: `Hello ${representative},` }],
      why: [
        {
          text: `You receive this copy as the representative of ${name}, who gave you access in the portal. They received the same email.`,
        },
      ],
    },
    fr: {
      greeting: [{ text: `Bonjour ${representative},` }],
      why: [
        {
          text: `Vous recevez cette copie en tant que représentant de ${name}, qui vous a donné accès dans le portail. Cette personne a reçu le même courriel.`,
        },
      ],
    },
  };
}

/** To a new representative's address: confirm it is yours; the username and password follow. */
export function representativeInvitationEmail(
  ctx: TemplateContext,
  v: { name: string; applicantName: string; days: number },
): RenderedEmail {
  const link = (lang: "en" | "fr") => `${ctx.origin}/confirm-email?lang=${lang}#token=${secretMarker("token")}`;
  const content: BilingualContent = {
    en: {
      heading: "You were invited as a representative",
      paragraphs: [
        { text: `Hello ${v.name},` },
        {
          text: `${v.applicantName} invited you as their representative in the Permanent Residence Portal, where they confirm their permanent resident status.`,
        },
        { text: readOnly.en },
        {
          text: "First confirm that this email address is yours. We then send you your own username and temporary password here. This email contains no password.",
        },
        { text: "Confirm my email address", href: link("en") },
        {
          text: `This link works once and expires in ${v.days} days. If you do not know ${v.applicantName}, ignore this email: nothing will be sent to you.`,
        },
        { text: `If you need help, write to ${ctx.helpEmail}.` },
      ],
    },
    fr: {
      heading: "Vous avez été invité comme représentant",
      paragraphs: [
        { text: `Bonjour ${v.name},` },
        {
          text: `${v.applicantName} vous a invité comme représentant dans le Portail de résidence permanente, où cette personne confirme son statut de résident permanent.`,
        },
        { text: readOnly.fr },
        {
          text: "Confirmez d'abord que cette adresse courriel est la vôtre. Nous vous envoyons ensuite ici votre propre nom d'utilisateur et votre mot de passe temporaire. Ce courriel ne contient aucun mot de passe.",
        },
        { text: "Confirmer mon adresse courriel", href: link("fr") },
        {
          text: `Ce lien ne fonctionne qu'une fois et expire dans ${v.days} jours. Si vous ne connaissez pas ${v.applicantName}, ignorez ce courriel : rien ne vous sera envoyé.`,
        },
        { text: `Si vous avez besoin d'aide, écrivez à ${ctx.helpEmail}.` },
      ],
    },
  };
  return renderBilingual(
    content,
    eventSubject({ en: "your invitation as a representative", fr: "votre invitation de représentant" }),
  );
}

/** The representative's own account, once their address is confirmed. */
export function representativeAccountEmail(
  ctx: TemplateContext,
  v: { name: string; username: string; days: number },
): RenderedEmail {
  const signIn = (lang: "en" | "fr") => `${ctx.origin}/sign-in?lang=${lang}`;
  const content: BilingualContent = {
    en: {
      heading: "Your representative account",
      paragraphs: [
        { text: `Hello ${v.name},` },
        { text: "We created your own representative account in the Permanent Residence Portal." },
        { text: `Username: ${v.username}` },
        { text: `Temporary password: ${secretMarker("password")}` },
        {
          text: `The temporary password works for one sign-in, within ${v.days} days. When you sign in with it, you create your own password right away.`,
        },
        { text: "Sign in", href: signIn("en") },
        { text: readOnly.en },
        { text: `If your temporary password expires or does not work, write to ${ctx.helpEmail}.` },
      ],
    },
    fr: {
      heading: "Votre compte de représentant",
      paragraphs: [
        { text: `Bonjour ${v.name},` },
        { text: "Nous avons créé votre propre compte de représentant dans le Portail de résidence permanente." },
        { text: `Nom d'utilisateur : ${v.username}` },
        { text: `Mot de passe temporaire : ${secretMarker("password")}` },
        {
          text: `Le mot de passe temporaire ne fonctionne que pour une connexion, d'ici ${v.days} jours. Lorsque vous vous connectez avec celui-ci, vous créez tout de suite votre propre mot de passe.`,
        },
        { text: "Se connecter", href: signIn("fr") },
        { text: readOnly.fr },
        { text: `Si votre mot de passe temporaire expire ou ne fonctionne pas, écrivez à ${ctx.helpEmail}.` },
      ],
    },
  };
  return renderBilingual(
    content,
    eventSubject({ en: "your representative account", fr: "votre compte de représentant" }),
  );
}

/** To a representative who already has an account: one more applicant gave them access. */
export function representativeAccessGivenEmail(
  ctx: TemplateContext,
  v: { name: string; applicantName: string },
): RenderedEmail {
  const signIn = (lang: "en" | "fr") => `${ctx.origin}/sign-in?lang=${lang}`;
  const content: BilingualContent = {
    en: {
      heading: "You were given access as a representative",
      paragraphs: [
        { text: `Hello ${v.name},` },
        {
          text: `${v.applicantName} gave you access as their representative. Sign in with your representative account to see their file.`,
        },
        { text: "Sign in", href: signIn("en") },
        { text: readOnly.en },
      ],
    },
    fr: {
      heading: "Vous avez reçu un accès de représentant",
      paragraphs: [
        { text: `Bonjour ${v.name},` },
        {
          text: `${v.applicantName} vous a donné accès comme représentant. Connectez-vous avec votre compte de représentant pour voir son dossier.`,
        },
        { text: "Se connecter", href: signIn("fr") },
        { text: readOnly.fr },
      ],
    },
  };
  return renderBilingual(
    content,
    eventSubject({ en: "your access as a representative", fr: "votre accès de représentant" }),
  );
}

/**
 * Sent once when a representative's account locks after repeated failed sign-ins (the same lockout as
 * an applicant's: decision 026), in a representative's words: their own representative account, the
 * files they follow untouched. With a chosen password it carries a reset link (which also unlocks);
 * a temporary password is re-issued through the help address.
 */
export function representativeLockedEmail(
  ctx: TemplateContext,
  v: { name: string; minutes: number; resetLink: boolean },
): RenderedEmail {
  const content: BilingualContent = {
    en: {
      heading: "Your representative account is locked for now",
      paragraphs: [
        { text: `Hello ${v.name},` },
        {
          text: `There were several failed attempts to sign in to your representative account in the Permanent Residence Portal, so we locked it for at least ${v.minutes} minutes. While it is locked, no password opens it, not even the right one.`,
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
          text: "The persons you represent can still use the portal, and their files have not changed. Nobody can act for them through your account.",
        },
        {
          text: `If these attempts were not yours, someone may be guessing your password. Your account is safe while it is locked. Questions: ${ctx.helpEmail}.`,
        },
      ],
    },
    fr: {
      heading: "Votre compte de représentant est verrouillé pour le moment",
      paragraphs: [
        { text: `Bonjour ${v.name},` },
        {
          text: `Plusieurs tentatives de connexion à votre compte de représentant dans le Portail de résidence permanente ont échoué; nous l'avons donc verrouillé pour au moins ${v.minutes} minutes. Tant qu'il est verrouillé, aucun mot de passe ne l'ouvre, même le bon.`,
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
          text: "Les personnes que vous représentez peuvent toujours utiliser le portail, et leurs dossiers n'ont pas changé. Personne ne peut agir pour elles au moyen de votre compte.",
        },
        {
          text: `Si ces tentatives ne venaient pas de vous, quelqu'un essaie peut-être de deviner votre mot de passe. Votre compte est protégé tant qu'il est verrouillé. Questions : ${ctx.helpEmail}.`,
        },
      ],
    },
  };
  return renderBilingual(
    content,
    // Short enough for the subject's one line (shared/email/subjects.ts).
    eventSubject({ en: "your representative account locked", fr: "votre compte représentant bloqué" }),
  );
}
