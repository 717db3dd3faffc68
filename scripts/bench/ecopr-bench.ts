// e-CoPR benchmark: what building one proof of status costs, and how big it is (decision 012).
//
// In Node (V8, as in workerd; Workers freeze their clock while code runs), with the font the worker
// bundles read from its package: the first document of a process (fontkit's code warming up, the
// font's tables parsed, the glyph-padded copy made once) and the median of the next RUNS, each a
// whole renderEcoprPdf() (embedding, subsetting, drawing, saving). Then the PDF's size, and the
// same steps split for one name line in an otherwise empty document.
// Run the same file against an older commit (from `git archive`) to compare before and after:
// renderEcoprPdf() before decision 012 took no font and ignores the second argument.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, StandardFonts } from "pdf-lib";
import { renderEcoprPdf } from "../../worker/documents/ecopr-pdf.ts";

const RUNS = 15;
const require = createRequire(import.meta.url);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const content = {
  givenNames: "Zoë",
  familyName: "Lefèvre-Nguyễn",
  dateOfBirth: "1990-01-01",
  uci: "1234567890",
  applicationNumber: "E000000001",
  confirmedOn: "2026-11-23",
  verificationCode: "K7M4-Q9TX-2HNP-W8RC",
  verifyUrl: "https://pr-confirmation.example.ca/verify",
};

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

export async function runEcoprBench(): Promise<void> {
  const font = readFileSync(require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"));
  const [first, firstMs] = await timed(() => renderEcoprPdf(content, font));
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++)
    times.push((await timed(() => renderEcoprPdf({ ...content, givenNames: `Zoë ${i}` }, font)))[1]);
  console.log(
    `one e-CoPR: first in the process ${firstMs.toFixed(1)} ms, then median ${median(times).toFixed(1)} ms of ${RUNS}`,
  );
  console.log(
    `PDF size: ${first.byteLength.toLocaleString("en")} bytes (font file ${font.byteLength.toLocaleString("en")} bytes)`,
  );

  // Why subset: one name line in the standard font, against the whole Unicode font embedded.
  const line = async (embed: (pdf: PDFDocument) => Promise<PDFFont>) => {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.registerFontkit(fontkit);
    const page = pdf.addPage();
    page.drawText("Zoe Lefevre-Nguyen", { font: await embed(pdf), size: 13, x: 56, y: 700 });
    return pdf.save({ useObjectStreams: false });
  };
  for (const [label, embed] of [
    ["Helvetica (standard font, not embedded)", (pdf: PDFDocument) => pdf.embedFont(StandardFonts.Helvetica)],
    ["Noto Sans, whole font embedded", (pdf: PDFDocument) => pdf.embedFont(font)],
  ] as const) {
    const runs: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 5; i++) {
      const [saved, ms] = await timed(() => line(embed));
      runs.push(ms);
      bytes = saved.byteLength;
    }
    console.log(
      `one name line, ${label}: median ${median(runs).toFixed(1)} ms of 5, ${bytes.toLocaleString("en")} bytes`,
    );
  }
}
