// The worker's bindings, variables and secrets have one source: wrangler.toml (and .dev.vars.example for
// the secrets' names), turned into worker/worker-configuration.d.ts by `wrangler types` (npm run cf-typegen;
// `npm run check` fails when it is out of date). Every setting is in wrangler.toml's [vars] with its
// default and the reason for it. Only the queue's message type cannot be said there.

/** Bindings and variables from wrangler.toml, .dev.vars and secrets. */
export type AppEnv = Cloudflare.Env;

declare global {
  namespace Cloudflare {
    interface Env {
      EMAIL_QUEUE: Queue<EmailQueueMessage>;
    }
  }
}

/** A queue message only names the outbox row: the content stays in D1. */
export interface EmailQueueMessage {
  outboxId: number;
}
