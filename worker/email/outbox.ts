import { and, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { outbox } from "../../schema/index.ts";
import { type Database, nowIso } from "../data/db.ts";
import type { AppEnv } from "../env.ts";
import type { RenderedEmail } from "./render.ts";

export interface OutgoingEmail {
  kind: string;
  to: string;
  email: RenderedEmail;
  secrets?: Record<string, string>;
}

/** Sender as configured (default domain cic.gc.ca, as the seeds describe). */
export function senderAddress(env: Pick<AppEnv, "EMAIL_FROM">): string {
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

/**
 * Hands outbox rows to the email queue. Called after the batch that wrote
 * them committed (usually in waitUntil). If this fails, the rows stay
 * pending and the scheduled sweep enqueues them again: nothing is lost.
 */
export async function enqueueOutbox(env: Pick<AppEnv, "DB" | "EMAIL_QUEUE">, db: Database, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await env.EMAIL_QUEUE.sendBatch(ids.map((outboxId) => ({ body: { outboxId } })));
  await db.update(outbox).set({ lastEnqueuedAt: nowIso() }).where(inArray(outbox.id, ids));
}

/** How long a queued message may go without a result before the sweep re-queues it. */
export const REQUEUE_AFTER_MINUTES = 15;

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

/** The sweep run by the cron trigger (and by `npm start` locally). */
export async function sweepOutbox(env: Pick<AppEnv, "DB" | "EMAIL_QUEUE">, db: Database, now = Date.now()): Promise<number> {
  const due = await findOutboxDueForQueue(db, now);
  await enqueueOutbox(env, db, due.map((r) => r.id));
  return due.length;
}

export async function findOutboxMessage(db: Database, id: number) {
  return db.select().from(outbox).where(eq(outbox.id, id)).get();
}

/** Messages sent (or waiting) to an address, newest first: the dev mailbox. */
export async function listOutbox(db: Database, options: { to?: string; limit?: number } = {}) {
  const query = db.select().from(outbox);
  const filtered = options.to ? query.where(eq(sql`lower(${outbox.toAddress})`, options.to.toLowerCase())) : query;
  return filtered.orderBy(sql`${outbox.id} desc`).limit(options.limit ?? 200).all();
}
