import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./common.ts";

/**
 * Every email the portal sends is first written here, in the same db.batch
 * as the change that causes it; the queue consumer delivers it. A row leaves
 * `pending` only when delivery succeeded (`sent`) or retries are exhausted
 * (`failed`, still listed for an operator), so no message is lost.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    fromAddress: text("from_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    /** JSON map of secrets the bodies mark (⟦name⟧); erased after a production delivery. */
    secretsJson: text("secrets_json"),
    status: text("status", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: text("next_attempt_at"),
    lastEnqueuedAt: text("last_enqueued_at"),
    /**
     * While a consumer is sending this row: a queue that hands the same
     * message to two consumers (redelivery) gets it sent once, and a consumer
     * that died mid-send frees the row when the lease runs out.
     */
    deliveryLeaseUntil: text("delivery_lease_until"),
    sentAt: text("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_status_idx").on(t.status, t.nextAttemptAt), index("outbox_to_idx").on(t.toAddress)],
);

/**
 * Append-only record of every officer, admin and security-relevant action.
 * Triggers refuse UPDATE and DELETE whatever the code does.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorKind: text("actor_kind", { enum: ["admin", "officer", "applicant", "representative", "system"] }).notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    subjectKind: text("subject_kind"),
    subjectId: text("subject_id"),
    detailsJson: text("details_json").notNull().default("{}"),
    ip: text("ip"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_created_idx").on(t.createdAt), index("audit_log_actor_idx").on(t.actorKind, t.actorId)],
);
