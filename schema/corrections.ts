import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./common.ts";
import { persons } from "./applications.ts";
import { accounts, officers } from "./accounts.ts";
import { documents } from "./journey.ts";

/** The fields of the e-CoPR a person can report as wrong (decision 027). */
export const CORRECTION_FIELDS = ["given_names", "family_name", "date_of_birth", "uci"] as const;

/**
 * A person's report of an error in their e-CoPR: the field, the value it should
 * have, and optionally a photo of a supporting document (JPEG or PNG, metadata
 * stripped, in R2 under `corrections/`). An officer accepts or refuses it with a
 * reason; the decision is final (trigger): a decided row never changes again.
 * At most one pending report per person.
 */
export const ecoprCorrections = sqliteTable(
  "ecopr_corrections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    /** The e-CoPR the person reported (the latest one when they wrote). */
    documentId: integer("document_id")
      .notNull()
      .references(() => documents.id),
    field: text("field", { enum: CORRECTION_FIELDS }).notNull(),
    correctValue: text("correct_value").notNull(),
    evidenceObjectKey: text("evidence_object_key").unique(),
    evidenceFormat: text("evidence_format", { enum: ["jpeg", "png"] }),
    requestedByAccountId: integer("requested_by_account_id")
      .notNull()
      .references(() => accounts.id),
    requestedAt: text("requested_at").notNull(),
    status: text("status", { enum: ["pending", "accepted", "refused"] })
      .notNull()
      .default("pending"),
    decidedByOfficerId: integer("decided_by_officer_id").references(() => officers.id),
    decidedAt: text("decided_at"),
    refusalReason: text("refusal_reason"),
  },
  (t) => [
    index("ecopr_corrections_person_idx").on(t.personId),
    index("ecopr_corrections_status_idx").on(t.status, t.requestedAt),
    // One open report per person: a second waits for the first's decision.
    uniqueIndex("ecopr_corrections_one_pending").on(t.personId).where(sql`status = 'pending'`),
    check("ecopr_corrections_field_check", sql`${t.field} in ('given_names','family_name','date_of_birth','uci')`),
    check("ecopr_corrections_status_check", sql`${t.status} in ('pending','accepted','refused')`),
  ],
);

/**
 * A person's identity as corrected by an accepted report: a new, immutable row
 * (triggers), never an update of the person (whose identity is locked once
 * submitted, migration 0006). The newest row is the identity in force; a person
 * without one keeps the identity imported on their person row. The e-CoPR
 * issued on acceptance points at it (documents.identity_id).
 */
export const personIdentities = sqliteTable(
  "person_identities",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    correctionId: integer("correction_id")
      .notNull()
      .unique()
      .references(() => ecoprCorrections.id),
    uci: text("uci").notNull(),
    givenNames: text("given_names").notNull(),
    familyName: text("family_name").notNull(),
    dateOfBirth: text("date_of_birth").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("person_identities_person_idx").on(t.personId, t.id)],
);
