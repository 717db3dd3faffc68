import { database } from "../data/db.ts";
import type { AppEnv, EmailQueueMessage } from "../env.ts";
import { type DeliveryAdapter, adapterFor, deliverOutboxMessage } from "./delivery.ts";

/** Queue consumer: deliver each outbox row; failures go back with backoff. */
export async function consumeEmailBatch(
  batch: MessageBatch<EmailQueueMessage>,
  env: AppEnv,
  adapter: DeliveryAdapter = adapterFor(env),
): Promise<void> {
  const db = database(env.DB);
  for (const message of batch.messages) {
    try {
      const outcome = await deliverOutboxMessage(env, db, message.body.outboxId, adapter);
      if (outcome.result === "retry") message.retry({ delaySeconds: outcome.delaySeconds });
      else message.ack();
    } catch (error) {
      // The row could not even be read or updated: let the queue retry it.
      console.error("email delivery crashed", message.body.outboxId, error);
      message.retry({ delaySeconds: 60 });
    }
  }
}
