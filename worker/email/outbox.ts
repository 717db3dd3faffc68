import { findOutboxDueForQueue, markOutboxEnqueued } from "../data/outbox.ts";
import type { Database } from "../data/db.ts";
import type { AppEnv } from "../env.ts";

/**
 * Hands outbox rows to the email queue. Called after the batch that wrote
 * them committed (usually in waitUntil). If this fails, the rows stay
 * pending and the scheduled sweep enqueues them again: nothing is lost.
 */
export async function enqueueOutbox(
  env: Pick<AppEnv, "DB" | "EMAIL_QUEUE">,
  db: Database,
  ids: number[],
): Promise<void> {
  if (ids.length === 0) return;
  await env.EMAIL_QUEUE.sendBatch(ids.map((outboxId) => ({ body: { outboxId } })));
  await markOutboxEnqueued(db, ids);
}

/** The sweep run by the cron trigger (and by `npm start` locally). */
export async function sweepOutbox(
  env: Pick<AppEnv, "DB" | "EMAIL_QUEUE">,
  db: Database,
  now = Date.now(),
): Promise<number> {
  const due = await findOutboxDueForQueue(db, now);
  await enqueueOutbox(
    env,
    db,
    due.map((r) => r.id),
  );
  return due.length;
}
