import { type SQL, and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { accounts, confirmedEmailAddresses, emailConfirmations, persons } from "../../schema/index.ts";
import { outboxInsert } from "./outbox.ts";
import { accountCreatedEmail, emailConfirmationEmail } from "../email/templates.ts";
import type { AppEnv } from "../env.ts";
import { settings, templateContext } from "../lib/config.ts";
import { generateTemporaryPassword } from "../lib/credentials.ts";
import { randomToken, sha256Hex } from "../lib/crypto.ts";
import { hashPassword } from "../lib/password-hash.ts";
import { type AuditEntry, auditInsert } from "./audit.ts";
import { issueTemporaryCredentials } from "./credentials.ts";
import { representativeCredentials } from "./representatives.ts";
import type { RenderedEmail } from "../email/render.ts";
import { type Database, addDays, nowIso } from "./db.ts";
import { personColumns } from "./person-identity.ts";

/*
 * One rule for addresses: no credential (temporary password), invitation
 * link or reset link is sent to an email address whose owner has not
 * confirmed it. An address is confirmed by answering the invitation sent to
 * the address IRCC has on file, or by opening a confirmation link sent to it
 * (which carries no credential). Every place that sends a credential or a
 * link asks `confirmedAddresses()` first; an address someone typed for
 * someone else gets `confirmationLink()` instead, and what was waiting is
 * sent once its owner confirms.
 */

type ConfirmationEnv = Pick<
  AppEnv,
  "EMAIL_FROM" | "PUBLIC_ORIGIN" | "HELP_EMAIL" | "TEMP_PASSWORD_DAYS" | "INVITATION_DAYS" | "CARD_TARGET_DAYS"
>;

/** How long a confirmation link works. */
const CONFIRMATION_LINK_DAYS = 7;

const normalized = (email: string) => email.trim().toLowerCase();

/** Which of these addresses their owners confirmed (lower-cased). */
export async function confirmedAddresses(db: Database, emails: string[]): Promise<Set<string>> {
  const wanted = [...new Set(emails.map(normalized))];
  if (wanted.length === 0) return new Set();
  const rows = await db
    .select({ email: confirmedEmailAddresses.email })
    .from(confirmedEmailAddresses)
    .where(inArray(confirmedEmailAddresses.email, wanted))
    .all();
  return new Set(rows.map((r) => r.email));
}

export async function isAddressConfirmed(db: Database, email: string): Promise<boolean> {
  return (await confirmedAddresses(db, [email])).has(normalized(email));
}

/** Records that an address's owner confirmed it (kept from the first time). */
export function recordConfirmedAddress(db: Database, email: string, how: "invitation" | "link", now = Date.now()) {
  return db
    .insert(confirmedEmailAddresses)
    .values({ email: normalized(email), how, confirmedAt: nowIso(now) })
    .onConflictDoNothing();
}

/**
 * The statements that send a confirmation link to an address: earlier unused
 * links for the same account end, a fresh single-use token is stored hashed,
 * and the bilingual email (no credential in it) goes to the outbox, with an
 * audit row. `accountId` may be a subquery when the account is created in the
 * same batch. The outbox insert is last.
 */
export async function confirmationLink(
  db: Database,
  env: ConfirmationEnv,
  target: { email: string; name: string; username: string; requestedBy: string } & (
    | { accountId: number | SQL }
    // A representative's own account waits for its address the same way (decision 026), with its own email.
    | { representativeId: number | SQL; message: (days: number) => { kind: string; email: RenderedEmail } }
  ),
  actor: Pick<AuditEntry, "actorKind" | "actorId">,
  now = Date.now(),
): Promise<BatchItem<"sqlite">[]> {
  const token = randomToken(32);
  const created = nowIso(now);
  const email = normalized(target.email);
  const owner =
    "accountId" in target
      ? { column: emailConfirmations.accountId, value: { accountId: target.accountId }, kind: "account" }
      : {
          column: emailConfirmations.representativeId,
          value: { representativeId: target.representativeId },
          kind: "representative",
        };
  const message =
    "message" in target
      ? target.message(CONFIRMATION_LINK_DAYS)
      : {
          kind: "email_confirmation",
          email: emailConfirmationEmail(templateContext(env), {
            name: target.name,
            requestedBy: target.requestedBy,
            days: CONFIRMATION_LINK_DAYS,
          }),
        };
  return [
    db
      .update(emailConfirmations)
      .set({ supersededAt: created })
      .where(
        and(
          eq(owner.column, "accountId" in target ? target.accountId : target.representativeId),
          isNull(emailConfirmations.confirmedAt),
          isNull(emailConfirmations.supersededAt),
        ),
      ),
    db.insert(emailConfirmations).values({
      email,
      tokenHash: await sha256Hex(token),
      ...owner.value,
      expiresAt: addDays(created, CONFIRMATION_LINK_DAYS),
      createdAt: created,
    }),
    auditInsert(db, {
      ...actor,
      action: "email.confirmation_sent",
      subjectKind: owner.kind,
      subjectId: target.username,
    }),
    outboxInsert(db, env, { ...message, to: email, secrets: { token } }),
  ];
}

type ConfirmationOutcome =
  | { status: "not_found" }
  | { status: "used" }
  | { status: "expired" }
  | { status: "confirmed"; outboxIds: number[] };

/**
 * Opens a confirmation link: the address is recorded as confirmed, and the
 * account waiting for it gets a fresh temporary password, emailed there now.
 * Single use: the conditional update is the guard when two requests race.
 */
export async function confirmEmailAddress(
  db: Database,
  env: ConfirmationEnv,
  token: string,
  now = Date.now(),
): Promise<ConfirmationOutcome> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { status: "not_found" };
  const link = await db
    .select()
    .from(emailConfirmations)
    .where(eq(emailConfirmations.tokenHash, await sha256Hex(token)))
    .get();
  if (!link) return { status: "not_found" };
  if (link.confirmedAt) return { status: "used" };
  if (link.supersededAt || link.expiresAt <= nowIso(now)) return { status: "expired" };
  const used = await db
    .update(emailConfirmations)
    .set({ confirmedAt: nowIso(now) })
    .where(and(eq(emailConfirmations.id, link.id), isNull(emailConfirmations.confirmedAt)))
    .returning({ id: emailConfirmations.id });
  if (used.length !== 1) return { status: "used" };

  const statements: BatchItem<"sqlite">[] = [
    recordConfirmedAddress(db, link.email, "link", now),
    auditInsert(db, {
      actorKind: link.representativeId === null ? "applicant" : "representative",
      actorId: link.representativeId ?? link.accountId,
      action: "email.confirmed",
      subjectKind: "email_confirmation",
      subjectId: link.id,
    }),
  ];
  if (link.representativeId !== null) {
    const credentials = await representativeCredentials(db, env, link.representativeId, link.email, now);
    const results = await db.batch([...statements, ...credentials] as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
    return {
      status: "confirmed",
      outboxIds: credentials.length ? (results.at(-1) as { id: number }[]).map((r) => r.id) : [],
    };
  }
  const account =
    link.accountId === null ? undefined : await db.select().from(accounts).where(eq(accounts.id, link.accountId)).get();
  // The credential goes out only to the address just confirmed, and never
  // replaces a password the person already chose.
  const waiting = account && account.passwordIsTemporary === 1 && normalized(account.email) === link.email;
  if (!waiting) {
    await db.batch(statements as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
    return { status: "confirmed", outboxIds: [] };
  }
  const credentials = await accountCredentials(db, env, account, now);
  const results = await db.batch([...statements, ...credentials] as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  return { status: "confirmed", outboxIds: (results.at(-1) as { id: number }[]).map((r) => r.id) };
}

/**
 * A fresh temporary password for an account whose address is confirmed, and
 * the account email with it (the outbox insert is last).
 */
async function accountCredentials(
  db: Database,
  env: ConfirmationEnv,
  account: typeof accounts.$inferSelect,
  now: number,
): Promise<BatchItem<"sqlite">[]> {
  const { temporaryPasswordDays } = settings(env);
  const password = generateTemporaryPassword();
  const own = await db.select(personColumns).from(persons).where(eq(persons.id, account.personId)).get();
  const others = await db
    .select(personColumns)
    .from(persons)
    .where(and(eq(persons.actingAccountId, account.id), ne(persons.id, account.personId)))
    .all();
  const name = own ? `${own.givenNames} ${own.familyName}` : account.username;
  return [
    issueTemporaryCredentials(
      db,
      "applicant",
      account.id,
      await hashPassword(password),
      addDays(nowIso(now), temporaryPasswordDays),
    ),
    auditInsert(db, {
      actorKind: "system",
      action: "account.credentials_sent",
      subjectKind: "account",
      subjectId: account.username,
    }),
    outboxInsert(db, env, {
      kind: "account_created",
      to: account.email,
      email: accountCreatedEmail(templateContext(env), {
        name,
        username: account.username,
        days: temporaryPasswordDays,
        actsFor: others.map((p) => `${p.givenNames} ${p.familyName}`),
      }),
      secrets: { password },
    }),
  ];
}

/** The account id of a username, as a subquery for a batch that also creates the account. */
export function accountIdOf(username: string): SQL {
  return sql`(select id from accounts where username = ${username})`;
}
