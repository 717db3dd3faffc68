// Which names the e-CoPR can print exactly: the one rule for every name that can reach the proof
// of status. The import refuses a name it cannot print (shared/people/import-records.ts), the
// e-CoPR refuses to print one (worker/documents/ecopr-pdf.ts), and a name changed by an accepted
// correction must pass the same check. Pure and small, so the admin CLI (Node) and the worker
// share it: a table of the font's code points (ecopr-font-coverage.ts, generated from the font),
// not the 629 KB font itself (decision 012).
import { ECOPR_FONT_RANGES } from "./ecopr-font-coverage.ts";

/** The form a name is printed in: NFC, so "e" followed by a combining acute prints as the font's "é". */
export function printedForm(name: string): string {
  return name.normalize("NFC");
}

function inFont(codePoint: number): boolean {
  let low = 0;
  let high = ECOPR_FONT_RANGES.length / 2 - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (codePoint < ECOPR_FONT_RANGES[middle * 2]!) high = middle - 1;
    else if (codePoint > ECOPR_FONT_RANGES[middle * 2 + 1]!) low = middle + 1;
    else return true;
  }
  return false;
}

/**
 * The distinct characters of `name` (in its printed form) that the e-CoPR's font cannot print,
 * in order of appearance; empty when the name prints exactly as stored.
 */
export function unprintableCharacters(name: string): string[] {
  const missing = new Set<string>();
  for (const character of printedForm(name)) if (!inFont(character.codePointAt(0)!)) missing.add(character);
  return [...missing];
}

/** `"李" (U+674E)` for each character; invisible ones by their code point only. */
export function describeCharacters(characters: string[]): string {
  return characters
    .map((character) => {
      const code = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
      return /[\p{C}\p{Z}]/u.test(character) ? code : `"${character}" (${code})`;
    })
    .join(", ");
}
