import { PDFDocument, type PDFFont, StandardFonts, rgb } from "pdf-lib";
import { describeCharacters, printedForm, unprintableCharacters } from "../../shared/people/printable-name.ts";
import { withEvenGlyphs } from "./even-glyphs.ts";

/*
 * The electronic Confirmation of Permanent Residence (e-CoPR): a bilingual,
 * one-page PDF made in the worker with pdf-lib (pure JavaScript, so it runs on
 * Workers). The document's own fixed wording is in the standard Helvetica
 * fonts; every value that comes from a record (names above all) is drawn in one
 * embedded Unicode font, subset to the glyphs used, so a name prints exactly as
 * on file (decision 012). pdf-lib writes a ToUnicode map for the embedded font,
 * so the printed text can be searched, copied and read aloud.
 */

interface EcoprContent {
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  uci: string;
  applicationNumber: string;
  confirmedOn: string;
  verificationCode: string;
  verifyUrl: string;
  /** A reissue after an accepted correction (decision 027): the e-CoPR it replaces. */
  replaces?: { issuedOn: string; verificationCode: string };
}

/** A name the font cannot print: never printed altered, so no proof of status shows a wrong name. */
export class UnprintableNameError extends Error {
  constructor(readonly characters: string[]) {
    super(`the e-CoPR cannot print ${describeCharacters(characters)}`);
    this.name = "UnprintableNameError";
  }
}

/**
 * fontkit, loaded at the first e-CoPR rather than when the worker starts: its module builds Unicode
 * tables when evaluated, which every cold start (a sign-in, a page) would otherwise pay. The
 * package's own minified build: the same code, 0.3 MB less JavaScript to parse at every cold start
 * (docs/performance.md, Size budget).
 */
async function loadFontkit() {
  return (await import("@pdf-lib/fontkit/dist/fontkit.es.min.js")).default;
}

function formatUci(uci: string): string {
  return uci.length === 10
    ? `${uci.slice(0, 2)}-${uci.slice(2, 6)}-${uci.slice(6)}`
    : `${uci.slice(0, 4)}-${uci.slice(4)}`;
}

/**
 * Renders the e-CoPR, drawing the values in `unicodeFont` (the bytes of worker/documents/ecopr-font.ts;
 * a parameter so that Node tools and benchmarks can pass the same file). Deterministic for the same
 * content (no creation time in the file). Throws UnprintableNameError for a name the font cannot print.
 */
export async function renderEcoprPdf(
  content: EcoprContent,
  unicodeFont: ArrayBuffer | Uint8Array,
): Promise<Uint8Array> {
  const unprintable = [
    ...new Set([...unprintableCharacters(content.familyName), ...unprintableCharacters(content.givenNames)]),
  ];
  if (unprintable.length > 0) throw new UnprintableNameError(unprintable);

  // No creation or modification time: the document's date is the confirmation date.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  // A fresh fontkit font per document: a parsed font shared between documents was tried (it cut
  // the cost per document by two thirds) but fontkit's cached glyphs carry state from one layout to
  // the next, and a later document's Greek name came back with a letter missing.
  pdf.registerFontkit(await loadFontkit());
  pdf.setTitle("Confirmation of Permanent Residence / Confirmation de résidence permanente");
  pdf.setLanguage("en-CA");
  pdf.setProducer("PR Confirmation Portal");
  pdf.setCreator("PR Confirmation Portal");
  const page = pdf.addPage([612, 792]);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  // One glyph per character, the font's own precomposed one (ị, ễ, ᾯ): pdf-lib draws glyphs at
  // their advance widths and ignores positioning (GPOS), so the composition features that split a
  // letter into base and mark (ccmp) would misplace the mark and break the ToUnicode map, and
  // ligatures are left out so the text read back is the name character for character. The
  // positioning features are off too: pdf-lib would drop their result, and computing it for Noto
  // Sans's tables took 250-500 ms of the first line and 10-20 ms of each later one.
  const features = {
    ccmp: false,
    liga: false,
    clig: false,
    calt: false,
    rlig: false,
    kern: false,
    mark: false,
    mkmk: false,
    curs: false,
  };
  const unicode = await pdf.embedFont(withEvenGlyphs(unicodeFont), { subset: true, features });
  const ink = rgb(0.13, 0.13, 0.13);
  const red = rgb(0.69, 0.11, 0.11);
  let y = 740;
  const line = (text: string, options: { size?: number; font?: PDFFont } = {}) => {
    page.drawText(text, { x: 56, y, size: options.size ?? 11, font: options.font ?? unicode, color: ink });
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
    y -= 15;
    line(value, { size: 13 });
    y -= 4;
  };
  field("Surname", "Nom de famille", printedForm(content.familyName));
  field("Given names", "Prénoms", printedForm(content.givenNames));
  field("Date of birth", "Date de naissance", content.dateOfBirth);
  field("Unique client identifier (UCI)", "Identificateur unique de client (IUC)", formatUci(content.uci));
  field("Application number", "Numéro de demande", content.applicationNumber);
  field("Permanent resident status confirmed on", "Statut de résident permanent confirmé le", content.confirmedOn);
  y -= 6;
  // Widths add up (no kerning is applied), so each word is measured once: every measure is a layout.
  const space = unicode.widthOfTextAtSize(" ", 10);
  const paragraph = (text: string) => {
    let current = "";
    let width = 0;
    for (const word of text.split(" ")) {
      const wordWidth = unicode.widthOfTextAtSize(word, 10);
      if (current && width + space + wordWidth > 500) {
        line(current, { size: 10 });
        current = word;
        width = wordWidth;
      } else {
        current = current ? `${current} ${word}` : word;
        width += (width ? space : 0) + wordWidth;
      }
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
  if (content.replaces) {
    // The earlier proof still answers at /verify, as replaced: this says which one, so whoever holds
    // both knows which is in force.
    const { issuedOn, verificationCode } = content.replaces;
    paragraph(
      `This document replaces the confirmation issued on ${issuedOn} (verification code ${verificationCode}), which is no longer in force.`,
    );
    paragraph(
      `Ce document remplace la confirmation délivrée le ${issuedOn} (code de vérification ${verificationCode}), qui n'est plus en vigueur.`,
    );
  }
  y -= 6;
  field("Verification code", "Code de vérification", content.verificationCode);
  paragraph(`Check that this document is genuine at ${content.verifyUrl}`);
  paragraph(`Vérifiez l'authenticité de ce document à ${content.verifyUrl}`);
  return pdf.save({ useObjectStreams: false });
}
