import { createExecutionContext, createMessageBatch, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "../../schema/index.ts";
import { consumeEmailBatch } from "../../worker/email/consumer.ts";
import { adapterFor } from "../../worker/email/delivery.ts";
import { outboxInsert } from "../../worker/data/outbox.ts";
import { renderBilingual } from "../../worker/email/render.ts";
import type { AppEnv } from "../../worker/env.ts";
import worker from "../../worker/index.ts";
import { isDevelopmentMode } from "../../worker/lib/environment.ts";
import { ORIGIN } from "../support/http.ts";
import { db, unique } from "../support/factories.ts";

/** The test env with ENVIRONMENT set to `value`, or without the variable at all. */
function envWith(value: string | undefined): AppEnv {
  const { ENVIRONMENT: _ignored, ...rest } = env;
  // Without the variable: wrangler.toml's types say it is always there, but a deployment can remove it.
  return value === undefined ? (rest as AppEnv) : { ...rest, ENVIRONMENT: value };
}

/** Not development: a missing, misspelled, differently cased or other deployment's value. */
const PRODUCTION_LIKE: [string, string | undefined][] = [
  ["unset", undefined],
  ["staging", "staging"],
  ["Production", "Production"],
  ["production", "production"],
  ["empty", ""],
  ["Development", "Development"],
  ["development with a space", "development "],
];

async function fetchWith(environment: AppEnv, path: string): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`${ORIGIN}${path}`), environment, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

describe("development mode fails closed", () => {
  it("is on only for exactly 'development' and 'test'", () => {
    expect(isDevelopmentMode(envWith("development"))).toBe(true);
    expect(isDevelopmentMode(envWith("test"))).toBe(true);
    for (const [, value] of PRODUCTION_LIKE) expect(isDevelopmentMode(envWith(value)), String(value)).toBe(false);
  });

  it.each(PRODUCTION_LIKE)(
    "ENVIRONMENT %s: /dev/mailbox is a 404 and mail goes to the send_email binding",
    async (_label, value) => {
      const mailbox = await fetchWith(envWith(value), "/dev/mailbox");
      expect(mailbox.status).toBe(404);
      const body = await mailbox.text();
      expect(body).not.toContain("Development mailbox");
      expect(JSON.parse(body)).toMatchObject({ error: { code: "not_found" } });
      expect((await fetchWith(envWith(value), "/dev/mailbox?format=json")).status).toBe(404);

      const adapter = adapterFor(envWith(value));
      expect(adapter.name).toBe("send_email");
      expect(adapter.eraseSecretsAfterDelivery).toBe(true);
    },
  );

  it("development and test keep the local mailbox page and adapter", async () => {
    for (const value of ["development", "test"]) {
      const mailbox = await fetchWith(envWith(value), "/dev/mailbox");
      expect(mailbox.status, value).toBe(200);
      expect(await mailbox.text()).toContain("Development mailbox");
      expect(adapterFor(envWith(value)).name).toBe("dev-mailbox");
    }
  });

  it("with ENVIRONMENT unset, the queue consumer hands the message to the send_email binding and erases its secrets", async () => {
    const sent: { from: string; to: string }[] = [];
    const email = {
      send: async (message: { from: string; to: string }) => void sent.push({ from: message.from, to: message.to }),
    } as unknown as SendEmail;
    const production = { ...envWith(undefined), EMAIL: email };
    const to = `prod${unique()}@example.com`;
    const rendered = renderBilingual({
      en: { heading: "Hello", paragraphs: [{ text: "Your code: ⟦code⟧" }] },
      fr: { heading: "Bonjour", paragraphs: [{ text: "Votre code : ⟦code⟧" }] },
    });
    const [row] = await outboxInsert(db(), production, {
      kind: "test",
      to,
      email: rendered,
      secrets: { code: "SECRET-1" },
    });
    const batch = createMessageBatch("pr-portal-email", [
      { id: "m", timestamp: new Date(), attempts: 1, body: { outboxId: row!.id } },
    ]);
    const ctx = createExecutionContext();
    await consumeEmailBatch(batch, production);
    expect((await getQueueResult(batch, ctx)).explicitAcks).toEqual(["m"]);
    expect(sent).toEqual([{ from: production.EMAIL_FROM, to }]);
    expect(await db().select().from(outbox).where(eq(outbox.id, row!.id)).get()).toMatchObject({
      status: "sent",
      secretsJson: null,
    });
  });
});
