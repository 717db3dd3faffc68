// Bilingual message layout: one message, English first, then French, in
// plain text and HTML (issue 2 §5). Every template supplies both halves.

import { INVITATION_SUBJECT } from "../../shared/email/subjects.ts";

/** The invitation's subject (quoted on IRCC's public page); other emails say what happened (eventSubject). */
export const PORTAL_SUBJECT = INVITATION_SUBJECT;

interface Paragraph {
  text: string;
  /** Renders as a link; the text is shown in full in plain text. */
  href?: string;
}

export interface BilingualContent {
  en: { heading: string; paragraphs: Paragraph[] };
  fr: { heading: string; paragraphs: Paragraph[] };
  /**
   * Someone's own words, not translated (an officer's note): shown once, after
   * both halves, under a label in both languages, in whatever language it was written.
   */
  verbatim?: { label: { en: string; fr: string }; text: string };
}

/** The line that sets the verbatim section apart from the French half in plain text. */
export const VERBATIM_RULE = "========================================";

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function textHalf(half: BilingualContent["en"]): string {
  const lines = [half.heading, "=".repeat(Math.min(half.heading.length, 72)), ""];
  for (const p of half.paragraphs) lines.push(p.href ? `${p.text}\n${p.href}` : p.text, "");
  return lines.join("\n");
}

function htmlHalf(half: BilingualContent["en"], lang: "en" | "fr"): string {
  const body = half.paragraphs
    .map((p) =>
      p.href
        ? `<p><a href="${escapeHtml(p.href)}">${escapeHtml(p.text)}</a><br><span style="font-size:13px;color:#555">${escapeHtml(p.href)}</span></p>`
        : `<p>${escapeHtml(p.text)}</p>`,
    )
    .join("\n");
  return `<div lang="${lang}"><h1 style="font-size:20px">${escapeHtml(half.heading)}</h1>\n${body}</div>`;
}

/** The message in both languages, English first (as the seeds describe the genuine emails). */
export function renderBilingual(content: BilingualContent, subject = PORTAL_SUBJECT): RenderedEmail {
  const verbatim = content.verbatim;
  const textVerbatim = verbatim
    ? `\n${VERBATIM_RULE}\n\n${verbatim.label.en} / ${verbatim.label.fr}\n\n${verbatim.text}\n`
    : "";
  const text = `(Le français suit l'anglais.)\n\n${textHalf(content.en)}\n----------------------------------------\n\n${textHalf(content.fr)}${textVerbatim}`;
  // lang="" : the language of the words is not known (the officer may write in either).
  const htmlVerbatim = verbatim
    ? `\n<hr>\n<div><h2 style="font-size:16px"><span lang="en">${escapeHtml(verbatim.label.en)}</span> / <span lang="fr">${escapeHtml(verbatim.label.fr)}</span></h2>\n<blockquote lang="" style="white-space:pre-wrap;margin-left:0;padding-left:12px;border-left:4px solid #999">${escapeHtml(verbatim.text)}</blockquote></div>`
    : "";
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;line-height:1.5;color:#222;max-width:640px">
<p lang="fr" style="font-size:13px">(Le français suit l'anglais.)</p>
${htmlHalf(content.en, "en")}
<hr>
${htmlHalf(content.fr, "fr")}${htmlVerbatim}
</body></html>`;
  return { subject, text, html };
}

/**
 * Secrets (temporary passwords, single-use links) are not written into the
 * stored bodies: templates put `⟦name⟧` markers there, the values go into the
 * outbox row's `secrets` column, and delivery fills them in. After a
 * production delivery the secrets are erased from the row.
 */
export function secretMarker(name: string): string {
  return `⟦${name}⟧`;
}

export function fillSecrets(body: string, secrets: Record<string, string> | null, asHtml = false): string {
  return body.replace(/⟦(\w+)⟧/g, (_whole, name: string) => {
    const value = secrets?.[name];
    if (value === undefined) return "[removed after delivery / retiré après l'envoi]";
    return asHtml ? escapeHtml(value) : value;
  });
}
