import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "../../schema/index.ts";
import { consumeEmailBatch } from "../../worker/email/consumer.ts";
import {
  type DeliveryAdapter,
  DELIVERY_RETRY,
  deliverOutboxMessage,
  devMailboxAdapter,
  mimeMessage,
  retryDelaySeconds,
  sendEmailBindingAdapter,
} from "../../worker/email/delivery.ts";
import { findOutboxDueForQueue, outboxInsert } from "../../worker/data/outbox.ts";
import { renderBilingual } from "../../worker/email/render.ts";
import worker from "../../worker/index.ts";
import { db, unique } from "../support/factories.ts";

async function writeMessage(secrets?: Record<string, string>) {
  const to = `mail${unique()}@example.com`;
  const email = renderBilingual({
    en: { heading: "Hello", paragraphs: [{ text: "Your code: ⟦code⟧" }] },
    fr: { heading: "Bonjour", paragraphs: [{ text: "Votre code : ⟦code⟧" }] },
  });
  const [row] = await outboxInsert(db(), env, { kind: "test", to, email, secrets });
  return { id: row!.id, to };
}

/** Records what it was asked to deliver; fails the first `failures` times. */
function recordingAdapter(
  failures: number,
  erase = true,
): DeliveryAdapter & { delivered: { to: string; text: string }[] } {
  let calls = 0;
  const delivered: { to: string; text: string }[] = [];
  return {
    name: "recording",
    eraseSecretsAfterDelivery: erase,
    delivered,
    async deliver(message) {
      calls++;
      if (calls <= failures) throw new Error(`SMTP 451 try again (${calls})`);
      delivered.push({ to: message.to, text: message.text });
    },
  };
}

