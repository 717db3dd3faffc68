import { eq, and } from "drizzle-orm";
import { outbox } from "../../schema/index.ts";
import { type Database, nowIso } from "../data/db.ts";
import type { AppEnv } from "../env.ts";
import { buildMimeMessage } from "./mime.ts";
import { fillSecrets } from "./render.ts";

/** Where a rendered message goes: the send_email binding, or the dev mailbox. */
export interface DeliveryAdapter {
  readonly name: string;
  /** Erase the row's secrets after delivery (production: the mail has left). */
  readonly eraseSecretsAfterDelivery: boolean;
  deliver(message: { from: string; fromName: string; to: string; subject: string; text: string; html: string }): Promise<void>;
}

/** Production: Cloudflare's send_email binding with a MIME message we build. */
export function sendEmailBindingAdapter(env: Pick<AppEnv, "EMAIL">): DeliveryAdapter {
  return {
    name: "send_email",
    eraseSecretsAfterDelivery: true,
    async deliver(message) {
      if (!env.EMAIL) throw new Error("send_email binding EMAIL is not configured");
      const { EmailMessage } = await import("cloudflare:email");
      const raw = buildMimeMessage(message);
      await env.EMAIL.send(new EmailMessage(message.from, message.to, raw));
    },
  };
}

/**
 * Development and tests: nothing leaves the machine. The outbox row, marked
 * sent, is the local mailbox that /dev/mailbox and `npm run admin -- mail`
 * show, secrets included so the demo can be followed.
 */
export const devMailboxAdapter: DeliveryAdapter = {
  name: "dev-mailbox",
  eraseSecretsAfterDelivery: false,
  async deliver() {
    // Delivery to the local mailbox is the status change recorded by the caller.
  },
};

export function adapterFor(env: AppEnv): DeliveryAdapter {
  return env.ENVIRONMENT === "production" ? sendEmailBindingAdapter(env) : devMailboxAdapter;
}

/** Retries back off: 30 s, 1 min, 2 min … capped at 1 hour; after MAX the row is `failed`. */
export const DELIVERY_RETRY = { maxAttempts: 10, baseSeconds: 30, maxSeconds: 3600 } as const;

export function retryDelaySeconds(attempts: number): number {
  return Math.min(DELIVERY_RETRY.baseSeconds * 2 ** Math.max(0, attempts - 1), DELIVERY_RETRY.maxSeconds);
}

export type DeliveryOutcome = { result: "sent" } | { result: "skipped" } | { result: "retry"; delaySeconds: number } | { result: "failed" };

/**
 * Delivers one outbox row. A failure is recorded on the row (attempts, error,
 * next attempt) and the row stays pending for the queue's retry, so a
 * message is never dropped; after the last attempt it is marked `failed`
 * and stays listed for an operator.
 */
export async function deliverOutboxMessage(
  env: Pick<AppEnv, "EMAIL_FROM_NAME">,
  db: Database,
  outboxId: number,
  adapter: DeliveryAdapter,
  now = Date.now(),
): Promise<DeliveryOutcome> {
  const row = await db.select().from(outbox).where(eq(outbox.id, outboxId)).get();
  if (!row || row.status !== "pending") return { result: "skipped" };
  const secrets = row.secretsJson ? (JSON.parse(row.secretsJson) as Record<string, string>) : null;
  try {
    await adapter.deliver({
      from: row.fromAddress,
      fromName: env.EMAIL_FROM_NAME,
      to: row.toAddress,
      subject: row.subject,
      text: fillSecrets(row.textBody, secrets),
      html: fillSecrets(row.htmlBody, secrets, true),
    });
  } catch (error) {
    const attempts = row.attempts + 1;
    const message = error instanceof Error ? error.message : String(error);
    if (attempts >= DELIVERY_RETRY.maxAttempts) {
      await db.update(outbox).set({ attempts, lastError: message, status: "failed" }).where(eq(outbox.id, row.id));
      return { result: "failed" };
    }
    const delaySeconds = retryDelaySeconds(attempts);
    await db
      .update(outbox)
      .set({ attempts, lastError: message, nextAttemptAt: nowIso(now + delaySeconds * 1000) })
      .where(eq(outbox.id, row.id));
    return { result: "retry", delaySeconds };
  }
  await db
    .update(outbox)
    .set({
      status: "sent",
      sentAt: nowIso(now),
      attempts: row.attempts + 1,
      lastError: null,
      ...(adapter.eraseSecretsAfterDelivery ? { secretsJson: null } : {}),
    })
    .where(and(eq(outbox.id, row.id), eq(outbox.status, "pending")));
  return { result: "sent" };
}
