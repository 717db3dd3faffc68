// Starts the real portal (wrangler dev, local D1/R2/queue) on a free port with
// its own state directory, so browser tests never touch the developer's data.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { COMPILE_CACHE, migratedTemplate } from "../../admin/support.ts";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function env(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env.PATH}`,
    WRANGLER_SEND_METRICS: "false",
    FORCE_COLOR: "0",
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Runs a command to completion; rejects with its output if it fails. */
export function exec(command: string, args: string[], extraEnv: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: { ...env(), ...extraEnv } });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(" ")} exited ${code}\n${out}\n${err}`)),
    );
  });
}

export interface MailboxMessage {
  id: number;
  kind: string;
  to: string;
  subject: string;
  text: string;
}

export interface Portal {
  url: string;
  stateDir: string;
  /** `npm run admin -- <args>` against this portal's state. */
  admin(...args: string[]): Promise<string>;
  /** The dev mailbox, newest first, secrets filled in. */
  mailbox(to?: string): Promise<MailboxMessage[]>;
  /**
   * The dev mailbox's messages to `to` once `ready` holds for them, or as they are after 20 s: an
   * email may be written after the answer that causes it (enqueued once the response is sent). The
   * journeys read their emails here rather than through `npm run admin -- mail`, which cost a
   * wrangler proxy and a workerd start (about 4 s of CPU) per read; the admin tests cover that command.
   */
  mailboxWhen(to: string, ready: (messages: MailboxMessage[]) => boolean): Promise<MailboxMessage[]>;
  stop(): Promise<void>;
}

/** The wrangler dev processes still running, killed if this process exits without stopping them. */
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) killGroup(child, "SIGKILL");
});

/** wrangler dev runs in a process group of its own (with its workerd and esbuild), killed as one. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // The group has already gone (or, on Windows, there are no groups: kill the process alone).
    child.kill(signal);
  }
}

async function stopWrangler(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    killGroup(child, "SIGTERM");
    const exited = new Promise((r) => child.once("exit", r));
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2_000))]);
  }
  // Its workerd too, even if wrangler itself has already exited.
  killGroup(child, "SIGKILL");
  running.delete(child);
}

/** How many times a portal is started afresh (new ports, new process) before the test gives up. */
const START_ATTEMPTS = 3;

/**
 * One `wrangler dev` on a free port; resolves once it answers, or rejects with its log after
 * stopping it (never leaving it running). Two started at once can be handed the same internal
 * port ("Address already in use (socket direct:1:default)"), and the free port found here can be
 * taken before wrangler binds it: such a start fails, and startPortal tries again.
 */
async function startWrangler(dir: string, stateDir: string, vars: Record<string, string>, port: number) {
  const url = `http://localhost:${port}`;
  const envFile = path.join(dir, ".dev.vars");
  const extra = Object.entries(vars)
    .map(([name, value]) => `${name}=${value}\n`)
    .join("");
  writeFileSync(
    envFile,
    `ENVIRONMENT=development\nPUBLIC_ORIGIN=${url}\nJWT_SECRET=e2e-only-secret-${Math.random().toString(36).slice(2)}-0123456789abcdef\n${extra}`,
  );
  const child: ChildProcess = spawn(
    bin("wrangler"),
    [
      "dev",
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--persist-to",
      stateDir,
      "--env-file",
      envFile,
      "--show-interactive-dev-session=false",
    ],
    // A group of its own, so that stopping it stops its workerd too.
    { cwd: root, env: env(), stdio: ["ignore", "pipe", "pipe"], detached: process.platform !== "win32" },
  );
  running.add(child);
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (Date.now() > deadline || child.exitCode !== null || /Address already in use/.test(log)) {
      await stopWrangler(child);
      throw new Error(`portal did not start on port ${port}:\n${log}`);
    }
    try {
      // With a time limit: whatever else holds the port may accept and never answer.
      if ((await fetch(`${url}/api/session`, { signal: AbortSignal.timeout(5_000) })).ok) return { url, child };
    } catch {}
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * `vars`: more variables for this portal's .dev.vars (e.g. a higher upload limit for a test that
 * uploads many photos). `choosePort`: where each attempt listens (a free port; e2e/portal-start.test.ts
 * hands it a taken one to show a failed start is retried and leaves nothing running).
 */
export async function startPortal(
  vars: Record<string, string> = {},
  { choosePort = freePort }: { choosePort?: () => Promise<number> } = {},
): Promise<Portal> {
  const dir = mkdtempSync(path.join(tmpdir(), "pr-portal-e2e-"));
  const stateDir = path.join(dir, "state");
  // A copy of the migrated state the admin tests copy too, built once per set of migrations:
  // `wrangler d1 migrations apply` here cost each browser file about 10 s of CPU.
  cpSync(await migratedTemplate(), stateDir, { recursive: true });

  let started: { url: string; child: ChildProcess } | undefined;
  const failures: string[] = [];
  for (let attempt = 1; started === undefined; attempt++) {
    try {
      started = await startWrangler(dir, stateDir, vars, await choosePort());
    } catch (error) {
      failures.push(`attempt ${attempt}: ${(error as Error).message}`);
      if (attempt === START_ATTEMPTS) {
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`portal did not start in ${START_ATTEMPTS} attempts:\n${failures.join("\n")}`);
      }
      console.error(`portal start failed, trying again with new ports:\n${(error as Error).message}`);
    }
  }
  const { url, child } = started;
  async function mailbox(to?: string): Promise<MailboxMessage[]> {
    const response = await fetch(`${url}/dev/mailbox?format=json${to ? `&to=${encodeURIComponent(to)}` : ""}`);
    return ((await response.json()) as { messages: MailboxMessage[] }).messages;
  }

  return {
    url,
    stateDir,
    // With this process's Node and the admin tests' compile cache (wrangler's bundle compiled once).
    admin: (...args: string[]) =>
      exec(process.execPath, ["--import", "tsx", "scripts/admin/index.ts", ...args, "--state", stateDir], {
        NODE_COMPILE_CACHE: COMPILE_CACHE,
      }),
    mailbox,
    async mailboxWhen(to: string, ready: (messages: MailboxMessage[]) => boolean) {
      for (const deadline = Date.now() + 20_000; ; await new Promise((r) => setTimeout(r, 100))) {
        const messages = await mailbox(to);
        if (ready(messages) || Date.now() > deadline) return messages;
      }
    },
    async stop() {
      await stopWrangler(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
