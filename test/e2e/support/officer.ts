// An officer made as an administrator would make one, for browser tests that need an officer.
import type { Portal } from "./portal.ts";

export interface Officer {
  email: string;
  name: string;
  initialPassword: string;
  secret: string;
}

/** `npm run admin -- officer create`, reading the initial password and TOTP secret it prints once. */
export async function createOfficer(portal: Portal, email: string, name: string, supervisor = false): Promise<Officer> {
  const out = await portal.admin("officer", "create", "--email", email, "--name", name, ...(supervisor ? ["--supervisor"] : []));
  const field = (label: string) => new RegExp(`^  ${label}:\\s+(\\S+)$`, "m").exec(out)![1]!;
  return { email, name, initialPassword: field("Initial password"), secret: field("TOTP secret") };
}
