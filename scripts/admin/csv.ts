/*
 * A small RFC 4180 CSV reader that remembers where each record starts.
 *
 * Import problems are reported by the file's physical line, and a quoted
 * field may contain line breaks, so a record's line is not its index: the
 * reader counts every line break it passes, inside quotes or not. A record
 * that breaks the format (text after a closing quote, a quote that is never
 * closed) is returned with an `error` instead of being guessed at, so that
 * one bad row is reported and the rest of the file still imports.
 */

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  fields: string[];
  /** Set when the record is malformed; `fields` is then incomplete. */
  error?: string;
}

/**
 * Parses CSV text (UTF-8, with or without BOM; CRLF, LF or CR line breaks).
 * Blank lines are skipped.
 *
 * @example
 * parseCsv('a,b\n"x, y","line 1\nline 2"\n')
 * // → [{ line: 1, fields: ["a", "b"] }, { line: 2, fields: ["x, y", "line 1\nline 2"] }]
 */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;

  const atLineBreak = () => text[i] === "\n" || text[i] === "\r";
  const skipLineBreak = () => {
    if (text[i] === "\r" && text[i + 1] === "\n") i += 2;
    else i += 1;
    line += 1;
  };

  while (i < text.length) {
    const start = line;
    const fields: string[] = [];
    let error: string | undefined;
    let field = "";
    // One record: fields separated by commas, up to a line break outside quotes.
    for (;;) {
      if (text[i] === '"') {
        const quoteLine = line;
        i += 1;
        let closed = false;
        while (i < text.length) {
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i += 1;
            closed = true;
            break;
          }
          if (atLineBreak()) {
            // Keep the break as written, but count it.
            field += text[i] === "\r" && text[i + 1] === "\n" ? "\r\n" : text[i];
            skipLineBreak();
            continue;
          }
          field += text[i];
          i += 1;
        }
        if (!closed) {
          error = `the quoted field starting on line ${quoteLine} is never closed`;
          break;
        }
        if (i < text.length && text[i] !== "," && !atLineBreak()) {
          error = "unexpected text after a closing quote (a quote inside a field must be doubled)";
          while (i < text.length && !atLineBreak()) i += 1;
          break;
        }
      } else {
        while (i < text.length && text[i] !== "," && !atLineBreak()) {
          if (text[i] === '"' && !error) error = "a quote inside an unquoted field (quote the whole field and double the quote)";
          field += text[i];
          i += 1;
        }
      }
      fields.push(field);
      field = "";
      if (i < text.length && text[i] === ",") {
        i += 1;
        continue;
      }
      break;
    }
    if (i < text.length && atLineBreak()) skipLineBreak();
    const blank = !error && fields.length === 1 && fields[0] === "";
    if (!blank) records.push(error ? { line: start, fields, error } : { line: start, fields });
  }
  return records;
}
