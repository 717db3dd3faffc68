import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { accounts } from "./accounts.ts";
import { createdAt } from "./common.ts";

/**
 * A representative's own account (issue 17 point 1, decision 026): a lawyer,
 * a licensed consultant or a helper whom an applicant invited. A third kind of
 * account beside applicants' and officers': its own username (`RP-…`) and
 * password, never an applicant's, with the same credential columns as
 * `accounts` so sign-in, lockout and the first password use the same code.
 * One account per email address (stored lower-cased): a lawyer with many
 * clients signs in once and sees each client who gave access.
 */
export const representatives = sqliteTable("representatives", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  username: text("username").notNull().unique(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  language: text("language", { enum: ["en", "fr"] }).notNull(),
  passwordHash: text("password_hash").notNull(),
  passwordIsTemporary: integer("password_is_temporary").notNull().default(1),
  temporaryPasswordExpiresAt: text("temporary_password_expires_at"),
  temporaryPasswordUsedAt: text("temporary_password_used_at"),
  passwordChangedAt: text("password_changed_at"),
  failedSignIns: integer("failed_sign_ins").notNull().default(0),
  lockedUntil: text("locked_until"),
  createdAt: createdAt(),
});

/**
 * An applicant's consent: the representative may read the task lists,
 * statuses, timelines, return reasons and e-CoPR availability of every person
 * the granting account acts for (the principal's grant covers the family),
 * and gets a copy of each status email. Revoked at once by the applicant;
 * never deleted, so the applicant and officers see the whole history.
 * A paid representative (lawyer, consultant) has a licence body and number.
 */
export const representativeGrants = sqliteTable(
  "representative_grants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    representativeId: integer("representative_id")
      .notNull()
      .references(() => representatives.id),
    grantedByAccountId: integer("granted_by_account_id")
      .notNull()
      .references(() => accounts.id),
    kind: text("kind", { enum: ["lawyer", "consultant", "helper"] }).notNull(),
    licenceBody: text("licence_body"),
    licenceNumber: text("licence_number"),
    grantedAt: text("granted_at").notNull(),
    revokedAt: text("revoked_at"),
    /**
     * Why the grant ended: the applicant revoked it, or the retention purge erased the account that
     * gave it (its persons are gone). Set only with `revokedAt` (trigger of migration 0016).
     */
    revokedReason: text("revoked_reason", { enum: ["applicant", "account_purged"] }),
    createdAt: createdAt(),
  },
  (t) => [
    index("representative_grants_account_idx").on(t.grantedByAccountId),
    index("representative_grants_representative_idx").on(t.representativeId),
  ],
);

/**
 * A representative's forgot-password links (decision 026): single use, one hour, stored hashed, as
 * `password_reset_tokens` is for applicants' accounts (whose `account_id` is not null). Its own
 * table, so neither table is rebuilt; `worker/data/reset-tokens.ts` serves both by kind.
 */
export const representativeResetTokens = sqliteTable(
  "representative_reset_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    representativeId: integer("representative_id")
      .notNull()
      .references(() => representatives.id),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("representative_reset_tokens_representative_idx").on(t.representativeId)],
);
