import { and, eq, gt, inArray, isNull, notExists, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { accounts, applications, invitations, persons } from "../../schema/index.ts";
import { accountCreatedEmail, invitationEmail } from "../email/templates.ts";
import { outboxInsert } from "./outbox.ts";
import type { AppEnv } from "../env.ts";
import { settings, templateContext } from "../lib/config.ts";
import { randomToken, sha256Hex } from "../lib/crypto.ts";
import { generateTemporaryPassword, generateUsername } from "../lib/credentials.ts";
import { hashPassword } from "../lib/password-hash.ts";
import { ageOn } from "../../shared/people/import-records.ts";
import { auditInsert } from "./audit.ts";
import { accountIdOf, confirmationLink, confirmedAddresses, recordConfirmedAddress } from "./email-confirmations.ts";
import { type Database, addDays, nowIso } from "./db.ts";

type InvitationEnv = Pick<
  AppEnv,
  "EMAIL_FROM" | "PUBLIC_ORIGIN" | "HELP_EMAIL" | "TEMP_PASSWORD_DAYS" | "INVITATION_DAYS" | "CARD_TARGET_DAYS"
>;

/**
 * Applications that can be invited now: no account created yet, no answer
 * given, and no unexpired invitation waiting. With `applicationNumbers`, only
 * those (an open invitation is then replaced: "send it again").
 */
export async function applicationsToInvite(db: Database, options: { applicationNumbers?: string[] }, now = Date.now()) {
  const current = nowIso(now);
  const answered = db
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.applicationId, applications.id), sql`${invitations.response} is not null`));
  const open = db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.applicationId, applications.id),
        isNull(invitations.respondedAt),
        isNull(invitations.supersededAt),
        gt(invitations.expiresAt, current),
      ),
    );
  const conditions = [notExists(answered)];
  if (options.applicationNumbers)
    conditions.push(
      inArray(
        applications.applicationNumber,
        options.applicationNumbers.map((n) => n.toUpperCase()),
      ),
    );
  else conditions.push(notExists(open));
  return db
    .select()
    .from(applications)
    .where(and(...conditions))
    .orderBy(applications.id)
    .all();
}

/**
 * Sends (or re-sends) the invitation of each application: a fresh single-use
 * token, stored hashed, and the bilingual invitation email to the principal,
 * written in one batch. Returns the outbox ids to enqueue.
 */
export async function inviteApplications(
  db: Database,
  env: InvitationEnv,
  applicationIds: number[],
  actor: { kind: "admin"; id: string },
  now = Date.now(),
): Promise<{ invited: { applicationId: number; applicationNumber: string; to: string }[]; outboxIds: number[] }> {
  const { invitationDays } = settings(env);
  const invited: { applicationId: number; applicationNumber: string; to: string }[] = [];
  const outboxIds: number[] = [];
  for (const applicationId of applicationIds) {
    const app = await db.select().from(applications).where(eq(applications.id, applicationId)).get();
    const principal = await db
      .select()
      .from(persons)
      .where(and(eq(persons.applicationId, applicationId), eq(persons.role, "principal")))
      .get();
    if (!app || !principal) continue;
    const token = randomToken(32);
    const created = nowIso(now);
    const email = invitationEmail(templateContext(env), {
      applicationNumber: app.applicationNumber,
      principalName: `${principal.givenNames} ${principal.familyName}`,
      days: invitationDays,
    });
    const [, , mail] = await db.batch([
      db
        .update(invitations)
        .set({ supersededAt: created })
        .where(
          and(
            eq(invitations.applicationId, applicationId),
            isNull(invitations.respondedAt),
            isNull(invitations.supersededAt),
          ),
        ),
      db.insert(invitations).values({
        applicationId,
        tokenHash: await sha256Hex(token),
        expiresAt: addDays(created, invitationDays),
        createdAt: created,
      }),
      outboxInsert(db, env, { kind: "invitation", to: principal.email, email, secrets: { token } }),
      auditInsert(db, {
        actorKind: actor.kind,
        actorId: actor.id,
        action: "invitation.send",
        subjectKind: "application",
        subjectId: app.applicationNumber,
      }),
    ]);
    outboxIds.push(...mail.map((m) => m.id));
    invited.push({ applicationId, applicationNumber: app.applicationNumber, to: principal.email });
  }
  return { invited, outboxIds };
}

type InvitationLookup =
  | { status: "not_found" }
  | { status: "used" | "expired"; invitation: typeof invitations.$inferSelect }
  | {
      status: "open";
      invitation: typeof invitations.$inferSelect;
      applicationNumber: string;
      persons: (typeof persons.$inferSelect)[];
    };

/** Finds an invitation by the token from its link. */
export async function lookUpInvitation(db: Database, token: string, now = Date.now()): Promise<InvitationLookup> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { status: "not_found" };
  const invitation = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, await sha256Hex(token)))
    .get();
  if (!invitation) return { status: "not_found" };
  if (invitation.respondedAt) return { status: "used", invitation };
  if (invitation.supersededAt || invitation.expiresAt <= nowIso(now)) return { status: "expired", invitation };
  const app = await db.select().from(applications).where(eq(applications.id, invitation.applicationId)).get();
  const people = await db
    .select()
    .from(persons)
    .where(eq(persons.applicationId, invitation.applicationId))
    .orderBy(persons.id)
    .all();
  return { status: "open", invitation, applicationNumber: app!.applicationNumber, persons: people };
}

export function isAdult(person: { dateOfBirth: string }, today = new Date()): boolean {
  return ageOn(person.dateOfBirth, today) >= 18;
}

