import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./common.ts";
import { persons } from "./applications.ts";
import { representatives } from "./representatives.ts";

/**
 * An applicant's portal account, created by the portal (never by sign-up).
 * `passwordIsTemporary` = 1 while the emailed temporary password is in use.
 */
export const accounts = sqliteTable("accounts", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  username: text("username").notNull().unique(),
  personId: integer("person_id")
    .notNull()
    .unique()
    .references(() => persons.id),
  email: text("email").notNull(),
  language: text("language", { enum: ["en", "fr"] }).notNull(),
  passwordHash: text("password_hash").notNull(),
  passwordIsTemporary: integer("password_is_temporary").notNull().default(1),
  temporaryPasswordExpiresAt: text("temporary_password_expires_at"),
  /** Set at the first sign-in with the temporary password: it is single use. */
  temporaryPasswordUsedAt: text("temporary_password_used_at"),
  passwordChangedAt: text("password_changed_at"),
  failedSignIns: integer("failed_sign_ins").notNull().default(0),
  lockedUntil: text("locked_until"),
  createdAt: createdAt(),
});

/** Officer accounts: created only by `npm run admin -- officer create`. */
export const officers = sqliteTable("officers", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ["officer", "supervisor"] })
    .notNull()
    .default("officer"),
  passwordHash: text("password_hash").notNull(),
  totpSecret: text("totp_secret").notNull(),
  lastTotpStep: integer("last_totp_step"),
  failedSignIns: integer("failed_sign_ins").notNull().default(0),
  lockedUntil: text("locked_until"),
  disabledAt: text("disabled_at"),
  /**
   * 1 while the officer still has the one-time initial password the admin
   * command printed: every /review API route but the password change refuses
   * them until they choose their own. Existing rows get 1 too.
   */
  mustChangePassword: integer("must_change_password").notNull().default(1),
  /**
   * When the current one-time initial password was issued (`officer create`,
   * `officer reset-password`); it expires OFFICER_INITIAL_PASSWORD_HOURS
   * later. Null for rows made before this column: no expiry for them.
   */
  initialPasswordIssuedAt: text("initial_password_issued_at"),
  /** Set at the first sign-in with the initial password: it works once. */
  initialPasswordUsedAt: text("initial_password_used_at"),
  createdAt: createdAt(),
});

/**
 * A signed-in session. The JWT cookie carries only this row's id, so a
 * session can be revoked (sign-out, password change) before the JWT expires.
 */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: ["applicant", "officer", "representative"] }).notNull(),
    accountId: integer("account_id").references(() => accounts.id),
    officerId: integer("officer_id").references(() => officers.id),
    /** A representative's own session (decision 026): never an applicant's. */
    representativeId: integer("representative_id").references(() => representatives.id),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("sessions_account_idx").on(t.accountId),
    index("sessions_officer_idx").on(t.officerId),
    index("sessions_representative_idx").on(t.representativeId),
  ],
);

/** Forgot-password links: single use, one hour, stored hashed. */
export const passwordResetTokens = sqliteTable(
  "password_reset_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    accountId: integer("account_id")
      .notNull()
      .references(() => accounts.id),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("password_reset_tokens_account_idx").on(t.accountId)],
);

/**
 * Fixed-window counters for throttling (per IP, per account, per email).
 * `key` names the thing counted, e.g. `ip:sign-in:203.0.113.9`.
 */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: text("window_start").notNull(),
  count: integer("count").notNull(),
});
