// Email delivery failing, and the queue handing a message over more than
// once: every message is delivered exactly once, and a person's messages
// arrive in the order they were written even when the first needed retries.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "../../../schema/index.ts";
import { consumeEmailBatch } from "../../../worker/email/consumer.ts";
import { type DeliveryAdapter, deliverOutboxMessage } from "../../../worker/email/delivery.ts";
import { outboxInsert } from "../../../worker/data/outbox.ts";
import { renderBilingual } from "../../../worker/email/render.ts";
import { db, unique } from "../../support/factories.ts";

async function write(to: string, heading: string) {
  const email = renderBilingual({
    en: { heading, paragraphs: [{ text: heading }] },
    fr: { heading, paragraphs: [{ text: heading }] },
  });
  const [row] = await outboxInsert(db(), env, { kind: "test", to, email });
  return row!.id;
}

/** A mail server that refuses the first `failures` attempts, then takes everything; `slowMs` holds each delivery open. */
function mailServer(failures: number, slowMs = 0): DeliveryAdapter & { received: string[]; attempts: number } {
  const server = {
    name: "test-server",
    eraseSecretsAfterDelivery: true,
    received: [] as string[],
    attempts: 0,
    async deliver(message: { text: string }) {
      server.attempts++;
      if (slowMs) await new Promise((resolve) => setTimeout(resolve, slowMs));
      if (server.attempts <= failures) throw new Error(`451 temporary failure ${server.attempts}`);
      server.received.push(message.text);
    },
  };
  return server;
}

const statuses = async (ids: number[]) =>
  (
    await db()
      .select({ id: outbox.id, status: outbox.status })
      .from(outbox)
      .where(inArray(outbox.id, ids))
      .orderBy(outbox.id)
      .all()
  ).map((r) => r.status);

describe("faults: email delivery", () => {
  it("fails N times then succeeds: each message delivered once, and in the order written", async () => {
    const to = `order${unique()}@example.com`;
    const returned = await write(to, "Photo returned");
    const accepted = await write(to, "Photo accepted");
    const server = mailServer(3);
    let now = Date.parse("2026-03-01T12:00:00Z");

    // The queue happens to hand over the later message first: the earlier one is tried first, and fails.
    expect(await deliverOutboxMessage(env, db(), accepted, server, now)).toEqual({ result: "retry", delaySeconds: 30 });
    expect(server.received).toEqual([]);
    // While the earlier one waits out its backoff, the later one waits too (no attempt counted on it).
    expect(await deliverOutboxMessage(env, db(), accepted, server, now + 5_000)).toEqual({
      result: "retry",
      delaySeconds: 26,
    });
    expect((await db().select().from(outbox).where(eq(outbox.id, accepted)).get())!.attempts).toBe(0);

    now += 30_000;
    expect(await deliverOutboxMessage(env, db(), returned, server, now)).toEqual({ result: "retry", delaySeconds: 60 });
    now += 60_000;
    expect(await deliverOutboxMessage(env, db(), returned, server, now)).toEqual({
      result: "retry",
      delaySeconds: 120,
    });
    now += 120_000;
    // Fourth attempt succeeds: the earlier message, then the later one, once each.
    expect(await deliverOutboxMessage(env, db(), accepted, server, now)).toEqual({ result: "sent" });
    expect(server.received).toEqual([
      expect.stringContaining("Photo returned"),
      expect.stringContaining("Photo accepted"),
    ]);
    expect(await statuses([returned, accepted])).toEqual(["sent", "sent"]);

    // The queue's own retries arrive afterwards: nothing is sent again.
    expect(await deliverOutboxMessage(env, db(), returned, server, now + 1_000)).toEqual({ result: "skipped" });
    expect(await deliverOutboxMessage(env, db(), accepted, server, now + 1_000)).toEqual({ result: "skipped" });
    expect(server.received).toHaveLength(2);
  });

  it("the queue redelivers a message, even to two consumers at once: it is sent once and both copies are acked", async () => {
    const to = `redeliver${unique()}@example.com`;
    const id = await write(to, "Card mailed");
    const server = mailServer(0, 50);
    // Two consumers get the same message at the same moment (at-least-once delivery).
    const outcomes = await Promise.all([
      deliverOutboxMessage(env, db(), id, server),
      deliverOutboxMessage(env, db(), id, server),
    ]);
    expect(outcomes.map((o) => o.result).sort()).toEqual(["sent", "skipped"]);
    expect(server.received).toHaveLength(1);

    // The same message twice in one batch, and again in a later batch.
    const again = await write(to, "Proof available");
    const batch = createMessageBatch("pr-portal-email", [
      { id: "m1", timestamp: new Date(), attempts: 1, body: { outboxId: again } },
      { id: "m2", timestamp: new Date(), attempts: 2, body: { outboxId: again } },
    ]);
    const ctx = createExecutionContext();
    await consumeEmailBatch(batch, env, server);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(["m1", "m2"]);
    const later = createMessageBatch("pr-portal-email", [
      { id: "m3", timestamp: new Date(), attempts: 3, body: { outboxId: again } },
    ]);
    await consumeEmailBatch(later, env, server);
    expect(server.received).toEqual([
      expect.stringContaining("Card mailed"),
      expect.stringContaining("Proof available"),
    ]);
    expect(await db().select().from(outbox).where(eq(outbox.id, again)).get()).toMatchObject({
      status: "sent",
      attempts: 1,
    });
  });

  it("a consumer that died while sending holds the message only until its lease runs out", async () => {
    const to = `lease${unique()}@example.com`;
    const id = await write(to, "Submission received");
    const t0 = Date.parse("2026-03-02T08:00:00Z");
    // A consumer took the lease and was killed mid-send (no result recorded).
    await db()
      .update(outbox)
      .set({ deliveryLeaseUntil: new Date(t0 + 120_000).toISOString() })
      .where(eq(outbox.id, id));
    const server = mailServer(0);
    expect(await deliverOutboxMessage(env, db(), id, server, t0 + 10_000)).toEqual({ result: "skipped" });
    expect(server.received).toEqual([]);
    expect(await deliverOutboxMessage(env, db(), id, server, t0 + 121_000)).toEqual({ result: "sent" });
    expect(server.received).toHaveLength(1);
  });
});
