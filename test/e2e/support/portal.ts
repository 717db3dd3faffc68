// Starts the real portal (wrangler dev, local D1/R2/queue) on a free port with
// its own state directory, so browser tests never touch the developer's data.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

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
export function exec(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: env() });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} ${args.join(" ")} exited ${code}\n${out}\n${err}`)),
    );
  });
}

export interface Portal {
  url: string;
  stateDir: string;
  /** `npm run admin -- <args>` against this portal's state. */
  admin(...args: string[]): Promise<string>;
  /** The dev mailbox, newest first, secrets filled in. */
  mailbox(to?: string): Promise<{ id: number; kind: string; to: string; subject: string; text: string }[]>;
  stop(): Promise<void>;
}

/** `vars`: more variables for this portal's .dev.vars (e.g. a higher upload limit for a test that uploads many photos). */
export async function startPortal(vars: Record<string, string> = {}): Promise<Portal> {
  const dir = mkdtempSync(path.join(tmpdir(), "pr-portal-e2e-"));
  const stateDir = path.join(dir, "state");
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const envFile = path.join(dir, ".dev.vars");
  const extra = Object.entries(vars)
    .map(([name, value]) => `${name}=${value}\n`)
    .join("");
  writeFileSync(
    envFile,
    `ENVIRONMENT=development\nPUBLIC_ORIGIN=${url}\nJWT_SECRET=e2e-only-secret-${Math.random().toString(36).slice(2)}-0123456789abcdef\n${extra}`,
  );
  await exec(bin("wrangler"), ["d1", "migrations", "apply", "DB", "--local", "--persist-to", stateDir]);

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
    { cwd: root, env: env(), stdio: ["ignore", "pipe", "pipe"] },
  );
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));

  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/session`)).ok) break;
    } catch {}
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`portal did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 300));
  }

  return {
    url,
    stateDir,
    admin: (...args: string[]) => exec(bin("tsx"), ["scripts/admin/index.ts", ...args, "--state", stateDir]),
    async mailbox(to?: string) {
      const response = await fetch(`${url}/dev/mailbox?format=json${to ? `&to=${encodeURIComponent(to)}` : ""}`);
      return (
        (await response.json()) as {
          messages: { id: number; kind: string; to: string; subject: string; text: string }[];
        }
      ).messages;
    },
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
      if (child.exitCode === null) child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
