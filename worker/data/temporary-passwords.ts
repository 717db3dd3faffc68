import { and, eq, inArray } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { accounts, persons } from "../../schema/index.ts";
import { outboxInsert } from "./outbox.ts";
import { temporaryPasswordResetEmail } from "../email/templates.ts";
import type { AppEnv } from "../env.ts";
import { settings, templateContext } from "../lib/config.ts";
import { generateTemporaryPassword } from "../lib/credentials.ts";
import { hashPassword } from "../lib/password-hash.ts";
import { findAccountsByEmail } from "./accounts.ts";
import { auditInsert } from "./audit.ts";
import { confirmationLink, confirmedAddresses } from "./email-confirmations.ts";
import { type Database, addDays, nowIso } from "./db.ts";
import { revokeAllSessions } from "./sessions.ts";

type ResetEnv = Pick<
  AppEnv,
  "EMAIL_FROM" | "PUBLIC_ORIGIN" | "HELP_EMAIL" | "TEMP_PASSWORD_DAYS" | "INVITATION_DAYS" | "CARD_TARGET_DAYS"
>;

interface TemporaryPasswordReset {
  /** Accounts that got a new temporary password (emailed, via the outbox). */
  reset: { accountId: number; username: string; email: string; expiresAt: string; outboxId: number }[];
  /** Accounts left alone because their owner already chose a password ("Forgot your password?" is for them). */
  refused: { accountId: number; username: string }[];
  /**
   * Accounts whose address its owner has not confirmed: no password is sent
   * there, only a fresh confirmation link (the password follows once it is
   * opened). Earlier links of the account stop working.
   */
  confirmationSent: { accountId: number; username: string; email: string; outboxId: number }[];
}

/**
 * Gives every account with this email whose password is still temporary
 * (expired or not) a new temporary password: new hash and expiry, lockout
 * cleared, every session revoked, the bilingual email written to the outbox
 * and an audit row, all in one batch. Accounts whose owner already chose a
 * password are refused: an admin must never learn or replace a password a
 * person chose.
 *
 * The account update is guarded by `password_is_temporary = 1`, so if the
 * person sets their own password at the same moment, their choice stands
 * (the emailed temporary password then simply does not work).
 */
export async function resetTemporaryPassword(
  db: Database,
  env: ResetEnv,
  email: string,
  actor: { kind: "admin"; id: string },
  now = Date.now(),
): Promise<TemporaryPasswordReset> {
  const found = await findAccountsByEmail(db, email);
  const refused = found
    .filter((a) => a.passwordIsTemporary !== 1)
    .map((a) => ({ accountId: a.id, username: a.username }));
  const confirmed = await confirmedAddresses(
    db,
    found.map((a) => a.email),
  );
  const isConfirmed = (a: { email: string }) => confirmed.has(a.email.trim().toLowerCase());
  const waiting = found.filter((a) => a.passwordIsTemporary === 1 && !isConfirmed(a));
  const temporary = found.filter((a) => a.passwordIsTemporary === 1 && isConfirmed(a));
  const confirmationSent = await sendConfirmationLinks(db, env, waiting, actor, now);
  if (temporary.length === 0) return { reset: [], refused, confirmationSent };

  const { temporaryPasswordDays } = settings(env);
  const expiresAt = addDays(nowIso(now), temporaryPasswordDays);
  const people = await db
    .select()
    .from(persons)
    .where(
      inArray(
        persons.id,
        temporary.map((a) => a.personId),
      ),
    )
    .all();
  const nameOf = new Map(people.map((p) => [p.id, `${p.givenNames} ${p.familyName}`]));

  const statements: BatchItem<"sqlite">[] = [];
  const mails: ReturnType<typeof outboxInsert>[] = [];
  for (const account of temporary) {
    const password = generateTemporaryPassword();
    statements.push(
      db
        .update(accounts)
        .set({
          passwordHash: await hashPassword(password),
          temporaryPasswordExpiresAt: expiresAt,
          temporaryPasswordUsedAt: null,
          failedSignIns: 0,
          lockedUntil: null,
        })
        .where(and(eq(accounts.id, account.id), eq(accounts.passwordIsTemporary, 1))),
      revokeAllSessions(db, account.id, now),
      auditInsert(db, {
        actorKind: actor.kind,
        actorId: actor.id,
        action: "account.temporary_password_reset",
        subjectKind: "account",
        subjectId: account.username,
        details: { expiresAt },
      }),
    );
    mails.push(
      outboxInsert(db, env, {
        kind: "temporary_password_reset",
        to: account.email,
        email: temporaryPasswordResetEmail(templateContext(env), {
          name: nameOf.get(account.personId) ?? account.username,
          username: account.username,
          days: temporaryPasswordDays,
        }),
        secrets: { password },
      }),
    );
  }
  const results = await db.batch([statements[0]!, ...statements.slice(1), ...mails] as [
    BatchItem<"sqlite">,
    ...BatchItem<"sqlite">[],
  ]);
  const outboxIds = (results.slice(statements.length) as { id: number }[][]).map((rows) => rows[0]!.id);
  return {
    reset: temporary.map((a, i) => ({
      accountId: a.id,
      username: a.username,
      email: a.email,
      expiresAt,
      outboxId: outboxIds[i]!,
    })),
    refused,
    confirmationSent,
  };
}

/** A new confirmation link for each account waiting for its address to be confirmed. */
async function sendConfirmationLinks(
  db: Database,
  env: ResetEnv,
  waiting: (typeof accounts.$inferSelect)[],
  actor: { kind: "admin"; id: string },
  now: number,
): Promise<TemporaryPasswordReset["confirmationSent"]> {
  const sent: TemporaryPasswordReset["confirmationSent"] = [];
  for (const account of waiting) {
    const person = await db.select().from(persons).where(eq(persons.id, account.personId)).get();
    const principal = person
      ? await db
          .select()
          .from(persons)
          .where(and(eq(persons.applicationId, person.applicationId), eq(persons.role, "principal")))
          .get()
      : undefined;
    const name = person ? `${person.givenNames} ${person.familyName}` : account.username;
    const link = await confirmationLink(
      db,
      env,
      {
        email: account.email,
        name,
        username: account.username,
        accountId: account.id,
        requestedBy: principal ? `${principal.givenNames} ${principal.familyName}` : name,
      },
      { actorKind: actor.kind, actorId: actor.id },
      now,
    );
    const results = await db.batch(link as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
    sent.push({
      accountId: account.id,
      username: account.username,
      email: account.email,
      outboxId: (results.at(-1) as { id: number }[])[0]!.id,
    });
  }
  return sent;
}
