// Validation of imported application rows (CSV or JSON), pure so that the
// admin CLI and tests use the same rules. Each bad row is reported with its
// line and every reason; good rows go on to the database step.
import { describeCharacters, unprintableCharacters } from "./printable-name.ts";

export interface ImportRow {
  line: number;
  applicationNumber: string;
  uci: string;
  role: "principal" | "dependant";
  givenNames: string;
  familyName: string;
  dateOfBirth: string;
  email: string;
  language: "en" | "fr";
}

export interface ImportProblem {
  line: number;
  reasons: string[];
}

export const IMPORT_COLUMNS = [
  "application_number",
  "uci",
  "role",
  "given_names",
  "family_name",
  "date_of_birth",
  "email",
  "language",
] as const;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A UCI is 8 or 10 digits, often written with dashes (0000-0000, 00-0000-0000). */
export function normalizeUci(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, "");
  return /^\d{8}(\d{2})?$/.test(digits) ? digits : null;
}

export function isValidIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

export function isValidEmail(text: string): boolean {
  return text.length <= 254 && EMAIL.test(text);
}

/** Validates one record; `fields` are the raw column values by header name. */
export function validateImportRecord(
  line: number,
  fields: Record<string, unknown>,
  today = new Date(),
): ImportRow | ImportProblem {
  const reasons: string[] = [];
  const value = (name: string) =>
    typeof fields[name] === "string"
      ? (fields[name] as string).trim()
      : fields[name] == null
        ? ""
        : String(fields[name]).trim();
  for (const column of IMPORT_COLUMNS) if (!value(column)) reasons.push(`${column} is missing`);

  const applicationNumber = value("application_number").toUpperCase();
  if (applicationNumber && !/^[A-Z]{1,3}\d{6,12}$/.test(applicationNumber)) {
    reasons.push(`application_number "${applicationNumber}" is not 1-3 letters followed by 6-12 digits`);
  }
  const uci = value("uci") ? normalizeUci(value("uci")) : null;
  if (value("uci") && !uci) reasons.push(`uci "${value("uci")}" is not 8 or 10 digits`);
  const role = value("role").toLowerCase();
  if (role && role !== "principal" && role !== "dependant")
    reasons.push(`role "${role}" is not principal or dependant`);
  for (const name of ["given_names", "family_name"]) {
    if (value(name).length > 100) reasons.push(`${name} is longer than 100 characters`);
    // The e-CoPR must print the name exactly; IRCC's records hold names in Latin script.
    const unprintable = unprintableCharacters(value(name));
    if (unprintable.length > 0) {
      reasons.push(
        `${name} has characters the e-CoPR cannot print: ${describeCharacters(unprintable)}; correct the name in IRCC's record`,
      );
    }
  }
  const dateOfBirth = value("date_of_birth");
  if (dateOfBirth && !isValidIsoDate(dateOfBirth))
    reasons.push(`date_of_birth "${dateOfBirth}" is not a real date in YYYY-MM-DD form`);
  else if (dateOfBirth && dateOfBirth > today.toISOString().slice(0, 10))
    reasons.push(`date_of_birth ${dateOfBirth} is in the future`);
  const email = value("email").toLowerCase();
  if (email && !isValidEmail(email)) reasons.push(`email "${email}" is not a valid email address`);
  const language = value("language").toLowerCase();
  if (language && language !== "en" && language !== "fr") reasons.push(`language "${language}" is not en or fr`);

  if (reasons.length > 0) return { line, reasons };
  return {
    line,
    applicationNumber,
    uci: uci!,
    role: role as ImportRow["role"],
    givenNames: value("given_names"),
    familyName: value("family_name"),
    dateOfBirth,
    email,
    language: language as ImportRow["language"],
  };
}

export function isProblem(result: ImportRow | ImportProblem): result is ImportProblem {
  return "reasons" in result;
}

/**
 * Whole-file rules: a UCI appears once; an application has exactly one
 * principal (among the file's rows, or already in the database).
 */
export function checkFileConsistency(
  rows: ImportRow[],
  principalsInDatabase: Set<string>,
): { kept: ImportRow[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const seenUci = new Map<string, number>();
  const principalLine = new Map<string, number>();
  const kept: ImportRow[] = [];
  for (const row of rows) {
    const earlier = seenUci.get(row.uci);
    if (earlier !== undefined) {
      problems.push({ line: row.line, reasons: [`uci ${row.uci} already appears on line ${earlier}`] });
      continue;
    }
    if (row.role === "principal") {
      const other = principalLine.get(row.applicationNumber);
      if (other !== undefined) {
        problems.push({
          line: row.line,
          reasons: [`application ${row.applicationNumber} already has a principal applicant on line ${other}`],
        });
        continue;
      }
      principalLine.set(row.applicationNumber, row.line);
    }
    seenUci.set(row.uci, row.line);
    kept.push(row);
  }
  const final: ImportRow[] = [];
  for (const row of kept) {
    if (!principalLine.has(row.applicationNumber) && !principalsInDatabase.has(row.applicationNumber)) {
      problems.push({ line: row.line, reasons: [`application ${row.applicationNumber} has no principal applicant`] });
    } else final.push(row);
  }
  return { kept: final, problems };
}

/** Age in whole years on `today` (for "adult dependant": 18 or older). */
export function ageOn(dateOfBirth: string, today = new Date()): number {
  const [y, m, d] = dateOfBirth.split("-").map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  if (today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d)) age--;
  return age;
}
