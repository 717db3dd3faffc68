import { createApp } from "./app.ts";
import { database } from "./data/db.ts";
import { consumeEmailBatch } from "./email/consumer.ts";
import { sweepOutbox } from "./email/outbox.ts";
import type { AppEnv, EmailQueueMessage } from "./env.ts";
import { MAINTENANCE_CRON, runMaintenance } from "./maintenance/index.ts";

const app = createApp();

export default {
  fetch: app.fetch,
  queue: (batch, env) => consumeEmailBatch(batch, env),
  scheduled: async (controller, env) => {
    if (controller.cron === MAINTENANCE_CRON)
      console.log("maintenance", JSON.stringify(await runMaintenance(env, controller.scheduledTime)));
    else await sweepOutbox(env, database(env.DB));
  },
} satisfies ExportedHandler<AppEnv, EmailQueueMessage>;
