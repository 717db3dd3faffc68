// The fairness audit's arithmetic (issue 15 point 4), apart from running anything: from each
// labelled image's outcome, per check and per skin-tone group, the false refusals and false
// warnings on valid photos and the misses on wrong ones; per group, the valid photos flagged; and
// whether rules (a)–(d) hold. Pure (shared/): `npm run audit:photos` (scripts/audit/photos.ts)
// computes with it, and /photo-check/accuracy reads the same types from accuracy.json.

export type Verdict = "pass" | "warn" | "fail";

/** Valid; wrong (the checks that must fail); malformed (the refusal); or borderline (the checks that
 *  should warn: a person must look, so neither a pass nor a refusal is the right answer). Borderline
 *  photos are neither valid nor wrong: they count in no group's rate and in no rule, only in their
 *  checks' borderline cells, which measure the warning band. */
export type Expectation = { valid: true } | { fails: string[] } | { refusal: string } | { borderline: string[] };

export interface AuditRecord {
  split: "calibration" | "test";
  /** Skin-tone group: mst1-3, mst4-6 or mst7-10. */
  group: string;
  expect: Expectation;
  /** The upload route's refusal code when the file never reached the checks. */
  refusal?: string;
  checks: { id: string; verdict: Verdict }[];
}

export interface CheckCell {
  /** Valid photos in the group, and those this check refused or warned about. */
  valid: number;
  falseRefusals: number;
  falseWarnings: number;
  /** Photos labelled with this check, and how it answered them. */
  wrong: number;
  caught: number;
  warnedOnly: number;
  misses: number;
  /** Borderline photos labelled with this check, and how many it warned on (right) or refused. */
  borderline?: number;
  borderlineWarned?: number;
  borderlineRefused?: number;
}

export interface GroupCell {
  valid: number;
  /** Valid photos refused (a check failed, or the file was refused), and warned but accepted. */
  refused: number;
  warned: number;
  /** (refused + warned) / valid, in percent, one decimal. */
  falseFlagPercent: number;
  /** Photos labelled wrong (a check to fail, or a refusal), and those refused. */
  wrong: number;
  wrongRefused: number;
}

export interface SplitTable {
  images: number;
  groups: Record<string, GroupCell>;
  checks: { id: string; groups: Record<string, CheckCell>; total: CheckCell }[];
  /** Labelled reasons no check in the pipeline gives a verdict on (e.g. uneven lighting). */
  notMeasured: { id: string; photos: number }[];
  malformed: { expected: number; refusedAsLabelled: number };
}

export interface Rules {
  a: boolean;
  b: boolean;
  c: boolean;
  d: boolean;
  /** The figures behind each rule. */
  validRefused: number;
  validWarned: number;
  valid: number;
  warnedPercent: number;
  wrongCaught: number;
  wrongMeasured: number;
  spreadPoints: number;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((1000 * part) / whole) / 10);
const isValid = (e: Expectation): e is { valid: true } => "valid" in e;
const failsOf = (e: Expectation) => ("fails" in e ? e.fails : []);
const borderlineOf = (e: Expectation) => ("borderline" in e ? e.borderline : []);
const emptyCell = (): CheckCell => ({
  valid: 0,
  falseRefusals: 0,
  falseWarnings: 0,
  wrong: 0,
  caught: 0,
  warnedOnly: 0,
  misses: 0,
  borderline: 0,
  borderlineWarned: 0,
  borderlineRefused: 0,
});

