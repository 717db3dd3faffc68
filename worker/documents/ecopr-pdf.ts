import { PDFDocument, StandardFonts, rgb } from "pdf-lib";

/*
 * The electronic Confirmation of Permanent Residence (e-CoPR): a bilingual,
 * one-page PDF made in the worker with pdf-lib (pure JavaScript, so it runs on
 * Workers). The standard Helvetica font's WinAnsi encoding covers French
 * accents, so no font file ships with the worker.
 */

export interface EcoprContent {
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  uci: string;
  applicationNumber: string;
  confirmedOn: string;
  verificationCode: string;
  verifyUrl: string;
}

/**
 * Text the standard fonts can draw. Helvetica's WinAnsi encoding covers
 * English and French, but not every name (Ł, ő, Chinese…): such characters
 * fall back to their base letter (NFKD without marks), else "?", so issuing
 * proof of status never fails on a name. The full name stays in the portal's
 * records; an embedded Unicode font would remove this limit.
 */
export function drawableText(text: string, canEncode: (char: string) => boolean): string {
  return [...text]
    .map((char) => {
      if (canEncode(char)) return char;
      const base = char.normalize("NFKD").replace(/\p{M}/gu, "");
      return base && [...base].every(canEncode) ? base : "?";
    })
    .join("");
}

function formatUci(uci: string): string {
  return uci.length === 10 ? `${uci.slice(0, 2)}-${uci.slice(2, 6)}-${uci.slice(6)}` : `${uci.slice(0, 4)}-${uci.slice(4)}`;
}

/** Renders the e-CoPR. Deterministic for the same content (no creation time in the file). */
export async function renderEcoprPdf(content: EcoprContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle("Confirmation of Permanent Residence / Confirmation de résidence permanente");
  pdf.setLanguage("en-CA");
  pdf.setProducer("PR Confirmation Portal");
  pdf.setCreator("PR Confirmation Portal");
  const page = pdf.addPage([612, 792]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const canEncode = (char: string) => {
    try {
      regular.encodeText(char);
      bold.encodeText(char);
      return true;
    } catch {
      return false;
    }
  };
  const ink = rgb(0.13, 0.13, 0.13);
  const red = rgb(0.69, 0.11, 0.11);
  let y = 740;
  const line = (text: string, options: { size?: number; font?: typeof regular; x?: number; color?: ReturnType<typeof rgb> } = {}) => {
    page.drawText(drawableText(text, canEncode), { x: options.x ?? 56, y, size: options.size ?? 11, font: options.font ?? regular, color: options.color ?? ink });
    y -= (options.size ?? 11) + 7;
  };

  page.drawRectangle({ x: 56, y: 752, width: 28, height: 14, color: red });
  page.drawText("Government of Canada / Gouvernement du Canada", { x: 92, y: 755, size: 10, font: bold, color: ink });
  y = 712;
  line("Confirmation of Permanent Residence (electronic)", { size: 17, font: bold });
  line("Confirmation de résidence permanente (électronique)", { size: 17, font: bold });
  y -= 8;
  const field = (en: string, fr: string, value: string) => {
    page.drawText(`${en} / ${fr}`, { x: 56, y, size: 9, font: regular, color: rgb(0.35, 0.35, 0.35) });
    y -= 14;
    line(value, { size: 12, font: bold });
    y -= 4;
  };
  field("Surname", "Nom de famille", content.familyName);
  field("Given names", "Prénoms", content.givenNames);
  field("Date of birth", "Date de naissance", content.dateOfBirth);
  field("Unique client identifier (UCI)", "Identificateur unique de client (IUC)", formatUci(content.uci));
  field("Application number", "Numéro de demande", content.applicationNumber);
  field("Permanent resident status confirmed on", "Statut de résident permanent confirmé le", content.confirmedOn);
  y -= 6;
  const paragraph = (text: string) => {
    const words = text.split(" ");
    let current = "";
    for (const word of words) {
      const next = current ? `${current} ${word}` : word;
      if (regular.widthOfTextAtSize(next, 10) > 500) {
        line(current, { size: 10 });
        current = word;
      } else current = next;
    }
    if (current) line(current, { size: 10 });
    y -= 6;
  };
  paragraph(
    "This document is proof that the person named above became a permanent resident of Canada on the date shown. It is valid proof of status until the person receives their permanent resident card.",
  );
  paragraph(
    "Ce document prouve que la personne nommée ci-dessus est devenue résidente permanente du Canada à la date indiquée. Il constitue une preuve valide de statut jusqu'à ce que la personne reçoive sa carte de résident permanent.",
  );
  y -= 6;
  field("Verification code", "Code de vérification", content.verificationCode);
  paragraph(`Check that this document is genuine at ${content.verifyUrl}`);
  paragraph(`Vérifiez l'authenticité de ce document à ${content.verifyUrl}`);
  return pdf.save({ useObjectStreams: false });
}
