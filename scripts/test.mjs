// `npm test`: everything, in the order a failure is cheapest to find.
//   0. lint and format check (`npm run lint`: biome check; one check in the closing count)
//   1. build the client (the worker serves it; tests need dist/client)
//   2. typecheck worker, client and scripts
//   3. worker unit + integration tests inside workerd (real D1, R2, queues): most files sharing one
//      runtime per worker, the files that read every row each in its own
//   4. browser tests in Debian's headless Chromium against `wrangler dev`, each file with its own
//      portal and state; the keyboard and photo editor journeys also in Debian's Firefox ESR (WebDriver
//      BiDi), their tests named "(…, firefox)"; then, in the same pool of two files at a time, the
//      admin CLI tests (the real CLI against a temporary local state) and the Node-only tests
//      (test/node), which fill the slots while the last browser files end.
//      Then one check that every deliberate error the journeys' error watch lets through was provoked.
// Prints each stage's time, then one closing line "N passed, N failed in M min S s" over all stages
// (the time is the whole run's).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { runNodeTestFilesPooled } from "./lib/node-test-pool.mjs";
import { bin, childEnv, mustRun, root, run } from "./lib/run.mjs";
import { requireProjectNode } from "./lib/node-version.mjs";

requireProjectNode();
const startedAt = Date.now();

const only = process.argv.slice(2);
const wants = (stage) => only.length === 0 || only.includes(stage);
const totals = { passed: 0, failed: 0 };
/** Each stage's name and time, printed before the closing line. */
const stageTimes = [];
let stageStartedAt = Date.now();
function stageEnded(name) {
  stageTimes.push(`${name} ${minutesAndSeconds(Date.now() - stageStartedAt)}`);
  stageStartedAt = Date.now();
}
function minutesAndSeconds(ms) {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
const resultsDir = path.join(root, ".wrangler", "test-results");
mkdirSync(resultsDir, { recursive: true });

/**
 * The browser test files, then the admin CLI and Node test files, the longest first, so that two at
 * a time finish together rather than one long file running alone at the end. Durations measured in
 * a whole run (the pool prints each file's); a new file not named here runs after the named ones of
 * its kind.
 */
function poolFilesLongestFirst() {
  const browserLongestFirst = [
    "accessibility",
    "beyond-states",
    "beyond-journey",
    "officer-review",
    "confirmation-journey",
    "photo-formats",
    "keyboard-journey",
    "photo-verdicts",
    "account-journey",
    "phone-journey",
    "throttle-messages",
    "language",
    "photo-editor",
    "hostile-text",
    "firefox-offline",
    "face-mesh-browsers",
    "portal-start",
  ].map((name) => `e2e/${name}`);
  // Measured in one run (load average about 25); the other admin and Node files are shorter.
  const adminAndNodeLongestFirst = [
    "admin/invite-mail",
    "admin/officer",
    "admin/reset-temp-password",
    "admin/import",
    "node/load-script",
    "admin/seed-demo",
    "admin/cards-audit",
    "admin/maintenance",
    "admin/photo-check",
    "admin/csv-injection",
    "node/mesh-measures",
    "node/calibration-set",
    "admin/help",
  ];
  const order = [...browserLongestFirst, ...adminAndNodeLongestFirst];
  const rank = (name) => {
    const i = order.indexOf(name);
    if (i !== -1) return i;
    // Not named: a browser file after the named ones, an admin or Node file last.
    return name.startsWith("e2e/") ? browserLongestFirst.length - 0.5 : order.length;
  };
  return ["e2e", "admin", "node"]
    .flatMap((folder) =>
      readdirSync(path.join(root, "test", folder))
        .filter((f) => f.endsWith(".test.ts"))
        .map((f) => `${folder}/${f.replace(/\.test\.ts$/, "")}`),
    )
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((name) => `test/${name}.test.ts`);
}

/** The deliberate errors (test/e2e/support/error-watch.ts) that no journey file recorded provoking. */
function unprovokedDeliberateErrors(dir) {
  const listed = new Set();
  const provoked = new Set();
  for (const file of existsSync(dir) ? readdirSync(dir) : []) {
    const record = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
    for (const name of record.listed) listed.add(name);
    for (const name of record.provoked) provoked.add(name);
  }
  return [...listed].filter((name) => !provoked.has(name));
}

let failedStage = false;
if (wants("lint")) {
  console.log("\n▶ Lint and format (npm run lint: biome check)");
  const code = await run(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "--silent", "lint"]);
  if (code === 0) totals.passed += 1;
  else {
    totals.failed += 1;
    failedStage = true;
  }
  stageEnded("lint");
}
// The real faces the photo fixtures need, neutral and smiling (generated, not committed:
// scripts/fixtures/face-source.ts).
if (
  !["face-source.bin", "face-source-smiling.bin"].every((f) => existsSync(path.join(root, "test/fixtures/photos", f)))
)
  await mustRun("Preparing the real-face photo fixtures", bin("tsx"), ["scripts/fixtures/face-source.ts"]);
