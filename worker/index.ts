import { createApp } from "./app.ts";
import { database } from "./data/db.ts";
import { consumeEmailBatch } from "./email/consumer.ts";
import { sweepOutbox } from "./email/outbox.ts";
import type { AppEnv, EmailQueueMessage } from "./env.ts";

const app = createApp();

export default {
  fetch: app.fetch,
  queue: (batch, env) => consumeEmailBatch(batch, env),
  scheduled: async (_controller, env) => {
    await sweepOutbox(env, database(env.DB));
  },
} satisfies ExportedHandler<AppEnv, EmailQueueMessage>;
