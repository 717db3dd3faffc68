// `npm test`: everything, in the order a failure is cheapest to find.
//   0. lint and format check (`npm run lint`: biome check; one check in the closing count)
//   1. build the client (the worker serves it; tests need dist/client)
//   2. typecheck worker, client and scripts
//   3. worker unit + integration tests inside workerd (real D1, R2, queues)
//   4. admin CLI tests (the real CLI against a temporary local state) and Node-only tests (test/node)
//   5. browser tests in Debian's headless Chromium against `wrangler dev`; the keyboard and photo
//      editor journeys also in Debian's Firefox ESR (WebDriver BiDi), their tests named "(…, firefox)".
//      One file at a time for now (see the stage below), each with its own portal and state.
//      Then one check that every deliberate error the journeys' error watch lets through was provoked.
// Prints one closing line "N passed, N failed in M min S s" over all stages (the time is the whole run's).
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
const resultsDir = path.join(root, ".wrangler", "test-results");
mkdirSync(resultsDir, { recursive: true });

/** Runs a node:test suite, echoing its output and counting its results. */
function runNodeTests(label, args, env = {}) {
  console.log(`\n▶ ${label}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: childEnv({ FORCE_COLOR: "0", ...env }),
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on("exit", (code) => {
      const pass = Number(/^ℹ pass (\d+)/m.exec(output)?.[1] ?? 0);
      const fail = Number(/^ℹ fail (\d+)/m.exec(output)?.[1] ?? 0);
      totals.passed += pass;
      totals.failed += fail + (code !== 0 && fail === 0 ? 1 : 0);
      resolve(code);
    });
  });
}

/**
 * The browser test files, the longest first, so that two at a time finish together rather than one
 * long file running alone at the end. Durations measured in a whole run (test/README.md); a new file
 * not named here runs after these.
 */
function e2eFilesLongestFirst() {
  const longestFirst = [
    "accessibility",
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
  ];
  const files = readdirSync(path.join(root, "test/e2e")).filter((f) => f.endsWith(".test.ts"));
  const rank = (f) => {
    const i = longestFirst.indexOf(f.replace(/\.test\.ts$/, ""));
    return i === -1 ? longestFirst.length : i;
  };
  return files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((f) => `test/e2e/${f}`);
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
if (wants("typecheck")) await mustRun("Typechecking (tsc -b)", bin("tsc"), ["-b"]);

if (wants("workers")) {
  console.log("\n▶ Worker tests inside workerd");
  const json = path.join(resultsDir, "vitest.json");
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
      ],
      {
        cwd: root,
        env: childEnv(),
        stdio: "inherit",
      },
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

if (wants("admin")) {
  // Two files at a time: each has its own state directory (test/admin/support.ts), and one file's
  // CLI processes mostly wait on their own workerd start, so one file alone leaves a core idle.
  if (
    (await runNodeTests("Admin CLI tests", [
      "--import",
      "tsx",
      "--test",
      "--test-concurrency=2",
      "--test-reporter=spec",
      "test/admin/**/*.test.ts",
      "test/node/**/*.test.ts",
    ])) !== 0
  )
    failedStage = true;
}
if (wants("e2e")) {
  const deliberateDir = path.join(resultsDir, "deliberate-errors");
  rmSync(deliberateDir, { recursive: true, force: true });
  console.log("\n▶ Browser tests (headless Chromium; Firefox ESR for the keyboard and photo editor journeys)");
  // One file at a time: two at once were measured (16 min 41 s for the whole npm test instead of about
  // 21), but two `wrangler dev` starting together can both be handed the same internal port ("Address
  // already in use (socket direct:1:default)"), which failed a journey before it began. Two slots
  // again once startPortal retries that start.
  const browser = await runNodeTestFilesPooled(e2eFilesLongestFirst(), {
    slots: 1,
    args: ["--import", "tsx"],
    env: { E2E_DELIBERATE_ERRORS_DIR: deliberateDir },
  });
  totals.passed += browser.passed;
  totals.failed += browser.failed;
  if (!browser.ok) failedStage = true;
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

const seconds = Math.round((Date.now() - startedAt) / 1000);
console.log(`\n${totals.passed} passed, ${totals.failed} failed in ${Math.floor(seconds / 60)} min ${seconds % 60} s`);
process.exit(failedStage || totals.failed > 0 ? 1 : 0);