// The face mesh's models, cut out of @mediapipe/face_mesh (fast, checks them when present), and the two
// whole real photos its tests measure (scripts/fixtures/face-mesh-photos.ts; neither is committed).
await mustRun("Preparing the face-mesh models", process.execPath, ["scripts/face-mesh-models.mjs"]);
if (!["astronaut.bin", "grace-hopper.bin"].every((f) => existsSync(path.join(root, "test/fixtures/photos", f))))
  await mustRun("Preparing the face-mesh photos", bin("tsx"), ["scripts/fixtures/face-mesh-photos.ts"]);
if (wants("build")) await mustRun("Building the client", process.execPath, ["scripts/build-client.mjs"]);
stageEnded("fixtures and build");
if (wants("typecheck")) {
  await mustRun("Typechecking (tsc -b)", bin("tsc"), ["-b"]);
  stageEnded("typecheck");
}

/** Runs vitest on the given files (path filters) with extra options, counting its results. */
async function runVitest(name, options, filters) {
  const json = path.join(resultsDir, `vitest-${name}.json`);
  rmSync(json, { force: true });
  const code = await new Promise((resolve) => {
    const child = spawn(
      bin("vitest"),
      [
        "run",
        "--config",
        "test/vitest.config.ts",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${json}`,
        ...options,
        ...filters,
      ],
      { cwd: root, env: childEnv(), stdio: "inherit" },
    );
    child.on("exit", (c) => resolve(c ?? 1));
  });
  try {
    const report = JSON.parse(readFileSync(json, "utf8"));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  } catch {
    totals.failed += 1;
  }
  if (code !== 0) failedStage = true;
}

if (wants("workers")) {
  // Most worker test files share one workerd per vitest worker (--no-isolate): a workerd start, the
  // worker's modules and the migrations paid once a worker instead of once a file (about 3.7 s a
  // file here). They make their own rows and read only those, so other files' rows before them
  // change nothing (checked for all of them in one runtime, in three orders). A file that reads or
  // acts on every row (the daily job's purge and sweep, the metrics, /transparency, the decoders'
  // memory) says so in a line `// Needs its own workerd and storage: <why>` and keeps a workerd and
  // storage of its own. Measured on the quiet machine: the files with bindings took 281 s each in
  // its own workerd, 139 s sharing (test/README.md).
  // Every test file under test/unit and test/integration, in any folder (attack/, faults/, new ones).
  const workerFiles = ["test/unit", "test/integration"].flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true })
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => `${dir}/${f}`)
      .sort(),
  );
  const needsOwnRuntime = (file) =>
    /^\/\/ Needs its own workerd and storage: /m.test(readFileSync(path.join(root, file), "utf8"));
  console.log("\n▶ Worker tests inside workerd, sharing one runtime per worker (real D1, R2, queues)");
  await runVitest(
    "shared",
    ["--no-isolate"],
    workerFiles.filter((f) => !needsOwnRuntime(f)),
  );
  console.log("\n▶ Worker tests that read every row, each in its own runtime and storage");
  await runVitest("isolated", [], workerFiles.filter(needsOwnRuntime));
  stageEnded("workers");
}

if (wants("e2e") || wants("admin")) {
  const deliberateDir = path.join(resultsDir, "deliberate-errors");
  rmSync(deliberateDir, { recursive: true, force: true });
  console.log(
    "\n▶ Browser tests (headless Chromium; Firefox ESR for the keyboard and photo editor journeys), then admin CLI and Node tests, two files at a time",
  );
  // Two files at a time, on two cores: each browser file has its own portal and state, each admin
  // file its own state directory (test/admin/support.ts), so no two files share anything. Two
  // `wrangler dev` starting together were once handed the same internal port ("Address already in
  // use (socket direct:1:default)"): startPortal now starts such a portal again on new ports, and the
  // pool kills a file that hangs (scripts/lib/node-test-pool.mjs). Not three: measured in CPU seconds
  // (issue 16 point 7, test/README.md), a file of this pool keeps about one core busy for its whole
  // time, so a third slot, or the workers stage beside the pool, would only share the same two cores.
  const files = poolFilesLongestFirst().filter((file) => wants(file.startsWith("test/e2e/") ? "e2e" : "admin"));
  const pool = await runNodeTestFilesPooled(files, {
    slots: 2,
    args: ["--import", "tsx"],
    env: { E2E_DELIBERATE_ERRORS_DIR: deliberateDir },
  });
  totals.passed += pool.passed;
  totals.failed += pool.failed;
  if (!pool.ok) failedStage = true;
  if (wants("e2e")) {
    // One more check over the whole browser stage: every deliberate error the watch lets through
    // (test/e2e/support/error-watch.ts) must be provoked by some journey, or it is a hole in the watch.
    const unprovoked = unprovokedDeliberateErrors(deliberateDir);
    if (unprovoked.length === 0) totals.passed += 1;
    else {
      console.log(
        `\n✖ deliberate errors no journey provoked (remove them from error-watch.ts):\n  ${unprovoked.join("\n  ")}`,
      );
      totals.failed += 1;
      failedStage = true;
    }
  }
  stageEnded("browser, admin and Node files");
}

console.log(`\nStage times: ${stageTimes.join(", ")}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed in ${minutesAndSeconds(Date.now() - startedAt)}`);
process.exit(failedStage || totals.failed > 0 ? 1 : 0);
