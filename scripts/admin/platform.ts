import { spawn } from "node:child_process";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "../../worker/data/db.ts";
import type { AppEnv } from "../../worker/env.ts";
import { CommandFailure } from "./errors.ts";

/*
 * How the CLI reaches the portal's data: through wrangler's getPlatformProxy,
 * which gives Node the same D1 and R2 bindings the worker gets, from the same
 * wrangler.toml. Locally they are miniflare's files under the state
 * directory, the very files `wrangler dev` (npm start) uses, so the CLI and
 * a running portal see one database. With --remote they are the deployed
 * resources.
 *
 * Persistence paths (checked by experiment with wrangler 4.164): wrangler's
 * `--persist-to DIR` stores under `DIR/v3`, while getPlatformProxy's
 * `persist.path` is used as given. So the CLI's `--state DIR` means what
 * `--persist-to DIR` means (default `.wrangler/state`), and the proxy is
 * given `DIR/v3`.
 */

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WRANGLER_CONFIG = path.join(PROJECT_ROOT, "wrangler.toml");
const DEFAULT_STATE_DIR = path.join(PROJECT_ROOT, ".wrangler", "state");
const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "migrations");

export interface PlatformOptions {
  remote: boolean;
  /** Local state directory as wrangler's --persist-to understands it. */
  state?: string;
}

export interface Platform {
  env: AppEnv;
  db: Database;
  remote: boolean;
  /** Where local data lives (wrangler --persist-to form), or null when remote. */
  stateDir: string | null;
}

/** Progress and warnings go to stderr, so stdout stays parseable (mail --json). */
export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** The state directory in wrangler's --persist-to form; a trailing `v3` is accepted and dropped. */
function resolveStateDir(state: string | undefined): string {
  if (!state) return DEFAULT_STATE_DIR;
  const resolved = path.resolve(state);
  return path.basename(resolved) === "v3" ? path.dirname(resolved) : resolved;
}

/**
 * Opens the bindings, runs `use`, and always disposes of the proxy (it owns
 * a workerd child process that would otherwise keep Node alive).
 */
export async function withPlatform<T>(options: PlatformOptions, use: (platform: Platform) => Promise<T>): Promise<T> {
  if (options.remote) return withRemotePlatform(use);
  const { database } = await import("../../worker/data/db.ts");
  const stateDir = resolveStateDir(options.state);
  await mkdir(stateDir, { recursive: true });

  let proxy: Awaited<ReturnType<typeof openLocalProxy>> | null = await openLocalProxy(stateDir);
  try {
    const pending = await pendingMigrations(proxy.env.DB);
    if (pending.length > 0) {
      // wrangler applies them (the same tool and bookkeeping as
      // `npm run db:migrate:local`); the proxy is closed meanwhile so that
      // only one process has the database files open while the schema changes.
      const closing = proxy;
      proxy = null;
      await closing.dispose();
      note(`Applying ${pending.length} migration(s) to the local database in ${displayPath(stateDir)} …`);
      await applyLocalMigrations(stateDir);
      proxy = await openLocalProxy(stateDir);
      const still = await pendingMigrations(proxy.env.DB);
      if (still.length > 0)
        throw new CommandFailure(`migrations still pending after wrangler ran: ${still.join(", ")}`);
    }
    return await use({ env: proxy.env, db: database(proxy.env.DB), remote: false, stateDir });
  } finally {
    await proxy?.dispose();
  }
}

function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative && !relative.startsWith("..") ? relative : dir;
}

// wrangler (and drizzle, above) are loaded only when a command needs the
// bindings: they take seconds to import, and --help or a usage error should
// not wait for them. Required rather than imported: wrangler is one 15 MB
// CommonJS file, which `import()` first scans for its export names (about
// 0.8 s of CPU per command, measured under tsx; the admin and browser tests
// run the CLI about a hundred times).
async function loadGetPlatformProxy() {
  const wrangler = createRequire(import.meta.url)("wrangler") as typeof import("wrangler");
  return wrangler.getPlatformProxy;
}

async function openLocalProxy(stateDir: string) {
  const getPlatformProxy = await loadGetPlatformProxy();
  return quietly(() =>
    getPlatformProxy<AppEnv>({
      configPath: WRANGLER_CONFIG,
      persist: { path: path.join(stateDir, "v3") },
      remoteBindings: false,
    }),
  );
}