export function splitTable(records: readonly AuditRecord[], groups: readonly string[]): SplitTable {
  const measured = new Set(records.flatMap((r) => r.checks.map((c) => c.id)));
  const labelled = new Set(records.flatMap((r) => failsOf(r.expect)));
  const checkIds = [...measured];
  const table: SplitTable = {
    images: records.length,
    groups: {},
    checks: checkIds.map((id) => ({
      id,
      groups: Object.fromEntries(groups.map((g) => [g, emptyCell()])),
      total: emptyCell(),
    })),
    notMeasured: [...labelled]
      .filter((id) => !measured.has(id))
      .map((id) => ({ id, photos: records.filter((r) => failsOf(r.expect).includes(id)).length })),
    malformed: { expected: 0, refusedAsLabelled: 0 },
  };
  for (const g of groups)
    table.groups[g] = { valid: 0, refused: 0, warned: 0, falseFlagPercent: 0, wrong: 0, wrongRefused: 0 };
  for (const r of records) {
    const group = table.groups[r.group];
    if (!group) throw new Error(`audit: unknown skin-tone group ${r.group}`);
    const verdictOf = (id: string) => r.checks.find((c) => c.id === id)?.verdict;
    const refused = r.refusal !== undefined || r.checks.some((c) => c.verdict === "fail");
    const warned = !refused && r.checks.some((c) => c.verdict === "warn");
    if (isValid(r.expect)) {
      group.valid++;
      if (refused) group.refused++;
      else if (warned) group.warned++;
    } else if (!("borderline" in r.expect)) {
      group.wrong++;
      if (refused) group.wrongRefused++;
    }
    if ("refusal" in r.expect) {
      table.malformed.expected++;
      if (r.refusal === r.expect.refusal) table.malformed.refusedAsLabelled++;
    }
    for (const check of table.checks) {
      const cells = [check.groups[r.group]!, check.total];
      const verdict = verdictOf(check.id);
      for (const cell of cells) {
        if (isValid(r.expect)) {
          cell.valid++;
          if (verdict === "fail") cell.falseRefusals++;
          if (verdict === "warn") cell.falseWarnings++;
        } else if (failsOf(r.expect).includes(check.id)) {
          cell.wrong++;
          if (verdict === "fail") cell.caught++;
          else if (verdict === "warn") cell.warnedOnly++;
          else cell.misses++;
        } else if (borderlineOf(r.expect).includes(check.id)) {
          cell.borderline = (cell.borderline ?? 0) + 1;
          if (verdict === "warn") cell.borderlineWarned = (cell.borderlineWarned ?? 0) + 1;
          if (verdict === "fail") cell.borderlineRefused = (cell.borderlineRefused ?? 0) + 1;
        }
      }
    }
  }
  for (const g of Object.values(table.groups)) g.falseFlagPercent = percent(g.refused + g.warned, g.valid);
  return table;
}

/** Rules (a)–(d) of issue 15 on one split's table. (b) counts the labelled checks the pipeline
 *  measures and the malformed files; reasons no check measures are listed apart (notMeasured). */
export function rulesOf(table: SplitTable): Rules {
  const groups = Object.values(table.groups);
  const valid = groups.reduce((s, g) => s + g.valid, 0);
  const validRefused = groups.reduce((s, g) => s + g.refused, 0);
  const validWarned = groups.reduce((s, g) => s + g.warned, 0);
  const wrongMeasured = table.checks.reduce((s, c) => s + c.total.wrong, 0) + table.malformed.expected;
  const wrongCaught = table.checks.reduce((s, c) => s + c.total.caught, 0) + table.malformed.refusedAsLabelled;
  const rates = groups.filter((g) => g.valid > 0).map((g) => g.falseFlagPercent);
  const spreadPoints = rates.length ? Math.round(10 * (Math.max(...rates) - Math.min(...rates))) / 10 : 0;
  const warnedPercent = percent(validWarned, valid);
  return {
    a: valid > 0 && validRefused === 0,
    b: wrongMeasured > 0 && wrongCaught === wrongMeasured,
    c: valid > 0 && warnedPercent <= 5,
    d: rates.length === groups.length && spreadPoints <= 3,
    validRefused,
    validWarned,
    valid,
    warnedPercent,
    wrongCaught,
    wrongMeasured,
    spreadPoints,
  };
}

const mark = (ok: boolean) => (ok ? "true" : "FALSE");

/** The audit's one closing line. */
export function summaryLine(rules: Rules, images: number): string {
  return (
    `audit:photos test split, ${images} images: valid refused ${rules.validRefused}/${rules.valid}, ` +
    `valid warned ${rules.validWarned}/${rules.valid} (${rules.warnedPercent}%), ` +
    `wrong caught ${rules.wrongCaught}/${rules.wrongMeasured}, false-flag spread ${rules.spreadPoints} points; ` +
    `rules a ${mark(rules.a)}, b ${mark(rules.b)}, c ${mark(rules.c)}, d ${mark(rules.d)}`
  );
}
