import { eq, inArray } from "drizzle-orm";
import { applications, persons } from "../../schema/index.ts";
import { type ImportProblem, type ImportRow, checkFileConsistency } from "../../shared/people/import-records.ts";
import { personSearchKey } from "../../shared/people/search-fold.ts";
import { auditInsert } from "./audit.ts";
import type { Database } from "./db.ts";

export interface ImportOutcome {
  applicationsCreated: number;
  personsCreated: number;
  unchanged: number;
  problems: ImportProblem[];
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Imports validated rows. Rows already imported with the same details are
 * left alone (so re-importing a file changes nothing); a UCI already on file
 * with different details is a problem for that row, not an overwrite.
 */
export async function importApplications(
  db: Database,
  rows: ImportRow[],
  actor: { kind: "admin"; id: string; source: string },
): Promise<ImportOutcome> {
  const numbers = [...new Set(rows.map((r) => r.applicationNumber))];
  const existingApps = new Map<string, number>();
  for (const part of chunks(numbers, 90)) {
    for (const app of await db.select().from(applications).where(inArray(applications.applicationNumber, part)).all()) {
      existingApps.set(app.applicationNumber, app.id);
    }
  }
  const principalsInDb = new Set<string>();
  const appNumberById = new Map([...existingApps].map(([n, id]) => [id, n]));
  const existingPersons = new Map<string, typeof persons.$inferSelect>();
  for (const part of chunks([...existingApps.values()], 90)) {
    for (const p of await db.select().from(persons).where(inArray(persons.applicationId, part)).all()) {
      if (p.role === "principal") principalsInDb.add(appNumberById.get(p.applicationId)!);
    }
  }
  for (const part of chunks(
    rows.map((r) => r.uci),
    90,
  )) {
    for (const p of await db.select().from(persons).where(inArray(persons.uci, part)).all())
      existingPersons.set(p.uci, p);
  }

  const { kept, problems } = checkFileConsistency(rows, principalsInDb);
  const toCreate: ImportRow[] = [];
  let unchanged = 0;
  for (const row of kept) {
    const existing = existingPersons.get(row.uci);
    if (!existing) {
      if (row.role === "principal" && principalsInDb.has(row.applicationNumber)) {
        problems.push({
          line: row.line,
          reasons: [`application ${row.applicationNumber} already has a principal applicant on file`],
        });
        continue;
      }
      toCreate.push(row);
      continue;
    }
    const same =
      appNumberById.get(existing.applicationId) === row.applicationNumber &&
      existing.role === row.role &&
      existing.givenNames === row.givenNames &&
      existing.familyName === row.familyName &&
      existing.dateOfBirth === row.dateOfBirth &&
      existing.email === row.email &&
      existing.language === row.language;
    if (same) unchanged++;
    else
      problems.push({
        line: row.line,
        reasons: [`uci ${row.uci} is already on file with different details; it was not changed`],
      });
  }

  const newNumbers = [...new Set(toCreate.map((r) => r.applicationNumber))].filter((n) => !existingApps.has(n));
  // Applications first (their ids are needed), then persons in one atomic batch.
  if (newNumbers.length > 0) {
    const inserted = await db
      .insert(applications)
      .values(newNumbers.map((applicationNumber) => ({ applicationNumber })))
      .onConflictDoNothing()
      .returning();
    for (const app of inserted) existingApps.set(app.applicationNumber, app.id);
    for (const part of chunks(
      newNumbers.filter((n) => !existingApps.has(n)),
      90,
    )) {
      for (const app of await db.select().from(applications).where(inArray(applications.applicationNumber, part)).all())
        existingApps.set(app.applicationNumber, app.id);
    }
  }
  const personValues = toCreate.map((r) => ({
    applicationId: existingApps.get(r.applicationNumber)!,
    uci: r.uci,
    role: r.role,
    givenNames: r.givenNames,
    familyName: r.familyName,
    // What the officers' search matches: the names without accents or case (shared/people/search-fold.ts).
    searchKey: personSearchKey(r.givenNames, r.familyName),
    dateOfBirth: r.dateOfBirth,
    email: r.email,
    language: r.language,
  }));
  const statements = chunks(personValues, 8).map((part) => db.insert(persons).values(part).onConflictDoNothing());
  const audit = auditInsert(db, {
    actorKind: "admin",
    actorId: actor.id,
    action: "applications.import",
    subjectKind: "file",
    subjectId: actor.source,
    details: {
      personsCreated: toCreate.length,
      applicationsCreated: newNumbers.length,
      unchanged,
      problems: problems.length,
    },
  });
  await db.batch([audit, ...statements]);
  problems.sort((a, b) => a.line - b.line);
  return { applicationsCreated: newNumbers.length, personsCreated: toCreate.length, unchanged, problems };
}

export async function findApplicationByNumber(db: Database, applicationNumber: string) {
  return db
    .select()
    .from(applications)
    .where(eq(applications.applicationNumber, applicationNumber.toUpperCase()))
    .get();
}

export async function personsOfApplication(db: Database, applicationId: number) {
  return db.select().from(persons).where(eq(persons.applicationId, applicationId)).orderBy(persons.id).all();
}

/** The application number a person belongs to (the officers' page of any person, decision 028). */
export async function applicationNumberOf(db: Database, applicationId: number) {
  const row = await db
    .select({ applicationNumber: applications.applicationNumber })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .get();
  return row?.applicationNumber ?? "";
}