async function withRemotePlatform<T>(use: (platform: Platform) => Promise<T>): Promise<T> {
  const configDir = path.join(PROJECT_ROOT, ".wrangler", "admin");
  await mkdir(configDir, { recursive: true });
  const configPath = path.join(configDir, `wrangler.remote.${process.pid}.toml`);
  await writeFile(configPath, remoteConfigText(await readFile(WRANGLER_CONFIG, "utf8"), PROJECT_ROOT));
  try {
    note("Using the deployed D1 database and R2 bucket (--remote).");
    const getPlatformProxy = await loadGetPlatformProxy();
    const proxy = await quietly(() => getPlatformProxy<AppEnv>({ configPath, remoteBindings: true }));
    try {
      const pending = await pendingMigrations(proxy.env.DB);
      if (pending.length > 0) {
        throw new CommandFailure(
          `the remote database has ${pending.length} migration(s) not applied (${pending.join(", ")}). ` +
            "Migrations are not applied automatically to the deployed database: run `npx wrangler d1 migrations apply DB --remote` first.",
        );
      }
      const { database } = await import("../../worker/data/db.ts");
      return await use({ env: proxy.env, db: database(proxy.env.DB), remote: true, stateDir: null });
    } finally {
      await proxy.dispose();
    }
  } finally {
    await rm(configPath, { force: true });
  }
}

/**
 * A copy of wrangler.toml whose D1 and R2 bindings point at the deployed
 * resources (`remote = true`). The copy lives under .wrangler/, so the
 * paths in it (main, assets, migrations) are made absolute.
 */
export function remoteConfigText(toml: string, root: string): string {
  const out: string[] = [];
  for (const line of toml.split(/\r?\n/)) {
    const pathSetting = /^(\s*(?:main|directory|migrations_dir)\s*=\s*)"([^"]*)"(.*)$/.exec(line);
    if (pathSetting && !path.isAbsolute(pathSetting[2]!)) {
      out.push(`${pathSetting[1]}${JSON.stringify(path.join(root, pathSetting[2]!))}${pathSetting[3]}`);
      continue;
    }
    out.push(line);
    if (/^\s*\[\[\s*(d1_databases|r2_buckets)\s*\]\]\s*(#.*)?$/.test(line)) out.push("remote = true");
  }
  return out.join("\n");
}

/**
 * Migration files (NNNN_name.sql) that the database's d1_migrations table does not list. Only reads,
 * so it is tried again when SQLite says the database is busy: a running `npm start` (or a test's
 * portal) may be writing at that instant, and workerd's local D1 answers SQLITE_BUSY at once instead
 * of waiting.
 */
async function pendingMigrations(db: D1Database): Promise<string[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readPendingMigrations(db);
    } catch (error) {
      if (attempt >= 6 || !/SQLITE_BUSY|database is locked|internal error/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    }
  }
}

async function readPendingMigrations(db: D1Database): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_.+\.sql$/.test(f)).sort();
  const table = await db
    .prepare("select name from sqlite_master where type = 'table' and name = 'd1_migrations'")
    .first();
  if (!table) return files;
  const applied = new Set(
    (await db.prepare("select name from d1_migrations").all<{ name: string }>()).results.map((r) => r.name),
  );
  return files.filter((f) => !applied.has(f));
}

function wranglerBin(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("wrangler/package.json")), "bin", "wrangler.js");
}

/**
 * `wrangler d1 migrations apply DB --local --persist-to DIR`, run with this
 * process's Node (wrangler needs ≥ 22.12; the system node may be older).
 * Its output is shown only when it fails.
 */
async function applyLocalMigrations(stateDir: string): Promise<void> {
  const args = [
    wranglerBin(),
    "d1",
    "migrations",
    "apply",
    "DB",
    "--local",
    "--persist-to",
    stateDir,
    "--config",
    WRANGLER_CONFIG,
  ];
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) {
    process.stderr.write(Buffer.concat(output));
    throw new CommandFailure(`wrangler d1 migrations apply failed (exit code ${code})`);
  }
}

/**
 * Runs `start` with console.log and console.info sent to stderr: wrangler
 * and miniflare log through them, and stdout belongs to the command's output.
 */
async function quietly<T>(start: () => Promise<T>): Promise<T> {
  const { log, info } = console;
  console.log = (...args: unknown[]) => console.error(...args);
  console.info = (...args: unknown[]) => console.error(...args);
  try {
    return await start();
  } finally {
    console.log = log;
    console.info = info;
  }
}
