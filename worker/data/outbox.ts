import { and, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { outbox } from "../../schema/index.ts";
import type { RenderedEmail } from "../email/render.ts";
import type { AppEnv } from "../env.ts";
import { type Database, nowIso } from "./db.ts";

/*
 * The outbox table: every email the portal writes is a row first, in the
 * same batch as the change that causes it (decision 004); the queue and the
 * sweep (worker/email/outbox.ts) and delivery (worker/email/delivery.ts)
 * move it along through the statements below.
 */

export interface OutgoingEmail {
  kind: string;
  to: string;
  email: RenderedEmail;
  secrets?: Record<string, string>;
}

/** Sender as configured (default domain cic.gc.ca, as the seeds describe). */
function senderAddress(env: Pick<AppEnv, "EMAIL_FROM">): string {
  return env.EMAIL_FROM;
}

/**
 * The INSERT for one outgoing email, to put in the same db.batch as the
 * change that causes it: either both are written or neither.
 */
export function outboxInsert(db: Database, env: Pick<AppEnv, "EMAIL_FROM">, message: OutgoingEmail) {
  return db
    .insert(outbox)
    .values({
      kind: message.kind,
      toAddress: message.to,
      fromAddress: senderAddress(env),
      subject: message.email.subject,
      textBody: message.email.text,
      htmlBody: message.email.html,
      secretsJson: message.secrets ? JSON.stringify(message.secrets) : null,
    })
    .returning({ id: outbox.id });
}

/** Records that these rows were just handed to the queue. */
export async function markOutboxEnqueued(db: Database, ids: number[], now = Date.now()): Promise<void> {
  await db
    .update(outbox)
    .set({ lastEnqueuedAt: nowIso(now) })
    .where(inArray(outbox.id, ids));
}

/** How long a queued message may go without a result before the sweep re-queues it. */
const REQUEUE_AFTER_MINUTES = 15;

/**
 * Pending rows that are due and not recently handed to the queue: never
 * enqueued (the enqueue after the write failed, or an admin script wrote
 * them), or enqueued long ago without a result.
 */
export async function findOutboxDueForQueue(db: Database, now = Date.now(), limit = 100) {
  const current = nowIso(now);
  const stale = nowIso(now - REQUEUE_AFTER_MINUTES * 60_000);
  return db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, "pending"),
        or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, current)),
        or(isNull(outbox.lastEnqueuedAt), lte(outbox.lastEnqueuedAt, stale)),
      ),
    )
    .orderBy(outbox.id)
    .limit(limit)
    .all();
}

export async function findOutboxMessage(db: Database, id: number) {
  return db.select().from(outbox).where(eq(outbox.id, id)).get();
}

/** Messages sent (or waiting) to an address, newest first: the dev mailbox. */
export async function listOutbox(db: Database, options: { to?: string; limit?: number } = {}) {
  const query = db.select().from(outbox);
  const filtered = options.to ? query.where(eq(sql`lower(${outbox.toAddress})`, options.to.toLowerCase())) : query;
  return filtered
    .orderBy(sql`${outbox.id} desc`)
    .limit(options.limit ?? 200)
    .all();
}

/** A row's address and status, or undefined. */
export async function outboxRowStatus(db: Database, id: number) {
  return db.select({ toAddress: outbox.toAddress, status: outbox.status }).from(outbox).where(eq(outbox.id, id)).get();
}

/** The pending rows to the same address written before this one, oldest first. */
export async function earlierPendingTo(db: Database, toAddress: string, id: number) {
  return db
    .select({ id: outbox.id, nextAttemptAt: outbox.nextAttemptAt })
    .from(outbox)
    .where(and(eq(outbox.toAddress, toAddress), eq(outbox.status, "pending"), lt(outbox.id, id)))
    .orderBy(outbox.id)
    .all();
}

/**
 * Leases a pending row for sending until `leaseUntil`, only if nobody holds
 * a live lease on it: the conditional UPDATE is what stops two consumers
 * sending the same row. The row, or undefined when it was not leased.
 */
export async function leaseOutboxRow(db: Database, id: number, leaseUntil: string, now = Date.now()) {
  return db
    .update(outbox)
    .set({ deliveryLeaseUntil: leaseUntil })
    .where(
      and(
        eq(outbox.id, id),
        eq(outbox.status, "pending"),
        or(isNull(outbox.deliveryLeaseUntil), lte(outbox.deliveryLeaseUntil, nowIso(now))),
      ),
    )
    .returning()
    .get();
}

/**
 * A failed attempt: counted, its error kept, the lease released; either
 * given up (`failed`, with the secrets erased when `eraseSecrets`) or due
 * again at `nextAttemptAt`.
 */
export async function recordDeliveryFailure(
  db: Database,
  id: number,
  failure: { attempts: number; error: string } & (
    | { givenUp: true; eraseSecrets: boolean }
    | { givenUp: false; nextAttemptAt: string }
  ),
): Promise<void> {
  const { attempts, error } = failure;
  await db
    .update(outbox)
    .set(
      failure.givenUp
        ? {
            attempts,
            lastError: error,
            status: "failed",
            deliveryLeaseUntil: null,
            ...(failure.eraseSecrets ? { secretsJson: null } : {}),
          }
        : { attempts, lastError: error, nextAttemptAt: failure.nextAttemptAt, deliveryLeaseUntil: null },
    )
    .where(eq(outbox.id, id));
}

/** A delivered row: `sent`, the lease released, the secrets erased when `eraseSecrets`. */
export async function recordDeliverySent(
  db: Database,
  id: number,
  input: { attempts: number; eraseSecrets: boolean },
  now = Date.now(),
): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: "sent",
      sentAt: nowIso(now),
      attempts: input.attempts,
      lastError: null,
      deliveryLeaseUntil: null,
      ...(input.eraseSecrets ? { secretsJson: null } : {}),
    })
    .where(and(eq(outbox.id, id), eq(outbox.status, "pending")));
}
