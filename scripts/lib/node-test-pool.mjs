// Runs node:test files a few at a time, each in its own process, the given order first come first
// served. `node --test --test-concurrency=N` would do the pooling itself, but it sorts the files by
// name, so a long file named late runs alone at the end while a core idles; given longest first,
// the pool's slots finish close together. Each file's output is printed whole when it ends, so two
// files' lines never interleave.
import { spawn } from "node:child_process";
import { childEnv, root } from "./run.mjs";

/**
 * Runs `files` with `slots` at a time; resolves with the passed and failed counts over all of them
 * and whether every process exited 0. `args` go before each file (e.g. ["--import", "tsx"]).
 */
export async function runNodeTestFilesPooled(files, { slots, args = [], env = {} }) {
  const totals = { passed: 0, failed: 0, ok: true };
  const queue = [...files];
  async function slot() {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const { code, output } = await runOne(file, args, env);
      process.stdout.write(output);
      const pass = Number(/^ℹ pass (\d+)/m.exec(output)?.[1] ?? 0);
      const fail = Number(/^ℹ fail (\d+)/m.exec(output)?.[1] ?? 0);
      totals.passed += pass;
      // A process that failed without a failing test (a crash, a syntax error) still counts as one failure.
      totals.failed += fail + (code !== 0 && fail === 0 ? 1 : 0);
      if (code !== 0) totals.ok = false;
    }
  }
  await Promise.all(Array.from({ length: slots }, slot));
  return totals;
}

function runOne(file, args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...args, "--test", "--test-reporter=spec", file], {
      cwd: root,
      env: childEnv({ FORCE_COLOR: "0", ...env }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("exit", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}
