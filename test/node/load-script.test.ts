// `npm run load` is run by hand, for figures; this runs it small in every `npm test` so that the
// script itself (its fixtures, the workerd start-up in scripts/load/workerd-portal.ts, the
// journey, the after-checks) cannot rot unnoticed between two measured runs.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

test("npm run load with 6 applicants and 2 officers: everyone finishes, no 5xx, every after-check true", {
  timeout: 300_000,
}, () => {
  const run = spawnSync(
    path.join(root, "node_modules", ".bin", "tsx"),
    ["scripts/load/index.ts", "--applicants", "6", "--concurrency", "3", "--officers", "2", "--max-seconds", "180"],
    {
      cwd: root,
      env: {
        ...process.env,
        PATH: `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env.PATH}`,
        FORCE_COLOR: "0",
      },
      encoding: "utf8",
      timeout: 280_000,
    },
  );
  const output = `${run.stdout}\n${run.stderr}`;
  assert.equal(run.status, 0, output);
  assert.match(output, /Starting the portal \(workerd alone/);
  assert.match(output, /Applicants: 6 finished, 0 failed, 0 not started/);
  assert.match(output, /Officers: 6 submissions accepted by 2 officers/);
  // Five fixtures take turns: one applicant's photo (a light grey background) warns and is acknowledged.
  assert.match(output, /POST \/api\/persons\/:id\/photo\/acknowledge\s+1\s/);
  const checks = output
    .slice(output.indexOf("After-checks"))
    .split("\n")
    .filter((line) => /^\s+(true|FALSE)\s/.test(line));
  assert.equal(checks.length, 9, output);
  assert.deepEqual(
    checks.filter((line) => line.includes("FALSE")),
    [],
  );
  assert.match(output, /every email in the outbox delivered exactly once \(12 emails, 0 not sent exactly once\)/);
});
