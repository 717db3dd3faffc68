/*
 * Every CSV the admin CLI writes goes through csvLine. The files are opened
 * in spreadsheets (cards.csv by the card producer), and some fields hold what
 * applicants typed: a cell starting with =, +, -, @, tab or carriage return
 * is read as a formula (=HYPERLINK(…) puts a live link on the producer's
 * machine). OWASP's CSV injection advice: prefix such a field with ' (the
 * spreadsheet then shows it as text) and quote it.
 */

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** The same after leading spaces, which some spreadsheets skip before reading a formula. */
const FORMULA_AFTER_SPACES = /^[ \u00a0]+[=+\-@]/;

/** True when a spreadsheet could read the field as a formula. */
function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text) || FORMULA_AFTER_SPACES.test(text);
}

/** One field, quoted where RFC 4180 needs it, neutralised where a spreadsheet would see a formula. */
export function csvField(field: string | number | null | undefined): string {
  const text = field == null ? "" : String(field);
  if (looksLikeFormula(text)) return `"'${text.replace(/"/g, '""')}"`;
  // ";" too: a French-locale spreadsheet splits on it, and a quoted field stays one cell.
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One RFC 4180 CSV line: fields with commas, semicolons, quotes or newlines are quoted; formulas neutralised. */
export function csvLine(fields: (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(",");
}
