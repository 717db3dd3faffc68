import fontkit from "@pdf-lib/fontkit";
import { describe, expect, it } from "vitest";
import { ECOPR_FONT } from "../../worker/documents/ecopr-font.ts";
import { UnprintableNameError, renderEcoprPdf } from "../../worker/documents/ecopr-pdf.ts";
import { pdfTextRuns } from "../support/pdf-text.ts";

const content = {
  givenNames: "Zoë",
  familyName: "Lefèvre-Nguyễn",
  dateOfBirth: "1990-01-01",
  uci: "12345678",
  applicationNumber: "E000000001",
  confirmedOn: "2026-11-23",
  verificationCode: "K7M4-Q9TX-2HNP-W8RC",
  verifyUrl: "https://portal.test/verify",
};

/** Names from every script the font covers, as IRCC's records may hold them. */
const NAMES: [string, string][] = [
  ["Zoë", "Lefèvre-Nguyễn"],
  ["Łukasz", "Żółć"],
  ["Ἀλέξανδρος", "Παπαδόπουλος"],
  ["Дмитрий", "Шостакович"],
  ["Thị Hồng Nhung", "Trần"],
  ["Ștefan", "Țîrcă"],
  ["Þórunn", "Guðmundsdóttir"],
  ["İlkay Ğ.", "Gündoğan"],
  ["Ǆemal", "Ǉubić"],
  ["Ὀδυσσεύς ᾯ", "Ἰωάννου"],
  ["Ґанна Її", "Ѓорѓиевска-Љубиќ"],
];

function latin1(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

/** The embedded font program (FontFile2) of a PDF, inflated. */
async function embeddedFont(bytes: Uint8Array): Promise<Uint8Array> {
  const raw = latin1(bytes);
  const ref = /\/FontFile2\s+(\d+)\s+0\s+R/.exec(raw)![1];
  const object = new RegExp(`(?:^|\\n)${ref} 0 obj[\\s\\S]*?stream\\r?\\n`).exec(raw)!;
  const start = object.index + object[0].length;
  const length = Number(/\/Length\s+(\d+)/.exec(object[0])![1]);
  const inflated = new Response(
    new Blob([bytes.slice(start, start + length)]).stream().pipeThrough(new DecompressionStream("deflate")),
  );
  return new Uint8Array(await inflated.arrayBuffer());
}

describe("e-CoPR PDF", () => {
  it("prints every name exactly: the text a reader extracts (unpdf / PDF.js) equals the name in NFC", async () => {
    for (const [givenNames, familyName] of NAMES) {
      const runs = await pdfTextRuns(await renderEcoprPdf({ ...content, givenNames, familyName }, ECOPR_FONT));
      expect(runs, `${givenNames} ${familyName}`).toContain(givenNames.normalize("NFC"));
      expect(runs, `${givenNames} ${familyName}`).toContain(familyName.normalize("NFC"));
    }
  });

  it("prints a name stored decomposed (combining marks) in its composed form", async () => {
    const runs = await pdfTextRuns(
      await renderEcoprPdf({ ...content, givenNames: "Zoe\u0308", familyName: "Nguye\u0302\u0303n" }, ECOPR_FONT),
    );
    expect(runs).toContain("Zoë");
    expect(runs).toContain("Nguyễn");
  });

  it("embeds one subset font with a ToUnicode map, and stays small", async () => {
    const bytes = await renderEcoprPdf(content, ECOPR_FONT);
    const raw = latin1(bytes);
    expect(raw.match(/\/Subtype\s*\/Type0/g)).toHaveLength(1);
    expect(raw.match(/\/FontFile2/g)).toHaveLength(1);
    expect(raw).toContain("/ToUnicode");
    expect(raw).toMatch(/\/BaseFont\s*\/NotoSans-Regular/);
    // The whole 629 KB font would make a PDF over 300 KB even compressed; the subset keeps it small.
    expect(bytes.byteLength).toBeLessThan(40_000);
    // Deterministic: the same content gives the same file.
    expect(await renderEcoprPdf(content, ECOPR_FONT)).toEqual(bytes);
  });

  it("draws each letter of the name with the font's own outline (the subset's glyphs are intact, withEvenGlyphs)", async () => {
    const font = fontkit.create(new Uint8Array(ECOPR_FONT));
    for (const [givenNames, familyName] of NAMES) {
      const subset = fontkit.create(
        await embeddedFont(await renderEcoprPdf({ ...content, givenNames, familyName }, ECOPR_FONT)),
      );
      const outlines = new Set<string>();
      for (let id = 1; id < subset.numGlyphs; id++) outlines.add(subset.getGlyph(id).path.toSVG());
      for (const character of new Set(`${givenNames}${familyName}`.normalize("NFC").replace(/ /g, ""))) {
        expect(
          outlines.has(font.glyphForCodePoint(character.codePointAt(0)!).path.toSVG()),
          `${character} in ${givenNames} ${familyName}`,
        ).toBe(true);
      }
    }
  });

  it("refuses to print a name the font cannot print, naming the characters, instead of printing another name", async () => {
    for (const [givenNames, familyName, shown] of [
      ["Zoë", "Nguyễn 李", '"李" (U+674E)'],
      ["Amara 😀", "Okafor", '"😀" (U+1F600)'],
      ["Ja\u200Dne", "Doe", "U+200D"],
    ] as const) {
      const rendering = renderEcoprPdf({ ...content, givenNames, familyName }, ECOPR_FONT);
      await expect(rendering).rejects.toBeInstanceOf(UnprintableNameError);
      await expect(rendering).rejects.toThrow(shown);
    }
  });
});
