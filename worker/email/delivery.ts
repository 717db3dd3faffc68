import { type Database, nowIso } from "../data/db.ts";
import {
  earlierPendingTo,
  leaseOutboxRow,
  outboxRowStatus,
  recordDeliveryFailure,
  recordDeliverySent,
} from "../data/outbox.ts";
import type { AppEnv } from "../env.ts";
import { isDevelopmentMode } from "../lib/environment.ts";
import { fillSecrets } from "./render.ts";

/** Where a rendered message goes: the send_email binding, or the dev mailbox. */
export interface DeliveryAdapter {
  readonly name: string;
  /**
   * Erase the row's secrets once the row is done, delivered or `failed`
   * (production: the mail has left, or never will; nobody needs the link again).
   */
  readonly eraseSecretsAfterDelivery: boolean;
  deliver(message: {
    from: string;
    fromName: string;
    to: string;
    subject: string;
    text: string;
    html: string;
  }): Promise<void>;
}

type OutgoingMessage = Parameters<DeliveryAdapter["deliver"]>[0];

/**
 * The RFC 5322 message for the send_email binding, made by mimetext: the
 * sender's name and the bilingual subject as UTF-8 encoded words, a
 * multipart/alternative body of the text and HTML parts, each in base64 so
 * accents survive any relay, and Content-Language naming both languages.
 */
export async function mimeMessage(m: OutgoingMessage): Promise<string> {
  // Imported when a message is sent, not when the worker starts: mimetext
  // brings 147 KB of core-js (decision 015). Its browser build: js-base64
  // rather than Node's os and mime-types.
  const { createMimeMessage } = await import("mimetext/browser");
  const message = createMimeMessage();
  message.setSender({ name: m.fromName, addr: m.from });
  message.setRecipient(m.to);
  message.setSubject(m.subject);
  message.setHeader("Content-Language", "en, fr");
  for (const [contentType, body] of [
    ["text/plain", m.text],
    ["text/html", m.html],
  ] as const) {
    // mimetext writes a part's data as given: encoded here with its own
    // base64, in lines of 76 characters (RFC 2045 §6.8).
    message.addMessage({ contentType, encoding: "base64", data: message.toBase64(body).replace(/(.{76})/g, "$1\r\n") });
  }
  return message.asRaw();
}

/** Production: Cloudflare's send_email binding with the MIME message above. */
export function sendEmailBindingAdapter(env: Pick<AppEnv, "EMAIL">): DeliveryAdapter {
  return {
    name: "send_email",
    eraseSecretsAfterDelivery: true,
    async deliver(message) {
      if (!env.EMAIL) throw new Error("send_email binding EMAIL is not configured");
      const { EmailMessage } = await import("cloudflare:email");
      const raw = await mimeMessage(message);
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

/** Real mail unless in development mode: an unset or unknown ENVIRONMENT sends real mail. */
export function adapterFor(env: AppEnv): DeliveryAdapter {
  return isDevelopmentMode(env) ? devMailboxAdapter : sendEmailBindingAdapter(env);
}

/** Retries back off: 30 s, 1 min, 2 min … capped at 1 hour; after MAX the row is `failed`. */
export const DELIVERY_RETRY = { maxAttempts: 10, baseSeconds: 30, maxSeconds: 3600 } as const;

export function retryDelaySeconds(attempts: number): number {
  return Math.min(DELIVERY_RETRY.baseSeconds * 2 ** Math.max(0, attempts - 1), DELIVERY_RETRY.maxSeconds);
}

type DeliveryOutcome =
  | { result: "sent" }
  | { result: "skipped" }
  | { result: "retry"; delaySeconds: number }
  | { result: "failed" };

/** How long one consumer may hold a row while sending it, before another may try. */
const DELIVERY_LEASE_SECONDS = 120;
/** How long a message waits for an earlier one to the same address that another consumer is sending. */
const WAIT_FOR_EARLIER_SECONDS = 10;

/**
 * Delivers one outbox row, after any earlier pending rows to the same
 * address, so a person reads "returned" before "accepted" even when the
 * first one needed retries. If an earlier row is waiting out its backoff,
 * this one waits too (without counting an attempt).
 */
export async function deliverOutboxMessage(
  env: Pick<AppEnv, "EMAIL_FROM_NAME">,
  db: Database,
  outboxId: number,
  adapter: DeliveryAdapter,
  now = Date.now(),
): Promise<DeliveryOutcome> {
  const row = await outboxRowStatus(db, outboxId);
  if (row?.status !== "pending") return { result: "skipped" };
  const earlier = await earlierPendingTo(db, row.toAddress, outboxId);
  for (const before of earlier) {
    const dueAt = before.nextAttemptAt ? Date.parse(before.nextAttemptAt) : 0;
    if (dueAt > now) return { result: "retry", delaySeconds: Math.ceil((dueAt - now) / 1000) + 1 };
    const outcome = await deliverOneRow(env, db, before.id, adapter, now);
    if (outcome.result === "retry") return outcome;
    if (outcome.result === "skipped") {
      // Sent or failed meanwhile (fine), or being sent by another consumer right now: wait for it.
      const state = await outboxRowStatus(db, before.id);
      if (state?.status === "pending") return { result: "retry", delaySeconds: WAIT_FOR_EARLIER_SECONDS };
    }
  }
  return deliverOneRow(env, db, outboxId, adapter, now);
}

/**
 * Sends one row once. The row is first leased with a conditional UPDATE, so
 * a queue that delivers the same message twice, or the sweep re-queueing it
 * while a consumer is still sending, cannot send it twice. A failure is
 * recorded on the row (attempts, error, next attempt) and the row stays
 * pending for the queue's retry, so a message is never dropped; after the
 * last attempt it is marked `failed` and stays listed for an operator.
 */
async function deliverOneRow(
  env: Pick<AppEnv, "EMAIL_FROM_NAME">,
  db: Database,
  outboxId: number,
  adapter: DeliveryAdapter,
  now: number,
): Promise<DeliveryOutcome> {
  const row = await leaseOutboxRow(db, outboxId, nowIso(now + DELIVERY_LEASE_SECONDS * 1000), now);
  if (!row) return { result: "skipped" };
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
      // Given up: the row stays listed for an operator, but without the passwords and links it held.
      await recordDeliveryFailure(db, row.id, {
        attempts,
        error: message,
        givenUp: true,
        eraseSecrets: adapter.eraseSecretsAfterDelivery,
      });
      return { result: "failed" };
    }
    const delaySeconds = retryDelaySeconds(attempts);
    await recordDeliveryFailure(db, row.id, {
      attempts,
      error: message,
      givenUp: false,
      nextAttemptAt: nowIso(now + delaySeconds * 1000),
    });
    return { result: "retry", delaySeconds };
  }
  await recordDeliverySent(
    db,
    row.id,
    { attempts: row.attempts + 1, eraseSecrets: adapter.eraseSecretsAfterDelivery },
    now,
  );
  return { result: "sent" };
}
