import { print } from "../command.ts";
import { EXIT } from "../errors.ts";
import type { Platform } from "../platform.ts";

/** The officer with this email, or a printed refusal (exit 1) when there is none. */
export async function officerOr(db: Platform["db"], email: string) {
  const { findOfficerByEmail } = await import("../../../worker/data/officers.ts");
  const officer = await findOfficerByEmail(db, email);
  if (!officer) print(`No officer has the email ${email}. Nothing was changed.`);
  return officer ?? null;
}

export const NOT_FOUND = EXIT.failed;