/** Records a "no" (declined or not in Canada). False when the invitation was answered meanwhile. */
export async function closeInvitation(
  db: Database,
  invitationId: number,
  response: "declined" | "not_in_canada",
  now = Date.now(),
): Promise<boolean> {
  const [, changed] = await db.batch([
    auditInsert(db, {
      actorKind: "applicant",
      action: `invitation.${response}`,
      subjectKind: "invitation",
      subjectId: invitationId,
    }),
    db
      .update(invitations)
      .set({ response, respondedAt: nowIso(now) })
      .where(and(eq(invitations.id, invitationId), isNull(invitations.respondedAt)))
      .returning({ id: invitations.id }),
  ]);
  return changed.length === 1;
}

/**
 * Accepts an invitation: updates the confirmed emails, creates the
 * account(s) (the principal's acts for everyone without a separate account),
 * and writes each account's email with its temporary password, all in one
 * batch. Answering the invitation confirms the address it was sent to (the
 * one IRCC has on file); an account whose address is not confirmed (one the
 * principal typed, e.g. an adult dependant's) gets no password yet: its
 * address gets a confirmation link, and the password follows once its owner
 * opens it (worker/data/email-confirmations.ts). `accounts.person_id` is unique, so if two requests race with the
 * same link the second batch fails whole and creates nothing.
 */
export async function acceptInvitation(
  db: Database,
  env: InvitationEnv,
  invitation: { id: number; applicationId: number },
  people: (typeof persons.$inferSelect)[],
  answer: { emails: Map<number, string>; separateAccounts: Set<number> },
  now = Date.now(),
): Promise<{ accounts: number; awaitingConfirmation: number; outboxIds: number[] } | null> {
  const { temporaryPasswordDays } = settings(env);
  const created = nowIso(now);
  const expires = addDays(created, temporaryPasswordDays);
  const principal = people.find((p) => p.role === "principal")!;
  const holders = [principal, ...people.filter((p) => p.role === "dependant" && answer.separateAccounts.has(p.id))];
  const emailOf = (p: typeof persons.$inferSelect) => answer.emails.get(p.id) ?? p.email;
  const confirmed = await confirmedAddresses(db, holders.map(emailOf));
  confirmed.add(principal.email.trim().toLowerCase());
  let awaitingConfirmation = 0;

  const statements: BatchItem<"sqlite">[] = [];
  const mails: ReturnType<typeof outboxInsert>[] = [];
  for (const p of people) {
    if (emailOf(p) !== p.email)
      statements.push(
        db
          .update(persons)
          .set({ email: emailOf(p) })
          .where(eq(persons.id, p.id)),
      );
  }
  statements.push(recordConfirmedAddress(db, principal.email, "invitation", now));
  for (const holder of holders) {
    const username = generateUsername();
    const addressConfirmed = confirmed.has(emailOf(holder).trim().toLowerCase());
    // Unconfirmed: a password nobody is told, already expired, until the owner confirms.
    const password = addressConfirmed ? generateTemporaryPassword() : randomToken(32);
    const actsFor =
      holder.role === "principal" ? people.filter((p) => !holders.includes(p) || p.id === holder.id) : [holder];
    statements.push(
      db.insert(accounts).values({
        username,
        personId: holder.id,
        email: emailOf(holder),
        language: holder.language,
        passwordHash: await hashPassword(password),
        passwordIsTemporary: 1,
        temporaryPasswordExpiresAt: addressConfirmed ? expires : created,
        createdAt: created,
      }),
    );
    // The new account's id is looked up by username inside the batch.
    statements.push(
      db
        .update(persons)
        .set({ actingAccountId: sql`(select id from accounts where username = ${username})` })
        .where(
          inArray(
            persons.id,
            actsFor.map((p) => p.id),
          ),
        ),
    );
    if (!addressConfirmed) {
      awaitingConfirmation += 1;
      const link = await confirmationLink(
        db,
        env,
        {
          email: emailOf(holder),
          name: `${holder.givenNames} ${holder.familyName}`,
          username,
          accountId: accountIdOf(username),
          requestedBy: `${principal.givenNames} ${principal.familyName}`,
        },
        { actorKind: "applicant", actorId: null },
        now,
      );
      statements.push(...link.slice(0, -1));
      mails.push(link.at(-1) as ReturnType<typeof outboxInsert>);
      continue;
    }
    mails.push(
      outboxInsert(db, env, {
        kind: "account_created",
        to: emailOf(holder),
        email: accountCreatedEmail(templateContext(env), {
          name: `${holder.givenNames} ${holder.familyName}`,
          username,
          days: temporaryPasswordDays,
          actsFor: actsFor.filter((p) => p.id !== holder.id).map((p) => `${p.givenNames} ${p.familyName}`),
        }),
        secrets: { password },
      }),
    );
  }
  statements.push(
    db
      .update(invitations)
      .set({ response: "accepted", respondedAt: created })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.respondedAt))),
    auditInsert(db, {
      actorKind: "applicant",
      action: "invitation.accepted",
      subjectKind: "invitation",
      subjectId: invitation.id,
      details: { accounts: holders.length },
    }),
  );
  try {
    const results = await db.batch([statements[0]!, ...statements.slice(1), ...mails] as [
      BatchItem<"sqlite">,
      ...BatchItem<"sqlite">[],
    ]);
    const outboxIds = (results.slice(statements.length) as { id: number }[][]).flat().map((r) => r.id);
    return { accounts: holders.length, awaitingConfirmation, outboxIds };
  } catch (error) {
    if (String(error).includes("UNIQUE constraint failed: accounts.person_id")) return null;
    throw error;
  }
}
