import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./common.ts";
import { persons } from "./applications.ts";
import { accounts, officers } from "./accounts.ts";
import { photos } from "./journey.ts";

/**
 * "I need another way" (decision 028): a person asks for the paper or
 * in-person process, a photo taken by a professional and mailed, or an
 * accommodation because of a disability, from the invitation page (tied by
 * the invitation token), the sign-in help (tied by the account's email) or
 * the photo page (signed in). It waits on the officers' follow-up list until
 * an officer records an outcome that closes it. One open request per person
 * and kind (the partial unique index): asking twice changes nothing.
 */
export const anotherWayRequests = sqliteTable(
  "another_way_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    kind: text("kind", { enum: ["paper", "mailed_photo", "accommodation"] }).notNull(),
    // "officer": a follow-up an officer opened for a person who asked by mail or by phone.
    source: text("source", { enum: ["invitation", "sign_in_help", "photo_page", "officer"] }).notNull(),
    /** The person's short reason, as written (emptied by the retention purge). */
    reason: text("reason").notNull(),
    /** The signed-in account that asked, when it came from the photo page (an officer's follow-up: the audit row names the officer). */
    requestedByAccountId: integer("requested_by_account_id").references(() => accounts.id),
    createdAt: createdAt(),
    /** Set by an outcome that ends the follow-up: an appointment set, or the mailed photo received. */
    closedAt: text("closed_at"),
  },
  (t) => [
    index("another_way_requests_open_idx").on(t.closedAt, t.createdAt),
    uniqueIndex("another_way_requests_one_open").on(t.personId, t.kind).where(sql`closed_at is null`),
  ],
);

/** What an officer did about a request; each one emails the person. */
export const anotherWayOutcomes = sqliteTable(
  "another_way_outcomes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    requestId: integer("request_id")
      .notNull()
      .references(() => anotherWayRequests.id),
    outcome: text("outcome", { enum: ["contacted", "appointment_set", "photo_received"] }).notNull(),
    officerId: integer("officer_id")
      .notNull()
      .references(() => officers.id),
    /** The scan the officer uploaded for a photo received by mail. */
    photoId: integer("photo_id").references(() => photos.id),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [index("another_way_outcomes_request_idx").on(t.requestId)],
);
