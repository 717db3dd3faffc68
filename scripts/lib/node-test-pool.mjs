// Runs node:test files a few at a time, each in its own process, the given order first come first
// served. `node --test --test-concurrency=N` would do the pooling itself, but it sorts the files by
// name, so a long file named late runs alone at the end while a core idles; given longest first,
// the pool's slots finish close together. Each file's output is printed whole when it ends, so two
// files' lines never interleave, followed by one line with its outcome and time.
//
// A file never stalls the run: each runs in a process group of its own with a time limit; past it,
// the file and every process it started (wrangler and workerd, Chromium and Firefox, which put
// themselves in groups of their own) are killed and the file counts as failed, loudly. When a file
// ends, whatever it left behind in its group is killed too, and `--test-force-exit` ends a file whose
// tests are done even if a browser or a server it leaked still holds its event loop open.
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { childEnv, root } from "./run.mjs";

/** Long enough for the slowest browser file on a loaded machine, far short of CI's 90 minutes. */
export const DEFAULT_FILE_TIMEOUT_MS = 15 * 60_000;

/**
 * Runs `files` with `slots` at a time; resolves with the passed and failed counts over all of them
 * and whether every process exited 0. `args` go before each file (e.g. ["--import", "tsx"]);
 * `timeoutMs` is each file's limit.
 */
export async function runNodeTestFilesPooled(
  files,
  { slots, args = [], env = {}, timeoutMs = DEFAULT_FILE_TIMEOUT_MS },
) {
  const totals = { passed: 0, failed: 0, ok: true };
  const queue = [...files];
  async function slot() {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      const { code, output, timedOut, ms } = await runOne(file, args, env, timeoutMs);
      process.stdout.write(output);
      const pass = Number(/^ℹ pass (\d+)/m.exec(output)?.[1] ?? 0);
      const fail = Number(/^ℹ fail (\d+)/m.exec(output)?.[1] ?? 0);
      totals.passed += pass;
      // A process that failed without a failing test (a crash, a syntax error, a time-out) still
      // counts as one failure.
      totals.failed += fail + (code !== 0 && fail === 0 ? 1 : timedOut ? 1 : 0);
      if (code !== 0) totals.ok = false;
      if (timedOut)
        console.log(
          `\n✖ ${file} did not end within ${duration(timeoutMs)}: killed with every process it started (its output so far is above)`,
        );
      console.log(`${code === 0 ? "✔" : "✖"} ${file} (${duration(ms)})\n`);
    }
  }
  await Promise.all(Array.from({ length: slots }, slot));
  return totals;
}

function duration(ms) {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** The files' process groups still running, for the signal handlers below. */
const live = new Set();
let handlersInstalled = false;
function installSignalHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // The files run in groups of their own, so a Ctrl-C at the terminal does not reach them: pass it on.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"])
    process.on(signal, () => {
      for (const pid of live) killTree(pid);
      process.exit(130);
    });
  process.on("exit", () => {
    for (const pid of live) killTree(pid);
  });
}

function runOne(file, args, env, timeoutMs) {
  installSignalHandlers();
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...args, "--test", "--test-force-exit", "--test-reporter=spec", file], {
      cwd: root,
      // NODE_TEST_CONTEXT unset: run from inside a test (test/node/test-pool.test.ts), node:test would
      // otherwise take the file for a subprocess of that test's runner and run nothing.
      env: childEnv({ FORCE_COLOR: "0", NODE_TEST_CONTEXT: undefined, ...env }),
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group, so that what it leaves behind can be found and killed.
      detached: true,
    });
    live.add(child.pid);
    let output = "";
    let timedOut = false;
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child.pid);
    }, timeoutMs);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      // Anything still in its group (a wrangler it never stopped) goes with it.
      killGroup(child.pid);
      live.delete(child.pid);
      const finish = () =>
        resolve({ code: timedOut ? 1 : (code ?? (signal ? 1 : 0)), output, timedOut, ms: Date.now() - started });
      // The pipes close once every process holding them has gone; do not wait on one that escaped.
      const grace = setTimeout(finish, 5_000);
      child.on("close", () => {
        clearTimeout(grace);
        finish();
      });
    });
  });
}

function killGroup(pgid) {
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
    // The group is already empty.
  }
}

/**
 * Kills `pid`, everything it started however deep (read from /proc before any of it is killed, since
 * killed parents' children are handed to init), and its process group. Browsers put themselves in
 * groups of their own, so the group alone would miss them.
 */
function killTree(pid) {
  for (const descendant of descendants(pid)) {
    try {
      process.kill(descendant, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  killGroup(pid);
}

/** `pid` and its descendants, from /proc (Linux); just `pid` where there is no /proc. */
function descendants(pid) {
  const children = new Map();
  let entries = [];
  try {
    entries = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return [pid];
  }
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // It ended while being read.
    }
  }
  const found = [pid];
  for (let i = 0; i < found.length; i++) found.push(...(children.get(found[i]) ?? []));
  return found;
}
