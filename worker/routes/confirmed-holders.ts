import { findAccountsByEmail } from "../data/accounts.ts";
import { confirmedAddresses } from "../data/email-confirmations.ts";
import { hitRateLimit } from "../data/rate-limits.ts";
import { enqueueOutbox } from "../email/outbox.ts";
import { afterResponse } from "../lib/after-response.ts";
import type { AppContext } from "../lib/hono-types.ts";

type Account = Awaited<ReturnType<typeof findAccountsByEmail>>[number];

/**
 * The public routes that take an account's email and must not say whether an account uses it
 * (forgot password, another way's sign-in help, decision 028): the caller answers at once, and this
 * does the work after the response, so the answer and its timing are the same either way. The work
 * runs only for accounts whose owner confirmed the address (one rule for addresses,
 * worker/data/email-confirmations.ts), and at most `perAccount.limit` times per window for each,
 * counted under `capName` as well as the route's IP throttle, so nobody floods one mailbox from many
 * addresses; silently, since the answer is already sent. `work` writes its rows and returns the
 * outbox rows to send.
 */
export function forConfirmedHoldersAfterResponse<Holder extends { id: number; email: string } = Account>(
  c: AppContext,
  rules: {
    email: string;
    capName: string;
    perAccount: { limit: number; windowSeconds: number };
    /** Which holders the work is for at all (forgot password: only passwords a person chose). */
    eligible?: (account: NoInfer<Holder>) => boolean;
    /**
     * Whose address it is, when not applicants' accounts: a representative's own account (decision
     * 026), its cap counted under its own `kind` so the two kinds' ids never share a counter.
     */
    holders?: { kind: string; find: (email: string) => Promise<Holder[]> };
    whenItFails: string;
  },
  work: (account: NoInfer<Holder>) => Promise<number[]>,
): void {
  const db = c.var.db;
  const env = c.env;
  afterResponse(
    c,
    (async () => {
      const found = rules.holders
        ? await rules.holders.find(rules.email)
        : ((await findAccountsByEmail(db, rules.email)) as unknown as Holder[]);
      const holders = found.filter(rules.eligible ?? (() => true));
      const confirmed = await confirmedAddresses(
        db,
        holders.map((a) => a.email),
      );
      for (const account of holders) {
        if (!confirmed.has(account.email.trim().toLowerCase())) continue;
        const cap = await hitRateLimit(
          db,
          `${rules.holders?.kind ?? "account"}:${rules.capName}:${account.id}`,
          rules.perAccount.limit,
          rules.perAccount.windowSeconds,
        );
        if (!cap.allowed) continue;
        const outboxIds = await work(account);
        if (outboxIds.length > 0) await enqueueOutbox(env, db, outboxIds);
      }
    })(),
    rules.whenItFails,
  );
}
