import { readdir } from "node:fs/promises";
import assert from "node:assert/strict";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ROOT, SAMPLES, inspect, runAdmin, temporaryState, writeTemporaryFile } from "./support.ts";

describe("admin import", () => {
  let state: Awaited<ReturnType<typeof temporaryState>>;
  before(async () => {
    state = await temporaryState({ fresh: true });
  });
  after(() => state.remove());

  it("imports the sample CSV into a fresh state directory (migrations applied first)", async () => {
    const { code, stdout, stderr } = await runAdmin([
      "import",
      path.join(SAMPLES, "approved-applications.csv"),
      "--state",
      state.dir,
    ]);
    assert.equal(code, 0, stderr);
    const migrations = (await readdir(path.join(ROOT, "migrations"))).filter((f) => f.endsWith(".sql")).length;
    assert.match(stderr, new RegExp(`Applying ${migrations} migration\\(s\\)`));
    assert.equal(stdout, "Imported: 2 applications, 4 persons. Unchanged: 0. Rejected rows: 0.\n");
  });

  it("changes nothing when the same file, or the same data as JSON, is imported again", async () => {
    const again = await runAdmin(["import", path.join(SAMPLES, "approved-applications.csv"), "--state", state.dir]);
    assert.equal(again.code, 0, again.stderr);
    assert.doesNotMatch(again.stderr, /Applying/);
    assert.equal(again.stdout, "Imported: 0 applications, 0 persons. Unchanged: 4. Rejected rows: 0.\n");
    const json = await runAdmin(["import", path.join(SAMPLES, "approved-applications.json"), "--state", state.dir]);
    assert.equal(json.code, 0, json.stderr);
    assert.equal(json.stdout, "Imported: 0 applications, 0 persons. Unchanged: 4. Rejected rows: 0.\n");
  });

  it("keeps the good rows of a file with a bad one, reports the bad row by line with every reason, exit 1", async () => {
    const { code, stdout } = await runAdmin(["import", path.join(SAMPLES, "with-errors.csv"), "--state", state.dir]);
    assert.equal(code, 1);
    assert.equal(
      stdout,
      'line 4: uci "12" is not 8 or 10 digits; date_of_birth "2013-02-30" is not a real date in YYYY-MM-DD form; ' +
        'email "luc.tremblay@demo" is not a valid email address; language "de" is not en or fr\n' +
        "Imported: 1 application, 2 persons. Unchanged: 0. Rejected rows: 1.\n",
    );
  });

  it("reports the physical line where a record starts when quoted fields span lines (BOM, CRLF)", async () => {
    // The quoted field keeps its line break (read as LF, scripts/admin/csv-read.ts), which no e-CoPR can print: the row is refused for it.
    const csv =
      "\uFEFFapplication_number,uci,role,given_names,family_name,date_of_birth,email,language\r\n" +
      'E000200001,2200000001,principal,"Marie, Claire",Roy,1980-05-05,marie.roy@demo.test,fr\r\n' +
      'E000200001,2200000002,dependant,"Paul\r\nJr.",Roy,2031-01-01,marie.roy@demo.test,fr\r\n' +
      "E000200001,2200000001,dependant,Copy,Roy,1990-01-01,copy@demo.test,en\r\n" +
      "E000200009,2200000009,dependant,Orphan,Roy,1990-01-01,orphan@demo.test,en\r\n";
    const file = await writeTemporaryFile(state.dir, "tricky.csv", csv);
    const { code, stdout } = await runAdmin(["import", file, "--state", state.dir]);
    assert.equal(code, 1);
    assert.equal(
      stdout,
      "line 3: given_names has characters the e-CoPR cannot print: U+000A; correct the name in IRCC's record; date_of_birth 2031-01-01 is in the future\n" +
        "line 5: uci 2200000001 already appears on line 2\n" +
        "line 6: application E000200009 has no principal applicant\n" +
        "Imported: 1 application, 1 person. Unchanged: 0. Rejected rows: 3.\n",
    );
    const stored = await inspect(state.dir, ({ db }) =>
      db.query.persons.findFirst({ where: (p, { eq }) => eq(p.uci, "2200000001") }),
    );
    assert.equal(stored?.givenNames, "Marie, Claire");
  });

  it("refuses, line by line with the characters named, names the e-CoPR cannot print, and keeps the others", async () => {
    const csv =
      "application_number,uci,role,given_names,family_name,date_of_birth,email,language\n" +
      "E000400001,4400000001,principal,Zoë,Lefèvre-Nguyễn,1980-05-05,zoe@demo.test,fr\n" +
      "E000400001,4400000002,dependant,Ἀλέξανδρος,Шостакович,2015-01-01,zoe@demo.test,fr\n" +
      "E000400001,4400000003,dependant,小龍,Lefèvre,2016-01-01,zoe@demo.test,fr\n";
    const file = await writeTemporaryFile(state.dir, "names.csv", csv);
    const { code, stdout } = await runAdmin(["import", file, "--state", state.dir]);
    assert.equal(code, 1);
    assert.equal(
      stdout,
      `line 4: given_names has characters the e-CoPR cannot print: "小" (U+5C0F), "龍" (U+9F8D); correct the name in IRCC's record\n` +
        "Imported: 1 application, 2 persons. Unchanged: 0. Rejected rows: 1.\n",
    );
  });

  it("reports bad JSON items as item N", async () => {
    const items = [
      {
        application_number: "E000300001",
        uci: "3300000001",
        role: "principal",
        given_names: "Ana",
        family_name: "Silva",
        date_of_birth: "1985-03-03",
        email: "ana@demo.test",
        language: "en",
      },
      {
        application_number: "E000300001",
        uci: "3300000002",
        role: "child",
        given_names: "",
        family_name: "Silva",
        date_of_birth: "2015-03-03",
        email: "ana@demo.test",
        language: "en",
      },
    ];
    const file = await writeTemporaryFile(state.dir, "items.json", JSON.stringify(items));
    const { code, stdout } = await runAdmin(["import", file, "--state", state.dir]);
    assert.equal(code, 1);
    assert.equal(
      stdout,
      'item 2: given_names is missing; role "child" is not principal or dependant\nImported: 1 application, 1 person. Unchanged: 0. Rejected rows: 1.\n',
    );
  });

  it("refuses a file whose header lacks columns, importing nothing (exit 1)", async () => {
    const file = await writeTemporaryFile(state.dir, "short.csv", "application_number,uci\nE000400001,44000001\n");
    const { code, stdout, stderr } = await runAdmin(["import", file, "--state", state.dir]);
    assert.equal(code, 1);
    assert.equal(stdout, "");
    assert.match(stderr, /lacks the column\(s\) role, given_names, family_name, date_of_birth, email, language/);
  });

  it("recorded each import in the audit log as an admin action", async () => {
    const rows = await inspect(state.dir, ({ db }) =>
      db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.action, "applications.import") }),
    );
    assert.ok(rows.length >= 6);
    assert.ok(rows.every((r) => r.actorKind === "admin" && r.actorId === "admin-test"));
    assert.deepEqual(JSON.parse(rows[0]!.detailsJson), {
      personsCreated: 4,
      applicationsCreated: 2,
      unchanged: 0,
      problems: 0,
    });
    assert.equal(rows[0]!.subjectId, "approved-applications.csv");
  });
});
