// `npm run audit:photos`: the fairness audit of the photo checks (issue 15 point 4, decision 019).
// Generates the calibration set if it is missing (scripts/fixtures/calibration/), runs the upload
// route's own validation on every image (worker/photo/validate-upload.ts in Node, as the admin
// CLI's `photo check` does: the same decoder WASM, face mesh and checks, so the same verdicts),
// prints per check and per skin-tone group the false refusals, false warnings and misses on the
// test split, the calibration split's confusion table, whether rules (a)–(d) hold, and ends with
// one summary line. Writes shared/photo/accuracy/accuracy.json, which /photo-check/accuracy shows.
//
//   npm run audit:photos [-- --set DIR] [--regenerate] [--no-write]
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { TONE_GROUPS } from "../fixtures/calibration/colour.ts";
import {
  CALIBRATION_DIR,
  type CalibrationSet,
  calibrationLabels,
  GENERATOR_VERSION,
  generateCalibrationSet,
} from "../fixtures/calibration/generate.ts";
import { VARIANTS } from "../fixtures/calibration/variants.ts";
import { registerWorkerModules } from "../lib/worker-modules.mjs";
import {
  type AuditRecord,
  rulesOf,
  type SplitTable,
  splitTable,
  summaryLine,
} from "../../shared/photo/accuracy/audit-table.ts";
import { formatSplit, formatValues } from "./photo-audit-print.ts";
import type { PhotoAccuracy } from "../../shared/photo/accuracy/index.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** Where the page reads the latest audit: beside the checks it measures, in shared/ so the client may import it. */
export const ACCURACY_JSON = path.join(root, "shared/photo/accuracy/accuracy.json");

const { values } = parseArgs({
  options: {
    set: { type: "string" },
    regenerate: { type: "boolean" },
    "no-write": { type: "boolean" },
  },
});
const setDir = path.resolve(values.set ?? CALIBRATION_DIR);
const labelsFile = path.join(setDir, "labels.json");

// The default set must be whole (a partial one drawn there by hand would publish a partial audit);
// a set named with --set may be a selection (generate.ts --faces/--tones/--variants), for tuning.
const current = (): CalibrationSet | undefined => {
  if (!existsSync(labelsFile)) return undefined;
  const set = JSON.parse(readFileSync(labelsFile, "utf8")) as CalibrationSet;
  if (set.version !== GENERATOR_VERSION) return undefined;
  return values.set || set.labels.length === calibrationLabels().length ? set : undefined;
};
let set = values.regenerate ? undefined : current();
if (!set) {
  process.stderr.write(`Generating the calibration set in ${path.relative(root, setDir)} (a few minutes)…\n`);
  set = await generateCalibrationSet(setDir);
}

registerWorkerModules();
const { validateUpload } = await import("../../worker/photo/validate-upload.ts");
const { MAX_PHOTO_BYTES } = await import("../../shared/photo/size-limit.ts");

const records: (AuditRecord & { file: string; values: Record<string, number> })[] = [];
const started = performance.now();
for (const [k, label] of set.labels.entries()) {
  const bytes = new Uint8Array(readFileSync(path.join(setDir, label.file)));
  const base = { file: label.file, split: label.split, group: label.group, expect: label.expect };
  if (bytes.byteLength > MAX_PHOTO_BYTES) records.push({ ...base, refusal: "photo_too_large", checks: [], values: {} });
  else {
    const result = await validateUpload(bytes);
    records.push(
      result.ok
        ? {
            ...base,
            checks: result.checks.map(({ id, verdict }) => ({ id, verdict })),
            values: Object.fromEntries(
              result.checks.filter((c) => typeof c.value === "number").map((c) => [c.id, c.value as number]),
            ),
          }
        : { ...base, refusal: result.refusal.code, checks: [], values: {} },
    );
  }
  if ((k + 1) % 50 === 0) process.stderr.write(`  ${k + 1}/${set.labels.length} images checked\n`);
}
const seconds = Math.round((performance.now() - started) / 1000);

const groups = TONE_GROUPS.map((g) => g.id);
const tables: Record<"test" | "calibration", SplitTable> = {
  test: splitTable(
    records.filter((r) => r.split === "test"),
    groups,
  ),
  calibration: splitTable(
    records.filter((r) => r.split === "calibration"),
    groups,
  ),
};
const rules = rulesOf(tables.test);
const summary = summaryLine(rules, tables.test.images);

const facesOf = (split: string) =>
  set.faces
    .filter((f) => f.split === split)
    .map((f) => f.person)
    .join(", ");
console.log(`Photo checks audit: ${records.length} images of ${set.faces.length} real faces, checked in ${seconds} s`);
console.log(`Test split (${facesOf("test")}): false refusals, false warnings and misses per check and skin-tone group`);
console.log(formatSplit(tables.test, groups));
console.log(`\nCalibration split (${facesOf("calibration")}): the same confusion table`);
console.log(formatSplit(tables.calibration, groups));
console.log("\nMeasured values on the calibration split, for choosing thresholds (min / median / max):");
console.log(formatValues(records.filter((r) => r.split === "calibration")));
const calibrationRules = rulesOf(tables.calibration);
console.log("\nRules on the test split:");
console.log(
  `  (a) no valid photo refused at any skin tone: ${rules.a} (${rules.validRefused} of ${rules.valid} refused)`,
);
console.log(
  `  (b) clearly wrong photos fail: ${rules.b} (${rules.wrongCaught} of ${rules.wrongMeasured} failed as labelled)`,
);
console.log(`  (c) warnings rare on valid photos (≤ 5%): ${rules.c} (${rules.warnedPercent}%)`);
console.log(`  (d) false-flag rates of the groups within 3 points: ${rules.d} (spread ${rules.spreadPoints} points)`);
console.log(
  `  (calibration split: a ${calibrationRules.a}, b ${calibrationRules.b}, c ${calibrationRules.c}, d ${calibrationRules.d})`,
);

// Only a whole set's audit is published: a selection's figures are not the page's.
const whole = set.labels.length === calibrationLabels().length;
if (!whole) console.log("\nA partial set (a selection): accuracy.json left as it was.");
if (!values["no-write"] && whole) {
  const accuracy = {
    ranOn: new Date().toISOString().slice(0, 10),
    set: {
      realFaces: set.faces.length,
      faces: set.faces.map(({ person, licence, split }) => ({ person, licence, split })),
      tones: 10,
      variants: VARIANTS.length,
      images: records.length,
      variantKinds: [...new Set(VARIANTS.map((v) => v.kind))],
    },
    groups,
    test: tables.test,
    calibration: tables.calibration,
    rules,
    summary,
  };
  writeFileSync(ACCURACY_JSON, `${JSON.stringify(accuracy satisfies PhotoAccuracy, null, 2)}\n`);
  // Committed with each run, so written as the project's formatter writes JSON (npm run lint checks it).
  execFileSync(path.join(root, "node_modules/.bin/biome"), ["format", "--write", ACCURACY_JSON], {
    cwd: root,
    stdio: "ignore",
  });
  console.log(`\nWrote ${path.relative(root, ACCURACY_JSON)}`);
}
console.log(summary);
