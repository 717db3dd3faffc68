import { isAddressConfirmed } from "./email-confirmations.ts";
import type { Database } from "./db.ts";

/**
 * Where a family member hears of their own status (issue 17 point 6): their
 * own email address, when it is not already the address of the account that
 * acts for them (which gets the email anyway) and only once its owner has
 * confirmed it (the rule of worker/data/email-confirmations.ts: never an address its owner has not
 * confirmed). Null otherwise.
 */
export async function ownNoticeAddress(
  db: Database,
  person: { email: string },
  actingAccount: { email: string } | undefined,
): Promise<string | null> {
  const own = person.email.trim().toLowerCase();
  if (!own) return null;
  if (actingAccount && actingAccount.email.trim().toLowerCase() === own) return null;
  return (await isAddressConfirmed(db, own)) ? own : null;
}
