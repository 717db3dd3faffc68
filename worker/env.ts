import type { D1Migration } from "cloudflare:test";

/** Bindings and variables from wrangler.toml, .dev.vars and secrets. */
export interface AppEnv {
  DB: D1Database;
  FILES: R2Bucket;
  ASSETS: Fetcher;
  EMAIL_QUEUE: Queue<EmailQueueMessage>;
  EMAIL?: SendEmail;
  ENVIRONMENT: "production" | "development" | "test";
  PUBLIC_ORIGIN: string;
  EMAIL_FROM: string;
  EMAIL_FROM_NAME: string;
  HELP_EMAIL: string;
  TEMP_PASSWORD_DAYS: string;
  INVITATION_DAYS: string;
  CARD_TARGET_DAYS: string;
  /** Days after a card is mailed before the person's photos and personal data are purged (worker/maintenance/retention.ts). */
  RETENTION_DAYS_AFTER_CARD_MAILED?: string;
  JWT_SECRET: string;
  /** Cloudflare Access team domain (e.g. `ircc.cloudflareaccess.com`); with ACCESS_AUD, /review requires Access. */
  ACCESS_TEAM_DOMAIN?: string;
  /** The Access application's audience tag. */
  ACCESS_AUD?: string;
  /** Tests only: the migrations the setup file applies. */
  TEST_MIGRATIONS?: D1Migration[];
}

/** A queue message only names the outbox row: the content stays in D1. */
export interface EmailQueueMessage {
  outboxId: number;
}

declare global {
  namespace Cloudflare {
    interface Env extends AppEnv {
      TEST_MIGRATIONS: D1Migration[];
    }
    interface GlobalProps {
      mainModule: typeof import("./index.ts");
    }
  }
}
