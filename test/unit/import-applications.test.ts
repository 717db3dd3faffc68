import { describe, expect, it } from "vitest";
import { importApplications } from "../../worker/data/applications.ts";
import {
  type ImportProblem,
  type ImportRow,
  isProblem,
  validateImportRecord,
} from "../../shared/people/import-records.ts";
import { db, digits, unique } from "../support/factories.ts";

function record(overrides: Record<string, string>, base: { app: string; uci: string }) {
  return {
    application_number: base.app,
    uci: base.uci,
    role: "principal",
    given_names: "Lin",
    family_name: "Chen",
    date_of_birth: "1990-01-31",
    email: "lin.chen@example.com",
    language: "fr",
    ...overrides,
  };
}

function validate(records: Record<string, string>[]) {
  const results = records.map((r, i) => validateImportRecord(i + 2, r));
  return {
    rows: results.filter((r): r is ImportRow => !isProblem(r)),
    problems: results.filter((r): r is ImportProblem => isProblem(r)),
  };
}

describe("validateImportRecord", () => {
  const base = { app: "E123456789", uci: "1234-5678" };
  it("accepts a good row and normalizes UCI, case and spacing", () => {
    const result = validateImportRecord(
      2,
      record({ email: " Lin.Chen@Example.com ", application_number: "e123456789" }, base),
    );
    expect(isProblem(result)).toBe(false);
    expect(result).toMatchObject({
      uci: "12345678",
      email: "lin.chen@example.com",
      applicationNumber: "E123456789",
      language: "fr",
    });
  });

  it.each([
    [{ uci: "12" }, 'uci "12" is not 8 or 10 digits'],
    [{ role: "spouse" }, 'role "spouse" is not principal or dependant'],
    [{ date_of_birth: "1990-02-30" }, "is not a real date"],
    [{ date_of_birth: "2999-01-01" }, "is in the future"],
    [{ email: "not-an-email" }, "is not a valid email address"],
    [{ language: "de" }, 'language "de" is not en or fr'],
    [{ given_names: "" }, "given_names is missing"],
    [{ application_number: "12345" }, "is not 1-3 letters followed by 6-12 digits"],
  ])("reports %o with its reason", (overrides, reason) => {
    const result = validateImportRecord(7, record(overrides, base));
    expect(isProblem(result)).toBe(true);
    expect((result as ImportProblem).line).toBe(7);
    expect((result as ImportProblem).reasons.join("; ")).toContain(reason);
  });
});

describe("names the e-CoPR cannot print", () => {
  it("are refused line by line with the characters named; names in Latin, Vietnamese, Greek and Cyrillic are kept", () => {
    const app = { app: "E123456789", uci: "" };
    const { rows, problems } = validate([
      record({ uci: "1000000001", given_names: "Zoë", family_name: "Lefèvre-Nguyễn" }, app),
      record({ uci: "1000000002", role: "dependant", given_names: "小龍", family_name: "李" }, app),
      record({ uci: "1000000003", role: "dependant", given_names: "Łukasz 😀", family_name: "Żółć" }, app),
      record({ uci: "1000000004", role: "dependant", given_names: "Ἀλέξανδρος", family_name: "Шостакович" }, app),
      record({ uci: "1000000005", role: "dependant", given_names: "Ja\u200Dne", family_name: "Doe" }, app),
    ]);
    expect(rows.map((r) => [r.line, r.givenNames, r.familyName])).toEqual([
      [2, "Zoë", "Lefèvre-Nguyễn"],
      [5, "Ἀλέξανδρος", "Шостакович"],
    ]);
    expect(problems).toEqual([
      {
        line: 3,
        reasons: [
          `given_names has characters the e-CoPR cannot print: "小" (U+5C0F), "龍" (U+9F8D); correct the name in IRCC's record`,
          `family_name has characters the e-CoPR cannot print: "李" (U+674E); correct the name in IRCC's record`,
        ],
      },
      {
        line: 4,
        reasons: [
          `given_names has characters the e-CoPR cannot print: "😀" (U+1F600); correct the name in IRCC's record`,
        ],
      },
      {
        line: 6,
        reasons: [`given_names has characters the e-CoPR cannot print: U+200D; correct the name in IRCC's record`],
      },
    ]);
  });
});

describe("importApplications", () => {
  it("keeps good rows, reports bad ones by line, and changes nothing on re-import", async () => {
    const n = unique();
    const app = `E${digits(n, 9)}`;
    const records = [
      record({ uci: digits(n * 10 + 1, 10) }, { app, uci: "" }),
      record(
        { uci: digits(n * 10 + 2, 10), role: "dependant", given_names: "Mei", date_of_birth: "2015-06-01" },
        { app, uci: "" },
      ),
      record({ uci: "bad" }, { app, uci: "" }),
      // A second principal on the same application is refused, not merged.
      record({ uci: digits(n * 10 + 3, 10) }, { app, uci: "" }),
      // A dependant whose application has no principal anywhere.
      record(
        { uci: digits(n * 10 + 4, 10), role: "dependant", application_number: `F${digits(n, 9)}` },
        { app, uci: "" },
      ),
    ];
    const { rows, problems } = validate(records);
    expect(problems.map((p) => p.line)).toEqual([4]);

    const first = await importApplications(db(), rows, { kind: "admin", id: "t", source: "file.csv" });
    expect(first.applicationsCreated).toBe(1);
    expect(first.personsCreated).toBe(2);
    expect(first.problems.map((p) => [p.line, p.reasons[0]])).toEqual([
      [5, expect.stringContaining("already has a principal applicant on line 2")],
      [6, expect.stringContaining("has no principal applicant")],
    ]);

    const again = await importApplications(db(), rows, { kind: "admin", id: "t", source: "file.csv" });
    expect(again).toMatchObject({ applicationsCreated: 0, personsCreated: 0, unchanged: 2 });
    const people = await db().query.persons.findMany({
      where: (p, { like }) => like(p.uci, `${digits(n, 9).slice(0, 8)}%`),
    });
    expect(people.filter((p) => p.familyName === "Chen")).toHaveLength(2);
  });

  it("refuses to overwrite a person already on file with different details", async () => {
    const n = unique();
    const app = `E${digits(n, 9)}`;
    const uci = digits(n * 10 + 1, 10);
    await importApplications(db(), validate([record({ uci }, { app, uci })]).rows, {
      kind: "admin",
      id: "t",
      source: "a",
    });
    const changed = await importApplications(
      db(),
      validate([record({ uci, email: "other@example.com" }, { app, uci })]).rows,
      {
        kind: "admin",
        id: "t",
        source: "b",
      },
    );
    expect(changed.problems[0]?.reasons[0]).toContain("already on file with different details");
    const person = await db().query.persons.findFirst({ where: (p, { eq }) => eq(p.uci, uci) });
    expect(person?.email).toBe("lin.chen@example.com");
  });

  it("appends an audit row for the import", async () => {
    const n = unique();
    const app = `E${digits(n, 9)}`;
    await importApplications(db(), validate([record({ uci: digits(n, 10) }, { app, uci: "" })]).rows, {
      kind: "admin",
      id: "alice",
      source: `s${n}.csv`,
    });
    const audit = await db().query.auditLog.findFirst({ where: (a, { eq }) => eq(a.subjectId, `s${n}.csv`) });
    expect(audit).toMatchObject({ actorKind: "admin", actorId: "alice", action: "applications.import" });
  });
});
