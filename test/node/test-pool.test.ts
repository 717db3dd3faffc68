// npm test's pool of node:test files (scripts/lib/node-test-pool.mjs): a file that hangs is killed,
// with every process it started, and counted as a failure (a hang must never stall the run), and a
// file whose tests are done ends even when it leaked a process holding its event loop open.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { runNodeTestFilesPooled } from "../../scripts/lib/node-test-pool.mjs";

const dir = mkdtempSync(path.join(tmpdir(), "pr-test-pool-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A test file that starts `sleep` (in a group of its own when `detached`) and writes its pid to `pidFile`. */
function fileStartingSleep(name: string, body: string, pidFile: string, detached: boolean): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    `import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { test } from "node:test";
test("${name}", async () => {
  const child = spawn("sleep", ["600"], { stdio: ["ignore", "pipe", "pipe"], detached: ${detached} });
  writeFileSync(${JSON.stringify(pidFile)}, String(child.pid));
  ${body}
});
`,
  );
  return file;
}

function alive(pid: number): boolean {
  try {
    // A zombie (killed, not yet reaped by init) counts as gone.
    return !execFileSync("ps", ["-o", "stat=", "-p", String(pid)], { encoding: "utf8" }).startsWith("Z");
  } catch {
    return false;
  }
}

describe("npm test's pool of test files", () => {
  test("kills a file that runs past its time limit, and what it started, and counts it failed", {
    timeout: 60_000,
  }, async () => {
    const pidFile = path.join(dir, "hang.pid");
    // The browsers put themselves in process groups of their own: so does this sleep.
    const file = fileStartingSleep(
      "hang.test.mjs",
      "await new Promise(() => setInterval(() => {}, 1000));",
      pidFile,
      true,
    );
    const started = Date.now();
    const result = await runNodeTestFilesPooled([file], { slots: 1, timeoutMs: 4_000 });
    assert.ok(Date.now() - started < 30_000, "the pool waited for the hanging file");
    assert.equal(result.ok, false);
    assert.ok(result.failed >= 1, `failed: ${result.failed}`);
    const sleep = Number(readFileSync(pidFile, "utf8"));
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(alive(sleep), false, "the process the hanging file started is still running");
  });

  test("ends a file whose tests are done though it leaked a running process, and kills that process", {
    timeout: 60_000,
  }, async () => {
    const pidFile = path.join(dir, "leak.pid");
    const file = fileStartingSleep("leak.test.mjs", "", pidFile, false);
    const started = Date.now();
    const result = await runNodeTestFilesPooled([file], { slots: 1, timeoutMs: 50_000 });
    assert.ok(Date.now() - started < 30_000, "the pool waited for the leaked process");
    assert.deepEqual(result, { passed: 1, failed: 0, ok: true });
    const sleep = Number(readFileSync(pidFile, "utf8"));
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(alive(sleep), false, "the leaked process is still running");
  });
});
