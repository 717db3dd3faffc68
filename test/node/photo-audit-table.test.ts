// The fairness audit's arithmetic (shared/photo/accuracy/audit-table.ts) on a hand-made list of
// outcomes, small enough to count by eye: per group the valid photos refused, warned and flagged;
// per check the false refusals, false warnings, misses and warn-only answers; rules (a)–(d); and
// the summary line. The audit itself (npm run audit:photos) runs on the generated set, outside npm test.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type AuditRecord, rulesOf, splitTable, summaryLine } from "../../shared/photo/accuracy/audit-table.ts";

const GROUPS = ["mst1-3", "mst4-6", "mst7-10"];
const pass = (id: string) => ({ id, verdict: "pass" as const });
const warn = (id: string) => ({ id, verdict: "warn" as const });
const fail = (id: string) => ({ id, verdict: "fail" as const });
const valid = { valid: true } as const;

/** Four valid photos a group (one warned in mst4-6, one refused in mst7-10), and wrong ones. */
const RECORDS: AuditRecord[] = [
  ...GROUPS.flatMap((group) =>
    [0, 1, 2, 3].map(
      (k): AuditRecord => ({
        split: "test",
        group,
        expect: valid,
        checks: [
          group === "mst7-10" && k === 0 ? fail("glare") : pass("glare"),
          group === "mst4-6" && k === 1 ? warn("head_size") : pass("head_size"),
        ],
      }),
    ),
  ),
  // glare: caught once, only warned once, missed once.
  { split: "test", group: "mst1-3", expect: { fails: ["glare"] }, checks: [fail("glare"), pass("head_size")] },
  { split: "test", group: "mst4-6", expect: { fails: ["glare"] }, checks: [warn("glare"), pass("head_size")] },
  { split: "test", group: "mst7-10", expect: { fails: ["glare"] }, checks: [pass("glare"), pass("head_size")] },
  // A reason no check measures, and a malformed file refused with its own code.
  {
    split: "test",
    group: "mst1-3",
    expect: { fails: ["uneven_lighting"] },
    checks: [pass("glare"), pass("head_size")],
  },
  { split: "test", group: "mst4-6", expect: { refusal: "photo_cmyk" }, refusal: "photo_cmyk", checks: [] },
];

