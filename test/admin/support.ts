import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Platform, withPlatform } from "../../scripts/admin/platform.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SAMPLES = path.join(ROOT, "scripts/admin/samples");
export const INVITATION_SUBJECT =
  "IRCC - Permanent Residence Portal (PR Confirmation) / Portail de résidence permanente (Confirmation de la RP)";

interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI (`scripts/admin/index.ts` through tsx, with this
 * process's Node) as a child process, as `npm run admin -- …` would.
 */
export function runAdmin(args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/admin/index.ts"), ...args], {
      cwd: ROOT,
      // NODE_COMPILE_CACHE: each CLI process compiles wrangler's bundle again otherwise (Node 22 keeps V8's code cache there).
      env: { ...process.env, USER: "admin-test", NO_COLOR: "1", NODE_COMPILE_CACHE: COMPILE_CACHE },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * A state directory of its own (wrangler --persist-to form) and its clean-up. By default it is a
 * copy of a state with every migration applied and nothing else; `{ fresh: true }` gives an empty
 * one, for the tests of the CLI applying the migrations itself (admin/import, admin/maintenance).
 */
export async function temporaryState(
  options: { fresh?: boolean } = {},
): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pr-admin-test-"));
  if (!options.fresh) await cp(await migratedTemplate(), dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

const TEMPLATES = path.join(ROOT, ".wrangler", "admin-test-states");
/** V8's code cache for the CLI's processes (NODE_COMPILE_CACHE), shared with the browser files' `portal.admin`. */
export const COMPILE_CACHE = path.join(ROOT, ".wrangler", "admin-test-compile-cache");

/**
 * The migrated state every test file copies (the admin files here, the browser files' portals in
 * e2e/support/portal.ts): made once, by the CLI's own path (withPlatform applies pending migrations
 * through wrangler), for this set of migrations and this wrangler. Applying them costs a wrangler
 * process and two workerd starts (about 10 s of CPU), which each test file paid before. Test files
 * run in parallel may build it at the same time: each builds in a directory of its own and the
 * first rename wins.
 */
export async function migratedTemplate(): Promise<string> {
  const migrations = path.join(ROOT, "migrations");
  const hash = createHash("sha256").update(await readFile(path.join(ROOT, "node_modules", "wrangler", "package.json")));
  for (const file of (await readdir(migrations)).filter((f) => f.endsWith(".sql")).sort())
    hash.update(file).update(await readFile(path.join(migrations, file)));
  const template = path.join(TEMPLATES, hash.digest("hex").slice(0, 16));
  if (existsSync(template)) return template;
  await mkdir(TEMPLATES, { recursive: true });
  const building = await mkdtemp(path.join(TEMPLATES, "building-"));
  await withPlatform({ remote: false, state: building }, async () => undefined);
  try {
    await rename(building, template);
  } catch (error) {
    if (!existsSync(template)) throw error;
    await rm(building, { recursive: true, force: true });
  }
  return template;
}

export async function writeTemporaryFile(dir: string, name: string, content: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

/** Opens the same bindings the CLI uses, to check what a command wrote. */
export function inspect<T>(stateDir: string, use: (platform: Platform) => Promise<T>): Promise<T> {
  return withPlatform({ remote: false, state: stateDir }, use);
}

export interface MailItem {
  id: number;
  kind: string;
  to: string;
  from: string;
  subject: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
  text: string;
  html: string;
}

/** `mail --json`: stdout must be exactly one JSON array. */
export async function mailJson(stateDir: string, ...extra: string[]): Promise<MailItem[]> {
  const result = await runAdmin(["mail", "--json", "--state", stateDir, ...extra]);
  if (result.code !== 0) throw new Error(`mail --json exited ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as MailItem[];
}

/** The invitation token in an invitation email's link. */
export function invitationToken(mail: MailItem): string {
  const match = /\/invitation\?lang=en#token=([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in message #${mail.id}`);
  return match[1]!;
}
