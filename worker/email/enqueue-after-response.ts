import { afterResponse } from "../lib/after-response.ts";
import type { AppContext } from "../lib/hono-types.ts";
import { enqueueOutbox } from "./outbox.ts";

/** Puts outbox rows written with the request's change on the email queue, after the response. */
export function enqueueAfterResponse(c: AppContext, outboxIds: number[]): void {
  afterResponse(c, enqueueOutbox(c.env, c.var.db, outboxIds), "enqueue failed; the sweep will retry");
}
