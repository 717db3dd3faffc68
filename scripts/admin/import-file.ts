import { readFile } from "node:fs/promises";
import path from "node:path";
import { type ImportOutcome, importApplications } from "../../worker/data/applications.ts";
import type { Database } from "../../worker/data/db.ts";
import {
  IMPORT_COLUMNS,
  type ImportProblem,
  type ImportRow,
  isProblem,
  validateImportRecord,
} from "../../shared/people/import-records.ts";
import { readCsv } from "./csv-read.ts";
import { CommandFailure, UsageError } from "./errors.ts";

type ImportFormat = "csv" | "json";

/** One record of the file, before validation, with where it came from. */
interface FileRecord {
  line: number;
  fields: Record<string, unknown>;
}

interface ParsedImportFile {
  format: ImportFormat;
  records: FileRecord[];
  /** Records that could not even be read (malformed CSV, a JSON item that is not an object). */
  problems: ImportProblem[];
  warnings: string[];
}

function importFormatOf(file: string): ImportFormat {
  const extension = path.extname(file).toLowerCase();
  if (extension === ".csv") return "csv";
  if (extension === ".json") return "json";
  throw new UsageError(`"${file}" is neither a .csv nor a .json file`);
}

/** How a problem's position is written: the CSV's physical line, or the JSON array's item. */
export function positionLabel(format: ImportFormat, line: number): string {
  return format === "csv" ? `line ${line}` : `item ${line}`;
}

/**
 * Turns a CSV file (header row with the import columns) into records keyed
 * by column name. Whole-file problems (no header, missing columns) throw:
 * nothing can be imported from such a file.
 */
export function parseImportCsv(text: string): ParsedImportFile {
  const rows = readCsv(text);
  const header = rows.shift();
  if (!header) throw new CommandFailure("the file is empty: it needs a header row and at least one record");
  if (header.error) throw new CommandFailure(`line ${header.line} (header row): ${header.error}`);
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new CommandFailure(
      `the header row (line ${header.line}) lacks the column(s) ${missing.join(", ")}; expected: ${IMPORT_COLUMNS.join(",")}`,
    );
  }
  const duplicated = names.filter((n, i) => names.indexOf(n) !== i);
  if (duplicated.length > 0)
    throw new CommandFailure(`the header row names ${[...new Set(duplicated)].join(", ")} more than once`);
  const known = new Set<string>(IMPORT_COLUMNS);
  const warnings = names
    .filter((n) => !known.has(n))
    .map((n) => `column "${n}" is not one of the import columns; it is ignored`);

  const records: FileRecord[] = [];
  const problems: ImportProblem[] = [];
  for (const row of rows) {
    if (row.error) {
      problems.push({ line: row.line, reasons: [row.error] });
      continue;
    }
    if (row.fields.length !== names.length) {
      problems.push({ line: row.line, reasons: [`has ${row.fields.length} fields; the header has ${names.length}`] });
      continue;
    }
    records.push({ line: row.line, fields: Object.fromEntries(names.map((n, i) => [n, row.fields[i]])) });
  }
  return { format: "csv", records, problems, warnings };
}

/** A JSON array of objects with the import columns as keys; item N is reported as "item N". */
export function parseImportJson(text: string): ParsedImportFile {
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (error) {
    throw new CommandFailure(`the file is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(data)) throw new CommandFailure("the JSON file must hold an array of objects, one per person");
  const records: FileRecord[] = [];
  const problems: ImportProblem[] = [];
  const known = new Set<string>(IMPORT_COLUMNS);
  const unknownKeys = new Set<string>();
  data.forEach((item: unknown, index) => {
    const line = index + 1;
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      problems.push({ line, reasons: ["is not an object with the import columns as keys"] });
      return;
    }
    for (const key of Object.keys(item)) if (!known.has(key)) unknownKeys.add(key);
    records.push({ line, fields: item as Record<string, unknown> });
  });
  const warnings = [...unknownKeys].map((k) => `key "${k}" is not one of the import columns; it is ignored`);
  return { format: "json", records, problems, warnings };
}

export async function readImportFile(file: string): Promise<ParsedImportFile> {
  const format = importFormatOf(file);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return format === "csv" ? parseImportCsv(text) : parseImportJson(text);
}

interface FileImportResult extends ImportOutcome {
  format: ImportFormat;
  warnings: string[];
}

/**
 * Validates and imports a parsed file: the `import` command and `seed-demo`
 * both go through here, and through `importApplications`, the same code the
 * portal trusts. Good rows are kept even when others are bad.
 */
export async function importParsedFile(
  db: Database,
  parsed: ParsedImportFile,
  source: string,
  actorId: string,
): Promise<FileImportResult> {
  const rows: ImportRow[] = [];
  const problems = [...parsed.problems];
  for (const record of parsed.records) {
    const result = validateImportRecord(record.line, record.fields);
    if (isProblem(result)) problems.push(result);
    else rows.push(result);
  }
  // Called even when no row is good, so the attempt is in the audit log too.
  const outcome = await importApplications(db, rows, { kind: "admin", id: actorId, source });
  return {
    ...outcome,
    problems: [...problems, ...outcome.problems].sort((a, b) => a.line - b.line),
    format: parsed.format,
    warnings: parsed.warnings,
  };
}

export async function importFile(db: Database, file: string, actorId: string): Promise<FileImportResult> {
  return importParsedFile(db, await readImportFile(file), path.basename(file), actorId);
}
