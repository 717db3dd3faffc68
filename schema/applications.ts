import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./common.ts";

/** An approved application imported by an admin. One principal, any number of dependants. */
export const applications = sqliteTable("applications", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  applicationNumber: text("application_number").notNull().unique(),
  createdAt: createdAt(),
});

/**
 * A person on an application. `actingAccountId` is the account that does this
 * person's tasks: the principal's by default, or the person's own account when
 * a separate account was asked for at invitation.
 */
export const persons = sqliteTable(
  "persons",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    uci: text("uci").notNull().unique(),
    role: text("role", { enum: ["principal", "dependant"] }).notNull(),
    givenNames: text("given_names").notNull(),
    familyName: text("family_name").notNull(),
    dateOfBirth: text("date_of_birth").notNull(),
    email: text("email").notNull(),
    language: text("language", { enum: ["en", "fr"] }).notNull(),
    actingAccountId: integer("acting_account_id"),
    /**
     * The names folded for the officers' search (shared/people/search-fold.ts):
     * accents and case removed, so "Nguyen" finds "Nguyễn". A copy of the
     * names: the retention purge empties it, and the identity trigger of
     * migration 0010 locks it with the names once the person has submitted.
     */
    searchKey: text("search_key").notNull().default(""),
    /**
     * Set by the retention purge (worker/maintenance/retention.ts) when the
     * person's photos and personal data were erased, a configured time after
     * the card was mailed. Triggers let the purge, and only it, touch
     * submitted records.
     */
    purgedAt: text("purged_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("persons_application_idx").on(t.applicationId),
    index("persons_acting_account_idx").on(t.actingAccountId),
    check("persons_role_check", sql`${t.role} in ('principal','dependant')`),
    check("persons_language_check", sql`${t.language} in ('en','fr')`),
  ],
);

/**
 * The invitation sent for an application. The link token is stored only as
 * its SHA-256 hash; `respondedAt` makes it single use.
 */
export const invitations = sqliteTable(
  "invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    applicationId: integer("application_id")
      .notNull()
      .references(() => applications.id),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: text("expires_at").notNull(),
    response: text("response", { enum: ["accepted", "declined", "not_in_canada"] }),
    respondedAt: text("responded_at"),
    supersededAt: text("superseded_at"),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_application_idx").on(t.applicationId)],
);
