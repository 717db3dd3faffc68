// An officer made as an administrator would make one, for browser tests that need an officer.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Portal } from "./portal.ts";

export interface Officer {
  email: string;
  name: string;
  initialPassword: string;
  secret: string;
}

/**
 * `npm run admin -- officer create`: the TOTP secret from the enrolment it
 * prints, the initial password from the separate file it writes
 * (--password-file; it is never printed beside the enrolment).
 */
export async function createOfficer(portal: Portal, email: string, name: string, supervisor = false): Promise<Officer> {
  const dir = mkdtempSync(path.join(tmpdir(), "pr-officer-"));
  const file = path.join(dir, "initial-password.txt");
  try {
    const out = await portal.admin(
      "officer",
      "create",
      "--email",
      email,
      "--name",
      name,
      ...(supervisor ? ["--supervisor"] : []),
      "--password-file",
      file,
    );
    const secret = /^ {2}TOTP secret:\s+(\S+)$/m.exec(out)![1]!;
    return { email, name, initialPassword: readFileSync(file, "utf8").trim(), secret };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
