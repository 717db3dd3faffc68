import type { D1Migration } from "cloudflare:test";

/** Bindings and variables from wrangler.toml, .dev.vars and secrets. */
export interface AppEnv {
  DB: D1Database;
  FILES: R2Bucket;
  ASSETS: Fetcher;
  EMAIL_QUEUE: Queue<EmailQueueMessage>;
  EMAIL?: SendEmail;
  /**
   * "development" or "test" turn development behaviour on; anything else, or
   * nothing, is production (worker/lib/environment.ts isDevelopmentMode).
   */
  ENVIRONMENT?: string;
  PUBLIC_ORIGIN: string;
  EMAIL_FROM: string;
  EMAIL_FROM_NAME: string;
  HELP_EMAIL: string;
  TEMP_PASSWORD_DAYS: string;
  INVITATION_DAYS: string;
  CARD_TARGET_DAYS: string;
  /** Days after a card is mailed before the person's photos and personal data are purged (worker/maintenance/retention.ts). */
  RETENTION_DAYS_AFTER_CARD_MAILED?: string;
  /** Pwned Passwords range API base URL (default https://api.pwnedpasswords.com, used in production mode; worker/lib/breached-password.ts). */
  PWNED_PASSWORDS_URL?: string;
  /** Photo uploads allowed per person per hour (default 30) and per account per hour (default 60). */
  PHOTO_UPLOADS_PER_PERSON_PER_HOUR?: string;
  PHOTO_UPLOADS_PER_ACCOUNT_PER_HOUR?: string;
  /** Days after a mailed date was recorded (or corrected) before the purge may act on it (default 7). */
  RETENTION_GRACE_DAYS?: string;
  JWT_SECRET: string;
  /** Cloudflare Access team domain (e.g. `ircc.cloudflareaccess.com`); with ACCESS_AUD, /review requires Access. */
  ACCESS_TEAM_DOMAIN?: string;
  /** The Access application's audience tag. */
  ACCESS_AUD?: string;
  /**
   * "true" lets /review serve in production without Cloudflare Access (for a
   * deployment that protects it another way); otherwise production /review
   * answers 503 until ACCESS_TEAM_DOMAIN and ACCESS_AUD are set.
   */
  REVIEW_WITHOUT_ACCESS?: string;
  /** Hours an officer's one-time initial password stays usable (default 72). */
  OFFICER_INITIAL_PASSWORD_HOURS?: string;
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
