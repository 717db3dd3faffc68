/*
 * How the admin CLI reads CSV, with csv-parse (decision 015): what the
 * library does not say for itself and the import reports need.
 *
 * - Problems are reported by the file's physical line, and a quoted field
 *   may hold line breaks, so a record's line is not its index. csv-parse
 *   tells the line a record ends on; the record starts that many lines
 *   earlier as its fields hold line breaks. CRLF and CR are made LF first:
 *   with all three as record delimiters csv-parse counts a CRLF inside a
 *   quoted field as two lines.
 * - A malformed record (text after a closing quote, a quote inside an
 *   unquoted field, a quote never closed) is returned with an `error`, not
 *   guessed at, and the rest of the file is still read: csv-parse's own
 *   `skip_records_with_error` stays inside the broken quote and loses the
 *   good records after it, so reading starts again on the next line.
 */
import { CsvError, parse } from "csv-parse/sync";

interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  /** Empty when the record is malformed. */
  fields: string[];
  error?: string;
}

const REASONS: Partial<Record<string, string>> = {
  CSV_INVALID_CLOSING_QUOTE: "unexpected text after a closing quote (a quote inside a field must be doubled)",
  INVALID_OPENING_QUOTE: "a quote inside an unquoted field (quote the whole field and double the quote)",
};

const lineBreaks = (fields: string[]) => fields.reduce((n, field) => n + field.split("\n").length - 1, 0);

/**
 * Reads CSV text (UTF-8, with or without BOM; CRLF, LF or CR line breaks,
 * all read as LF). Blank lines are skipped; rows may differ in width (the
 * caller reports that against its header).
 *
 * @example
 * readCsv('a,b\n"x, y","line 1\nline 2"\n')
 * // → [{ line: 1, fields: ["a", "b"] }, { line: 2, fields: ["x, y", "line 1\nline 2"] }]
 */
export function readCsv(input: string): CsvRecord[] {
  const lines = input.replace(/\r\n?/g, "\n").split("\n");
  const records: CsvRecord[] = [];
  // Lines before the part being read: 0, then the line after each malformed record.
  let offset = 0;
  while (offset < lines.length) {
    let lastEnd = 0;
    let lastEmptyLines = 0;
    try {
      parse(lines.slice(offset).join("\n"), {
        bom: offset === 0,
        record_delimiter: "\n",
        relax_column_count: true,
        skip_empty_lines: true,
        on_record: (fields: string[], info) => {
          records.push({ line: offset + info.lines - lineBreaks(fields), fields });
          lastEnd = info.lines;
          lastEmptyLines = info.empty_lines;
          return null;
        },
      });
      return records;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      // The bad record starts after the last good one and the blank lines since.
      const start = offset + lastEnd + 1 + (Number(error.empty_lines) - lastEmptyLines);
      if (error.code === "CSV_QUOTE_NOT_CLOSED") {
        records.push({ line: start, fields: [], error: `the quoted field starting on line ${start} is never closed` });
        return records;
      }
      records.push({ line: start, fields: [], error: REASONS[error.code] ?? error.message });
      offset += Number(error.lines);
    }
  }
  return records;
}
