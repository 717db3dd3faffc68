// The text a PDF shows, as a reader gets it: extracted by unpdf 1.8.1 (Mozilla's PDF.js 5 in its
// serverless build, so it runs inside workerd). PDF.js maps glyphs back to text through the fonts'
// ToUnicode maps, so this reads the embedded, subset e-CoPR font the way a viewer's search, copy
// and screen reader do. Without the map (or with wrong glyphs) the names would not come back.
import { getDocumentProxy } from "unpdf";

/** Each text run on each page, in drawing order. */
export async function pdfTextRuns(bytes: Uint8Array): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(bytes));
  const runs: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent({ disableNormalization: true });
    for (const item of content.items) if ("str" in item && item.str.trim()) runs.push(item.str);
  }
  return runs;
}