describe("outbox delivery", () => {
  it("a failed delivery is kept, retried with backoff, then delivered with its secrets filled in", async () => {
    const { id, to } = await writeMessage({ code: "K7M4-Q9TX" });
    const adapter = recordingAdapter(2);
    const t0 = Date.parse("2026-01-01T00:00:00Z");

    expect(await deliverOutboxMessage(env, db(), id, adapter, t0)).toEqual({ result: "retry", delaySeconds: 30 });
    let row = await db().select().from(outbox).where(eq(outbox.id, id)).get();
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "SMTP 451 try again (1)" });
    expect(row!.nextAttemptAt).toBe("2026-01-01T00:00:30.000Z");

    expect(await deliverOutboxMessage(env, db(), id, adapter, t0 + 30_000)).toEqual({
      result: "retry",
      delaySeconds: 60,
    });
    expect(await deliverOutboxMessage(env, db(), id, adapter, t0 + 90_000)).toEqual({ result: "sent" });
    row = await db().select().from(outbox).where(eq(outbox.id, id)).get();
    expect(row).toMatchObject({ status: "sent", attempts: 3, lastError: null, secretsJson: null });
    expect(adapter.delivered).toEqual([{ to, text: expect.stringContaining("Your code: K7M4-Q9TX") }]);
    // Delivered once only, even if the queue hands it over again.
    expect(await deliverOutboxMessage(env, db(), id, adapter)).toEqual({ result: "skipped" });
  });

  it("backs off exponentially up to an hour, and marks failed (still listed) after the last attempt", async () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([30, 60, 120, 240]);
    expect(retryDelaySeconds(20)).toBe(3600);
    const { id } = await writeMessage();
    await db()
      .update(outbox)
      .set({ attempts: DELIVERY_RETRY.maxAttempts - 1 })
      .where(eq(outbox.id, id));
    expect(await deliverOutboxMessage(env, db(), id, recordingAdapter(99))).toEqual({ result: "failed" });
    expect((await db().select().from(outbox).where(eq(outbox.id, id)).get())!.status).toBe("failed");
  });

  it("a row that ends failed has its secrets erased like a delivered one, and keeps them while it is retried", async () => {
    const { id } = await writeMessage({ code: "TEMP-PASS-42" });
    const adapter = recordingAdapter(99);
    const t0 = Date.parse("2026-01-01T00:00:00Z");
    expect(await deliverOutboxMessage(env, db(), id, adapter, t0)).toMatchObject({ result: "retry" });
    // Still pending: the retry needs the secret to fill in the message.
    expect((await db().select().from(outbox).where(eq(outbox.id, id)).get())!.secretsJson).toBe(
      '{"code":"TEMP-PASS-42"}',
    );
    await db()
      .update(outbox)
      .set({ attempts: DELIVERY_RETRY.maxAttempts - 1, nextAttemptAt: null })
      .where(eq(outbox.id, id));
    expect(await deliverOutboxMessage(env, db(), id, adapter, t0 + 3_600_000)).toEqual({ result: "failed" });
    const row = (await db().select().from(outbox).where(eq(outbox.id, id)).get())!;
    expect(row).toMatchObject({ status: "failed", attempts: DELIVERY_RETRY.maxAttempts, secretsJson: null });
    expect(JSON.stringify(row)).not.toContain("TEMP-PASS-42");
  });

  it("migration 0009 erases the secrets of rows that had ended failed before the code erased them, and nothing else", async () => {
    const failedEarlier = await writeMessage({ code: "OLD-FAILED-7" });
    const pending = await writeMessage({ code: "STILL-PENDING-8" });
    await db()
      .update(outbox)
      .set({ status: "failed", attempts: DELIVERY_RETRY.maxAttempts })
      .where(eq(outbox.id, failedEarlier.id));
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith("0009_"))!;
    expect(migration.name).toBe("0009_erase_failed_outbox_secrets.sql");
    for (const query of migration.queries) await env.DB.prepare(query).run();
    expect((await db().select().from(outbox).where(eq(outbox.id, failedEarlier.id)).get())!.secretsJson).toBeNull();
    expect((await db().select().from(outbox).where(eq(outbox.id, pending.id)).get())!.secretsJson).toBe(
      '{"code":"STILL-PENDING-8"}',
    );
  });

  it("the queue consumer retries failures with their delay and acks successes", async () => {
    const ok = await writeMessage();
    const failing = await writeMessage();
    const adapter: DeliveryAdapter = {
      name: "selective",
      eraseSecretsAfterDelivery: false,
      async deliver(message) {
        if (message.to === failing.to) throw new Error("mailbox unavailable");
      },
    };
    const batch = createMessageBatch("pr-portal-email", [
      { id: "a", timestamp: new Date(), attempts: 1, body: { outboxId: ok.id } },
      { id: "b", timestamp: new Date(), attempts: 1, body: { outboxId: failing.id } },
    ]);
    const ctx = createExecutionContext();
    await consumeEmailBatch(batch, env, adapter);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual(["a"]);
    expect(result.retryMessages.map((m) => m.msgId)).toEqual(["b"]);
    // The backoff chosen for the retry is recorded on the row.
    const row = (await db().select().from(outbox).where(eq(outbox.id, failing.id)).get())!;
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "mailbox unavailable" });
    expect(Date.parse(row.nextAttemptAt!) - Date.now()).toBeGreaterThan(25_000);
  });

  it("the scheduled sweep re-queues rows whose enqueue was lost, and skips rows not yet due", async () => {
    const lost = await writeMessage();
    const later = await writeMessage();
    await db()
      .update(outbox)
      .set({ nextAttemptAt: new Date(Date.now() + 3_600_000).toISOString() })
      .where(eq(outbox.id, later.id));
    const due = (await findOutboxDueForQueue(db(), Date.now(), 10_000)).map((r) => r.id);
    expect(due).toContain(lost.id);
    expect(due).not.toContain(later.id);
    await worker.scheduled({ cron: "* * * * *", scheduledTime: Date.now(), noRetry() {} } as ScheduledController, env);
    expect((await db().select().from(outbox).where(eq(outbox.id, lost.id)).get())!.lastEnqueuedAt).not.toBeNull();
  });

  it("the dev mailbox adapter keeps secrets so the local demo can be followed", async () => {
    const { id } = await writeMessage({ code: "ABCD" });
    expect(await deliverOutboxMessage(env, db(), id, devMailboxAdapter)).toEqual({ result: "sent" });
    expect((await db().select().from(outbox).where(eq(outbox.id, id)).get())!.secretsJson).toBe('{"code":"ABCD"}');
  });

  it("builds a MIME message the send_email binding accepts: encoded sender and bilingual subject, text and HTML parts in base64", async () => {
    const message = {
      from: "no-reply@cic.gc.ca",
      fromName: "IRCC PR Confirmation / Confirmation de la RP IRCC",
      to: "a@example.com",
      subject:
        "PR Confirmation Portal: your photo was accepted / Portail de confirmation de la RP : votre photo a été acceptée",
      text: `Bonjour Zoë Lefèvre-Nguyễn,\n${"Votre photo a été acceptée. ".repeat(8)}`,
      html: `<p lang="fr">Bonjour Zoë Lefèvre-Nguyễn,</p><p>${"Votre photo a été acceptée. ".repeat(8)}</p>`,
    };
    const raw = await mimeMessage(message);
    expect(raw.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of raw.split("\r\n")) expect(line.length, line).toBeLessThanOrEqual(998);

    const [head, ...rest] = raw.split("\r\n\r\n");
    const headers = new Map(
      head!
        .replace(/\r\n[ \t]+/g, " ")
        .split("\r\n")
        .map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
    );
    const utf8 = (base64: string) => new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
    const words = (value: string) => value.replace(/=\?utf-8\?B\?([^?]*)\?=/gi, (_, base64: string) => utf8(base64));
    expect(headers.get("subject")).toMatch(/^=\?utf-8\?B\?/i);
    expect(words(headers.get("subject")!)).toBe(message.subject);
    expect(words(headers.get("from")!)).toBe(`${message.fromName} <no-reply@cic.gc.ca>`);
    expect(headers.get("to")).toBe("<a@example.com>");
    expect(headers.get("mime-version")).toBe("1.0");
    expect(headers.get("content-language")).toBe("en, fr");
    expect(headers.get("message-id")).toMatch(/^<[^@\s]+@cic\.gc\.ca>$/);
    expect(Date.now() - Date.parse(headers.get("date")!)).toBeLessThan(60_000);

    const boundary = /^multipart\/alternative; ?boundary="?([^";]+)"?$/.exec(headers.get("content-type")!)![1]!;
    const parts = rest.join("\r\n\r\n").split(`--${boundary}`).slice(1, -1);
    expect(parts).toHaveLength(2);
    const decoded = parts.map((part) => {
      const [partHead, body] = part.trim().split("\r\n\r\n");
      expect(partHead).toContain("Content-Transfer-Encoding: base64");
      for (const line of body!.split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
      return { type: /Content-Type: ([^\r\n]+)/.exec(partHead!)![1], body: utf8(body!.replace(/\r\n/g, "")) };
    });
    expect(decoded).toEqual([
      { type: "text/plain; charset=UTF-8", body: message.text },
      { type: "text/html; charset=UTF-8", body: message.html },
    ]);

    // The local send_email binding parses the message (postal-mime) and checks its From and Message-ID.
    await expect(sendEmailBindingAdapter({ EMAIL: env.EMAIL }).deliver(message)).resolves.toBeUndefined();
  });
});
