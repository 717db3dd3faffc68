import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accounts } from "./accounts.ts";
import { createdAt } from "./common.ts";
import { representatives } from "./representatives.ts";

/**
 * Email addresses whose owner showed they receive mail there: by answering
 * the invitation sent to the address IRCC has on file, or by opening a
 * confirmation link sent to the address. No credential, invitation link or
 * reset link goes to an address that is not here
 * (worker/data/email-confirmations.ts). Stored lower-cased.
 * `account_in_use`: backfilled by migration 0008 for accounts whose owner had
 * already signed in with the password emailed there and chosen their own.
 */
export const confirmedEmailAddresses = sqliteTable("confirmed_email_addresses", {
  email: text("email").primaryKey(),
  how: text("how", { enum: ["invitation", "link", "account_in_use"] }).notNull(),
  confirmedAt: text("confirmed_at").notNull(),
});

/**
 * A confirmation link sent to an address someone typed (e.g. a principal
 * typing an adult dependant's address). Single use, stored hashed; what is
 * waiting for the confirmation (an account's temporary password) is sent
 * only after it is opened.
 */
export const emailConfirmations = sqliteTable(
  "email_confirmations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The account whose temporary password is sent once the address is confirmed. */
    accountId: integer("account_id").references(() => accounts.id),
    /** The representative whose temporary password is sent once the address is confirmed (decision 026). */
    representativeId: integer("representative_id").references(() => representatives.id),
    expiresAt: text("expires_at").notNull(),
    confirmedAt: text("confirmed_at"),
    supersededAt: text("superseded_at"),
    createdAt: createdAt(),
  },
  (t) => [index("email_confirmations_email_idx").on(t.email), index("email_confirmations_account_idx").on(t.accountId)],
);
