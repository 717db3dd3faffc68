import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseImportCsv, parseImportJson } from "../../scripts/admin/import-file.ts";

const HEADER = "application_number,uci,role,given_names,family_name,date_of_birth,email,language";

// Pure parsing: no wrangler, no database. The CSV is read by csv-parse through scripts/admin/csv-read.ts.
describe("import CSV reading", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, and gives each record its physical line", () => {
    const text = `${HEADER}\r\nE1,"1, 2","say ""hi""","two\r\nlines",Lee,d,e,en\r\nE2,u,r,g,"three\nmore\nlines",d,e,fr\nE3,u,r,g,f,d,e,en\n`;
    const parsed = parseImportCsv(text);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(
      parsed.records.map((r) => r.line),
      [2, 4, 7],
    );
    const first = parsed.records[0]!.fields;
    assert.deepEqual(
      [first.uci, first.role, first.given_names, first.family_name],
      ["1, 2", 'say "hi"', "two\nlines", "Lee"],
    );
    // A line break inside a field is read as LF whatever the file used (a name or an address cannot hold one anyway).
    assert.equal(parsed.records[1]!.fields.family_name, "three\nmore\nlines");
    assert.equal(parsed.records[2]!.fields.application_number, "E3");
  });

  it("drops a UTF-8 BOM, skips blank lines, keeps empty fields, and reads CR-only files", () => {
    const parsed = parseImportCsv(`\uFEFF${HEADER}\n\n,,,,,,,\n\r\nE1,,,,,,,\n`);
    assert.deepEqual(parsed.warnings, []);
    assert.deepEqual(
      parsed.records.map((r) => [r.line, r.fields.application_number, r.fields.language]),
      [
        [3, "", ""],
        [5, "E1", ""],
      ],
    );
    const mac = parseImportCsv(`${HEADER}\rE1,u,r,g,f,d,e,en\r\rE2,u,r,g,f,d,e,fr\r`);
    assert.deepEqual(
      mac.records.map((r) => [r.line, r.fields.application_number]),
      [
        [2, "E1"],
        [4, "E2"],
      ],
    );
  });

  it("reports malformed records by the line they start on instead of guessing, and keeps reading the good ones", () => {
    const parsed = parseImportCsv(
      `${HEADER}\n"x"y,u,r,g,f,d,e,en\nE3,u,r,g,f,d,e,en\nbad "quote,u,r,g,f,d,e,en\n\nE6,"multi\nline"z,r,g,f,d,e,en\nE8,u,r,g,f,d,e,fr\n"never closed,u,r,g,f,d,e,en\nE10,lost,r,g,f,d,e,en\n`,
    );
    assert.deepEqual(
      parsed.records.map((r) => [r.line, r.fields.application_number]),
      [
        [3, "E3"],
        [8, "E8"],
      ],
    );
    assert.deepEqual(
      parsed.problems.map((p) => p.line),
      [2, 4, 6, 9],
    );
    assert.match(parsed.problems[0]!.reasons[0]!, /after a closing quote/);
    assert.match(parsed.problems[1]!.reasons[0]!, /quote inside an unquoted field/);
    assert.match(parsed.problems[2]!.reasons[0]!, /after a closing quote/);
    assert.match(parsed.problems[3]!.reasons[0]!, /quoted field starting on line 9 is never closed/);
  });

  it("refuses a malformed header row, naming its line", () => {
    assert.throws(
      () => parseImportCsv(`"application_number"x,${HEADER}\n`),
      /line 1 \(header row\): unexpected text after a closing quote/,
    );
    assert.throws(() => parseImportCsv("\n\n"), /the file is empty/);
  });
});

describe("import file formats", () => {
  const header = "application_number,uci,role,given_names,family_name,date_of_birth,email,language";

  it("maps CSV rows to the header's columns, whatever their order, and warns about unknown columns", () => {
    const parsed = parseImportCsv(
      `email,${header.replace(",email", "")},note\nann@x.test,E000000001,12345678,principal,Ann,Lee,1990-01-01,en,hello\n`,
    );
    assert.equal(parsed.records.length, 1);
    assert.equal(parsed.records[0]!.fields.email, "ann@x.test");
    assert.equal(parsed.records[0]!.fields.uci, "12345678");
    assert.deepEqual(parsed.warnings, ['column "note" is not one of the import columns; it is ignored']);
  });

  it("rejects a CSV whose header lacks columns, and reports rows of the wrong width by line", () => {
    assert.throws(() => parseImportCsv("application_number,uci\nE1,1\n"), /lacks the column\(s\) role, given_names/);
    const parsed = parseImportCsv(`${header}\nE000000001,12345678,principal\n`);
    assert.deepEqual(parsed.problems, [{ line: 2, reasons: ["has 3 fields; the header has 8"] }]);
  });

  it("reads JSON as an array of objects, numbering items from 1", () => {
    const parsed = parseImportJson(
      JSON.stringify([{ application_number: "E000000001" }, "not an object", { uci: 1, extra: true }]),
    );
    assert.deepEqual(
      parsed.records.map((r) => r.line),
      [1, 3],
    );
    assert.deepEqual(parsed.problems, [{ line: 2, reasons: ["is not an object with the import columns as keys"] }]);
    assert.deepEqual(parsed.warnings, ['key "extra" is not one of the import columns; it is ignored']);
    assert.throws(() => parseImportJson('{"a":1}'), /must hold an array/);
    assert.throws(() => parseImportJson("[1,"), /not valid JSON/);
  });
});
