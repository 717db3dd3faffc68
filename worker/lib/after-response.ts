import type { AppContext } from "./hono-types.ts";

/**
 * Work that must not hold up the answer (sending queued mail, deleting a replaced object): run after
 * the response, its failure logged, never thrown. Each caller's work has a fallback that makes a
 * failure harmless (the outbox sweep re-enqueues, the orphan sweep deletes), named in `whenItFails`.
 */
export function afterResponse(c: AppContext, work: Promise<unknown>, whenItFails: string): void {
  c.executionCtx.waitUntil(work.catch((error) => console.error(whenItFails, error)));
}