describe("the photo audit's table", () => {
  const table = splitTable(RECORDS, GROUPS);

  it("counts the valid photos of each skin-tone group refused, warned and flagged", () => {
    assert.deepEqual(table.groups["mst1-3"], {
      valid: 4,
      refused: 0,
      warned: 0,
      falseFlagPercent: 0,
      wrong: 2,
      wrongRefused: 1,
    });
    assert.deepEqual(table.groups["mst4-6"], {
      valid: 4,
      refused: 0,
      warned: 1,
      falseFlagPercent: 25,
      wrong: 2,
      wrongRefused: 1,
    });
    assert.deepEqual(table.groups["mst7-10"], {
      valid: 4,
      refused: 1,
      warned: 0,
      falseFlagPercent: 25,
      wrong: 1,
      wrongRefused: 0,
    });
  });

  it("counts, per check and group, false refusals and warnings on valid photos and misses on labelled ones", () => {
    const glare = table.checks.find((c) => c.id === "glare")!;
    assert.deepEqual(glare.total, {
      valid: 12,
      falseRefusals: 1,
      falseWarnings: 0,
      wrong: 3,
      caught: 1,
      warnedOnly: 1,
      misses: 1,
      borderline: 0,
      borderlineWarned: 0,
      borderlineRefused: 0,
    });
    assert.equal(glare.groups["mst7-10"]!.falseRefusals, 1);
    assert.equal(glare.groups["mst7-10"]!.misses, 1);
    assert.equal(glare.groups["mst4-6"]!.warnedOnly, 1);
    const headSize = table.checks.find((c) => c.id === "head_size")!;
    assert.equal(headSize.total.falseWarnings, 1);
    assert.equal(headSize.groups["mst4-6"]!.falseWarnings, 1);
    assert.equal(headSize.total.wrong, 0);
  });

  it("lists apart the labelled reasons no check measures, and the malformed files refused as labelled", () => {
    assert.deepEqual(table.notMeasured, [{ id: "uneven_lighting", photos: 1 }]);
    assert.deepEqual(table.malformed, { expected: 1, refusedAsLabelled: 1 });
    assert.deepEqual(
      table.checks.map((c) => c.id),
      ["glare", "head_size"],
    );
  });

  it("judges rules (a)–(d) from the counts and ends with one summary line", () => {
    const rules = rulesOf(table);
    assert.equal(rules.a, false, "one valid photo refused");
    assert.equal(rules.validRefused, 1);
    assert.equal(rules.b, false, "glare only warned once and missed once");
    assert.deepEqual([rules.wrongCaught, rules.wrongMeasured], [2, 4]);
    assert.equal(rules.warnedPercent, 8.3);
    assert.equal(rules.c, false);
    assert.equal(rules.spreadPoints, 25);
    assert.equal(rules.d, false);
    assert.equal(
      summaryLine(rules, table.images),
      "audit:photos test split, 17 images: valid refused 1/12, valid warned 1/12 (8.3%), wrong caught 2/4, false-flag spread 25 points; rules a FALSE, b FALSE, c FALSE, d FALSE",
    );
  });

  it("holds every rule when the checks answer as labelled", () => {
    const clean = RECORDS.filter((r) => "valid" in r.expect || "refusal" in r.expect).map((r) =>
      "valid" in r.expect ? { ...r, checks: r.checks.map((c) => pass(c.id)) } : r,
    );
    clean.push({ split: "test", group: "mst7-10", expect: { fails: ["glare"] }, checks: [fail("glare")] });
    const rules = rulesOf(splitTable(clean, GROUPS));
    assert.deepEqual([rules.a, rules.b, rules.c, rules.d], [true, true, true, true]);
  });

  it("counts borderline photos in their checks' warning band only: in no group's rate and no rule", () => {
    const half = (group: string, verdict: "pass" | "warn" | "fail"): AuditRecord => ({
      split: "test",
      group,
      expect: { borderline: ["eyes_open"] },
      checks: [{ id: "eyes_open", verdict }, pass("glare")],
    });
    const records = [
      ...RECORDS,
      half("mst1-3", "warn"),
      half("mst4-6", "warn"),
      half("mst7-10", "fail"),
      half("mst7-10", "pass"),
    ];
    const withBorderline = splitTable(records, GROUPS);
    assert.deepEqual(withBorderline.groups, table.groups, "neither valid nor wrong");
    const eyes = withBorderline.checks.find((c) => c.id === "eyes_open")!;
    assert.deepEqual([eyes.total.borderline, eyes.total.borderlineWarned, eyes.total.borderlineRefused], [4, 2, 1]);
    assert.deepEqual([eyes.total.valid, eyes.total.falseWarnings, eyes.total.wrong], [12, 0, 0]);
    assert.equal(eyes.groups["mst7-10"]!.borderlineRefused, 1);
    const before = rulesOf(table);
    const after = rulesOf(withBorderline);
    assert.deepEqual(
      [after.validRefused, after.validWarned, after.wrongCaught, after.wrongMeasured, after.spreadPoints],
      [before.validRefused, before.validWarned, before.wrongCaught, before.wrongMeasured, before.spreadPoints],
    );
  });

  it("counts a valid photo the route refused before the checks (no verdicts) as refused", () => {
    const refusedFile: AuditRecord = {
      split: "test",
      group: "mst1-3",
      expect: valid,
      refusal: "photo_corrupt",
      checks: [],
    };
    const rules = rulesOf(splitTable([refusedFile], GROUPS));
    assert.equal(rules.validRefused, 1);
    assert.equal(rules.a, false);
  });
});
