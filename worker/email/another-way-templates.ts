// The emails of "another way" and of a photo received by mail (decision 028): one when a request is
// received, one for each outcome an officer records. Their sentences are kept in PROSE, which
// test/node/plain-language.test.ts measures (grade 8 in English, ease 60 in French).
import { eventSubject } from "../../shared/email/subjects.ts";
import type { AnotherWayKind, AnotherWayOutcome } from "../../shared/api/another-way.ts";
import { type BilingualContent, type RenderedEmail, renderBilingual } from "./render.ts";
import { representativeCopy } from "./representative-templates.ts";
import type { TemplateContext } from "./templates.ts";

type Lang = "en" | "fr";

/** Every sentence of these emails, by language ({name}, {helpEmail} filled in when sent). */
export const PROSE = {
  en: {
    receivedHeading: "We got your request",
    receivedIntro: "We got your request for {name}. You asked for this:",
    kinds: {
      paper: "To do the steps on paper or in person.",
      mailed_photo: "To have a photo taken by a photographer and mail it to us.",
      accommodation: "Help because of a disability.",
    },
    receivedNext: "An officer will read it and contact you. You do not need to do anything now.",
    notYou: "If you did not ask for this, write to {helpEmail}.",
    outcomeHeadings: {
      contacted: "An officer is working on your request",
      appointment_set: "Your appointment is set",
      photo_received: "We got your photo by mail",
    },
    outcomes: {
      contacted: "An officer tried to reach you about your request for {name}. Watch for a call or an email from us.",
      appointment_set:
        "An officer set an appointment for {name}. We will tell you the date, time and place. Bring your ID.",
      photo_received:
        "We got the photo of {name} by mail. An officer put it in the portal for you. The photo task is done.",
    },
    photoNext: "Sign in to see it. If the other tasks are done, you can send your documents.",
    help: "If you have a question, write to {helpEmail}.",
    portal: "Go to the portal",
  },
  fr: {
    receivedHeading: "Nous avons reçu votre demande",
    receivedIntro: "Nous avons reçu votre demande pour {name}. Vous avez demandé ceci :",
    kinds: {
      paper: "Faire les étapes sur papier ou en personne.",
      mailed_photo: "Faire prendre la photo par un photographe et nous l'envoyer par la poste.",
      accommodation: "De l'aide à cause d'un handicap.",
    },
    receivedNext: "Un agent va la lire et vous joindre. Vous n'avez rien à faire pour le moment.",
    notYou: "Si vous n'avez pas fait cette demande, écrivez à {helpEmail}.",
    outcomeHeadings: {
      contacted: "Un agent s'occupe de votre demande",
      appointment_set: "Votre rendez-vous est fixé",
      // Not 40 characters: its underline would read as the verbatim rule (render.ts VERBATIM_RULE).
      photo_received: "Votre photo est arrivée par la poste",
    },
    outcomes: {
      contacted: "Un agent a tenté de vous joindre pour la demande de {name}. Un appel ou un courriel va suivre.",
      appointment_set:
        "Un agent a fixé un rendez-vous pour {name}. Nous vous dirons la date, l'heure et le lieu. Apportez une pièce d'identité.",
      photo_received:
        "La photo de {name} est arrivée par la poste. Un agent l'a mise dans le portail pour vous. La tâche de la photo est faite.",
    },
    photoNext: "Connectez-vous pour la voir. Si les autres tâches sont faites, vous pouvez envoyer vos documents.",
    help: "Si vous avez une question, écrivez à {helpEmail}.",
    portal: "Aller au portail",
  },
} as const;

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

/** A representative's copy (decision 026): greeted by name, told why they receive it; nothing for anyone else. */
const copyLines = (name: string, representative: string | undefined) =>
  representative ? representativeCopy(name, representative) : null;

export function anotherWayReceivedEmail(
  ctx: TemplateContext,
  v: { name: string; kind: AnotherWayKind; representative?: string },
): RenderedEmail {
  const copy = copyLines(v.name, v.representative);
  const half = (lang: Lang) => {
    const p = PROSE[lang];
    const values = { name: v.name, helpEmail: ctx.helpEmail };
    return {
      heading: p.receivedHeading,
      paragraphs: [
        ...(copy?.[lang].greeting ?? []),
        { text: fill(p.receivedIntro, values) },
        { text: p.kinds[v.kind] },
        { text: p.receivedNext },
        { text: fill(p.notYou, values) },
        ...(copy?.[lang].why ?? []),
      ],
    };
  };
  const content: BilingualContent = { en: half("en"), fr: half("fr") };
  return renderBilingual(
    content,
    eventSubject({ en: "we got your request for another way", fr: "nous avons reçu votre demande" }),
  );
}

const OUTCOME_SUBJECTS: Record<AnotherWayOutcome, { en: string; fr: string }> = {
  contacted: { en: "an officer is on your request", fr: "un agent traite votre demande" },
  appointment_set: { en: "your appointment is set", fr: "votre rendez-vous est fixé" },
  photo_received: { en: "we got your photo by mail", fr: "nous avons reçu votre photo par la poste" },
};

export function anotherWayOutcomeEmail(
  ctx: TemplateContext,
  v: { name: string; outcome: AnotherWayOutcome; representative?: string },
): RenderedEmail {
  const copy = copyLines(v.name, v.representative);
  const half = (lang: Lang) => {
    const p = PROSE[lang];
    const values = { name: v.name, helpEmail: ctx.helpEmail };
    return {
      heading: p.outcomeHeadings[v.outcome],
      paragraphs: [
        ...(copy?.[lang].greeting ?? []),
        { text: fill(p.outcomes[v.outcome], values) },
        ...(v.outcome === "photo_received" ? [{ text: p.photoNext }] : []),
        { text: fill(p.help, values) },
        { text: p.portal, href: `${ctx.origin}/home?lang=${lang}` },
        ...(copy?.[lang].why ?? []),
      ],
    };
  };
  const content: BilingualContent = { en: half("en"), fr: half("fr") };
  return renderBilingual(content, eventSubject(OUTCOME_SUBJECTS[v.outcome]));
}
