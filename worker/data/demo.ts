import { eq } from "drizzle-orm";
import { accounts } from "../../schema/index.ts";
import { setChosenPassword } from "./accounts.ts";
import { auditInsert } from "./audit.ts";
import type { Database } from "./db.ts";

/*
 * Demo data for `npm start` (admin `seed-demo`, local state only). Everything
 * else in the demo goes through the real code paths (import, invitation,
 * acceptance); only these two finishing touches are demo-specific.
 */

/** The account that belongs to a person (their own, not one acting for them). */
export async function accountOfPerson(db: Database, personId: number) {
  return db.select().from(accounts).where(eq(accounts.personId, personId)).get();
}

/**
 * Gives an account a fixed, documented username and a chosen password, so
 * a demo can sign in straight away. One batch with its audit row.
 */
export async function prepareDemoAccount(
  db: Database,
  accountId: number,
  demo: { username: string; passwordHash: string },
  actor: { kind: "admin"; id: string },
) {
  await db.batch([
    db.update(accounts).set({ username: demo.username }).where(eq(accounts.id, accountId)),
    setChosenPassword(db, accountId, demo.passwordHash),
    auditInsert(db, {
      actorKind: actor.kind,
      actorId: actor.id,
      action: "demo.account_prepared",
      subjectKind: "account",
      subjectId: demo.username,
    }),
  ]);
}
