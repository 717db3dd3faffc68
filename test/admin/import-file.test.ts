import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCsv } from "../../scripts/admin/csv.ts";
import { parseImportCsv, parseImportJson } from "../../scripts/admin/import-file.ts";

// Pure parsing: no wrangler, no database.
describe("parseCsv (RFC 4180)", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, and counts physical lines", () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\r\nlines"\r\nlast,row,"three\nmore\nlines"\nafter,the,break\n';
    assert.deepEqual(parseCsv(text), [
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["x, y", 'say "hi"', "two\r\nlines"] },
      { line: 4, fields: ["last", "row", "three\nmore\nlines"] },
      { line: 7, fields: ["after", "the", "break"] },
    ]);
  });

  it("drops a UTF-8 BOM, skips blank lines, and keeps empty fields", () => {
    assert.deepEqual(parseCsv("\uFEFFa,b\n\n,\n\r\nc,\n"), [
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ["", ""] },
      { line: 5, fields: ["c", ""] },
    ]);
  });

  it("reports malformed records instead of guessing, and carries on", () => {
    const records = parseCsv('a,b\n"x"y,z\nok,1\nbad "quote,2\n"never closed,3\nlost,4\n');
    assert.equal(records[1]!.line, 2);
    assert.match(records[1]!.error!, /after a closing quote/);
    assert.deepEqual(records[2], { line: 3, fields: ["ok", "1"] });
    assert.match(records[3]!.error!, /quote inside an unquoted field/);
    assert.equal(records[4]!.line, 5);
    assert.match(records[4]!.error!, /quoted field starting on line 5 is never closed/);
    assert.equal(records.length, 5);
  });
});

describe("import file formats", () => {
  const header = "application_number,uci,role,given_names,family_name,date_of_birth,email,language";

  it("maps CSV rows to the header's columns, whatever their order, and warns about unknown columns", () => {
    const parsed = parseImportCsv(`email,${header.replace(",email", "")},note\nann@x.test,E000000001,12345678,principal,Ann,Lee,1990-01-01,en,hello\n`);
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
    const parsed = parseImportJson(JSON.stringify([{ application_number: "E000000001" }, "not an object", { uci: 1, extra: true }]));
    assert.deepEqual(parsed.records.map((r) => r.line), [1, 3]);
    assert.deepEqual(parsed.problems, [{ line: 2, reasons: ["is not an object with the import columns as keys"] }]);
    assert.deepEqual(parsed.warnings, ['key "extra" is not one of the import columns; it is ignored']);
    assert.throws(() => parseImportJson('{"a":1}'), /must hold an array/);
    assert.throws(() => parseImportJson("[1,"), /not valid JSON/);
  });
});
