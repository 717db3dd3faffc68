import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./common.ts";
import { persons } from "./applications.ts";
import { accounts, officers } from "./accounts.ts";

/**
 * "I declare I am in Canada": who it is for, which account made it (the
 * person or their principal), the text version shown, and when.
 * One per person; locked once the person's submission is sent (trigger).
 */
export const presenceDeclarations = sqliteTable("presence_declarations", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  personId: integer("person_id")
    .notNull()
    .unique()
    .references(() => persons.id),
  declaredByAccountId: integer("declared_by_account_id")
    .notNull()
    .references(() => accounts.id),
  declaredByPersonId: integer("declared_by_person_id")
    .notNull()
    .references(() => persons.id),
  statementVersion: text("statement_version").notNull(),
  declaredOn: text("declared_on").notNull(),
  createdAt: createdAt(),
});

/**
 * Mailing address in Canada: a person's history, the newest row (highest id)
 * the one in force. Before the person submits there is one row, edited in
 * place; from the submission on, rows never change (triggers) and each change
 * of address is a new, dated row, refused once card production has started
 * (decision 024).
 */
export const addresses = sqliteTable(
  "addresses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    unit: text("unit"),
    streetNumber: text("street_number").notNull(),
    streetName: text("street_name").notNull(),
    city: text("city").notNull(),
    province: text("province").notNull(),
    postalCode: text("postal_code").notNull(),
    updatedByAccountId: integer("updated_by_account_id").references(() => accounts.id),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("addresses_person_idx").on(t.personId, t.id)],
);

/**
 * A PR-card photo. `checksJson` holds every automatic check's result;
 * `state`: draft (replaceable) → submitted → accepted | returned; `replaced`
 * when a newer draft took its place.
 */
export const photos = sqliteTable(
  "photos",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    objectKey: text("object_key").notNull().unique(),
    sha256: text("sha256").notNull(),
    format: text("format", { enum: ["jpeg", "png"] }).notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    byteSize: integer("byte_size").notNull(),
    checksJson: text("checks_json").notNull(),
    verdict: text("verdict", { enum: ["pass", "warn", "fail"] }).notNull(),
    warningsAcknowledged: integer("warnings_acknowledged").notNull().default(0),
    state: text("state", { enum: ["draft", "submitted", "accepted", "returned", "replaced"] })
      .notNull()
      .default("draft"),
    uploadedByAccountId: integer("uploaded_by_account_id").references(() => accounts.id),
    /** An officer who uploaded a photo received by mail on the person's behalf (decision 028). */
    uploadedByOfficerId: integer("uploaded_by_officer_id").references(() => officers.id),
    /**
     * A photo that cannot meet a rule for a medical or religious reason or a
     * disability, sent with the person's explanation (decision 028): its
     * failed checks are shown to the officer beside it, who decides.
     */
    exceptionReason: text("exception_reason", { enum: ["medical", "religious", "disability"] }),
    exceptionExplanation: text("exception_explanation"),
    createdAt: createdAt(),
  },
  (t) => [index("photos_person_idx").on(t.personId, t.state)],
);

/**
 * What a person sent with `Submit documents`: a frozen snapshot. Rows are
 * never updated (trigger); a photo resubmitted after a return is a new row.
 */
export const submissions = sqliteTable(
  "submissions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    reference: text("reference").notNull().unique(),
    kind: text("kind", { enum: ["initial", "photo_resubmission"] }).notNull(),
    photoId: integer("photo_id")
      .notNull()
      .references(() => photos.id),
    declarationId: integer("declaration_id")
      .notNull()
      .references(() => presenceDeclarations.id),
    addressJson: text("address_json").notNull(),
    submittedByAccountId: integer("submitted_by_account_id")
      .notNull()
      .references(() => accounts.id),
    submittedAt: text("submitted_at").notNull(),
  },
  (t) => [
    index("submissions_person_idx").on(t.personId),
    // A photo is submitted once: a double click or a second tab cannot make
    // two submissions of the same photo, whatever the code does.
    uniqueIndex("submissions_one_per_photo").on(t.photoId),
  ],
);

/** An officer's decision on a submission. */
export const reviewDecisions = sqliteTable(
  "review_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    submissionId: integer("submission_id")
      .notNull()
      .references(() => submissions.id),
    officerId: integer("officer_id")
      .notNull()
      .references(() => officers.id),
    decision: text("decision", { enum: ["photo_accepted", "photo_returned", "pr_confirmed"] }).notNull(),
    reasonsJson: text("reasons_json").notNull().default("[]"),
    note: text("note"),
    decidedAt: text("decided_at").notNull(),
  },
  (t) => [
    index("review_decisions_submission_idx").on(t.submissionId),
    // One photo decision per submission: a second officer's decision on the
    // same item fails in the database, not only in code.
    uniqueIndex("review_decisions_one_photo_decision")
      .on(t.submissionId)
      .where(sql`decision in ('photo_accepted','photo_returned')`),
  ],
);

/** An officer's claim on a queue item, so two officers never decide the same one. */
export const reviewClaims = sqliteTable("review_claims", {
  submissionId: integer("submission_id")
    .primaryKey()
    .references(() => submissions.id),
  officerId: integer("officer_id")
    .notNull()
    .references(() => officers.id),
  claimedAt: text("claimed_at").notNull(),
  expiresAt: text("expires_at").notNull(),
});

/** Proof of PR status (e-CoPR): a PDF in R2 and its public verification code. */
export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => persons.id),
    kind: text("kind", { enum: ["ecopr"] }).notNull(),
    objectKey: text("object_key").notNull().unique(),
    verificationCode: text("verification_code").notNull().unique(),
    status: text("status", { enum: ["valid", "revoked"] })
      .notNull()
      .default("valid"),
    issuedByOfficerId: integer("issued_by_officer_id").references(() => officers.id),
    issuedAt: text("issued_at").notNull(),
    /**
     * The corrected identity (schema/corrections.ts) this e-CoPR prints; null for one issued from the
     * person row's identity. No foreign key: SQLite adds a column with one only by rebuilding this
     * immutable table; a trigger (migration 0013) checks it belongs to the same person instead.
     */
    identityId: integer("identity_id"),
  },
  (t) => [index("documents_person_idx").on(t.personId)],
);

/** PR card production and mailing, one row per person. */
export const cards = sqliteTable("cards", {
  personId: integer("person_id")
    .primaryKey()
    .references(() => persons.id),
  producedAt: text("produced_at"),
  mailedAt: text("mailed_at"),
  /**
   * When the mailed date was recorded (or last corrected by a supervisor):
   * the retention purge also waits RETENTION_GRACE_DAYS after this instant,
   * so a wrong date typed today cannot erase a person's data tonight.
   */
  mailedRecordedAt: text("mailed_recorded_at"),
  mailedToJson: text("mailed_to_json"),
  /**
   * When the person was first included in a `cards export` batch: card
   * production has started, so the mailing address no longer changes here
   * (trigger on addresses, decision 024).
   */
  productionStartedAt: text("production_started_at"),
  updatedAt: text("updated_at").notNull(),
});
