import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Platform, withPlatform } from "../../scripts/admin/platform.ts";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SAMPLES = path.join(ROOT, "scripts/admin/samples");
export const INVITATION_SUBJECT =
  "IRCC - Permanent Residence Portal (PR Confirmation) / Portail de résidence permanente (Confirmation de la RP)";

export interface CliResult {
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
      env: { ...process.env, USER: "admin-test", NO_COLOR: "1" },
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

/** A fresh, empty state directory (wrangler --persist-to form) and its clean-up. */
export async function temporaryState(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "pr-admin-test-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
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
