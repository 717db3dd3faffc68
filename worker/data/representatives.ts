import { and, asc, desc, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { accounts, auditLog, persons, representativeGrants, representatives } from "../../schema/index.ts";
import type { AppEnv } from "../env.ts";
import {
  representativeAccessGivenEmail,
  representativeAccountEmail,
  representativeInvitationEmail,
} from "../email/representative-templates.ts";
import { representativeAccess, settings, templateContext } from "../lib/config.ts";
import { generateRepresentativeUsername, generateTemporaryPassword } from "../lib/credentials.ts";
import { randomToken } from "../lib/crypto.ts";
import { hashPassword } from "../lib/password-hash.ts";
import type {
  LicenceBody,
  RepresentativeAction,
  RepresentativeGrant,
  RepresentativeKind,
} from "../../shared/api/representatives.ts";
import { auditInsert } from "./audit.ts";
import { issueTemporaryCredentials } from "./credentials.ts";
import { type Database, addDays, nowIso } from "./db.ts";
import { identityColumns, personColumns } from "./person-identity.ts";
import { confirmationLink } from "./email-confirmations.ts";
import { outboxInsert } from "./outbox.ts";
import { revokeAllSessionsOf } from "./sessions.ts";

/*
 * Representatives (issue 17 point 1, decision 026): an applicant's consent
 * (a grant) lets a representative's own account read the task lists,
 * statuses and timelines of every person the applicant's account acts for.
 * Every write here goes in one batch with its audit row and its email.
 */

type RepresentativeEnv = Pick<
  AppEnv,
  "EMAIL_FROM" | "PUBLIC_ORIGIN" | "HELP_EMAIL" | "TEMP_PASSWORD_DAYS" | "INVITATION_DAYS" | "CARD_TARGET_DAYS"
>;

const batchOf = (items: BatchItem<"sqlite">[]) => items as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]];

/** The representative's account with this username (any case), if any: sign-in's look-up. */
export async function findRepresentativeByUsername(db: Database, username: string) {
  return db
    .select()
    .from(representatives)
    .where(eq(sql`lower(${representatives.username})`, username.trim().toLowerCase()))
    .get();
}

export async function findRepresentativeById(db: Database, id: number) {
  return db.select().from(representatives).where(eq(representatives.id, id)).get();
}

/** The representative's account at this address (stored lower-cased, one per address): forgot-password's look-up. */
export async function findRepresentativeByEmail(db: Database, email: string) {
  return db.select().from(representatives).where(eq(representatives.email, email.trim().toLowerCase())).get();
}

/** The name an applicant's account is known by in a representative's emails: its own person's. */
async function grantorName(db: Database, accountId: number): Promise<string> {
  const row = await db
    .select({
      givenNames: identityColumns.givenNames,
      familyName: identityColumns.familyName,
      username: accounts.username,
    })
    .from(accounts)
    .innerJoin(persons, eq(persons.id, accounts.personId))
    .where(eq(accounts.id, accountId))
    .get();
  return row ? `${row.givenNames} ${row.familyName}`.trim() || row.username : "";
}

export type InviteOutcome =
  | { status: "already_given" }
  | { status: "own_address" }
  | { status: "invited"; grantId: number; outcome: "confirmation_sent" | "access_given"; outboxIds: number[] };

/**
 * An applicant's invitation: a new grant, and for an address that has no representative account yet
 * a new account waiting for its owner to confirm the address (its password unknown to anyone until
 * then), with the confirmation link. A representative who already chose a password is told by email
 * and sees the file at once. One live grant per applicant and representative.
 */
export async function inviteRepresentative(
  db: Database,
  env: RepresentativeEnv,
  input: {
    accountId: number;
    accountEmail: string;
    name: string;
    email: string;
    language: "en" | "fr";
    kind: RepresentativeKind;
    licenceBody: LicenceBody | null;
    licenceNumber: string | null;
  },
  now = Date.now(),
): Promise<InviteOutcome> {
  const email = input.email.trim().toLowerCase();
  // Never the applicant's own address: a representative is someone else, with an account of their own.
  if (email === input.accountEmail.trim().toLowerCase()) return { status: "own_address" };
  const existing = await db.select().from(representatives).where(eq(representatives.email, email)).get();
  if (existing) {
    const live = await db
      .select({ id: representativeGrants.id })
      .from(representativeGrants)
      .where(
        and(
          eq(representativeGrants.representativeId, existing.id),
          eq(representativeGrants.grantedByAccountId, input.accountId),
          isNull(representativeGrants.revokedAt),
        ),
      )
      .get();
    if (live) return { status: "already_given" };
  }
  const created = nowIso(now);
  const username = existing?.username ?? generateRepresentativeUsername();
  const representativeId = existing ? existing.id : sql`(select id from representatives where username = ${username})`;
  const applicantName = await grantorName(db, input.accountId);
  const statements: BatchItem<"sqlite">[] = [];
  if (!existing) {
    statements.push(
      db.insert(representatives).values({
        username,
        name: input.name,
        email,
        language: input.language,
        // A password nobody is told, already expired, until the owner confirms the address.
        passwordHash: await hashPassword(randomToken(32)),
        passwordIsTemporary: 1,
        temporaryPasswordExpiresAt: created,
        createdAt: created,
      }),
    );
  }
  statements.push(
    db.insert(representativeGrants).values({
      representativeId,
      grantedByAccountId: input.accountId,
      kind: input.kind,
      licenceBody: input.kind === "helper" ? null : input.licenceBody,
      licenceNumber: input.kind === "helper" ? null : input.licenceNumber,
      grantedAt: created,
      createdAt: created,
    }),
    auditInsert(db, {
      actorKind: "applicant",
      actorId: input.accountId,
      action: "representative.invited",
      subjectKind: "representative",
      subjectId: username,
      details: { kind: input.kind, licenceBody: input.licenceBody },
    }),
  );
  const confirmed = existing !== undefined && existing.passwordIsTemporary === 0;
  const mail = confirmed
    ? [
        outboxInsert(db, env, {
          kind: "representative_access_given",
          to: email,
          email: representativeAccessGivenEmail(templateContext(env), { name: existing.name, applicantName }),
        }),
      ]
    : await confirmationLink(
        db,
        env,
        {
          email,
          name: existing?.name ?? input.name,
          username,
          requestedBy: applicantName,
          representativeId,
          message: (days) => ({
            kind: "representative_invitation",
            email: representativeInvitationEmail(templateContext(env), {
              name: existing?.name ?? input.name,
              applicantName,
              days,
            }),
          }),
        },
        { actorKind: "applicant", actorId: input.accountId },
        now,
      );
  const results = await db.batch(batchOf([...statements, ...mail]));
  const grant = await db
    .select({ id: representativeGrants.id })
    .from(representativeGrants)
    .innerJoin(representatives, eq(representatives.id, representativeGrants.representativeId))
    .where(and(eq(representatives.username, username), eq(representativeGrants.grantedByAccountId, input.accountId)))
    .orderBy(desc(representativeGrants.id))
    .get();
  return {
    status: "invited",
    grantId: grant!.id,
    outcome: confirmed ? "access_given" : "confirmation_sent",
    outboxIds: (results.at(-1) as { id: number }[]).map((r) => r.id),
  };
}

/**
 * The representative's username and a fresh temporary password, once they confirmed their address
 * (called by confirmEmailAddress): nothing when the password was already chosen or the address is
 * no longer theirs. The outbox insert is last.
 */
export async function representativeCredentials(
  db: Database,
  env: RepresentativeEnv,
  representativeId: number,
  confirmedEmail: string,
  now: number,
): Promise<BatchItem<"sqlite">[]> {
  const representative = await db.select().from(representatives).where(eq(representatives.id, representativeId)).get();
  if (representative?.passwordIsTemporary !== 1 || representative.email !== confirmedEmail) return [];
  const { temporaryPasswordDays } = settings(env);
  const password = generateTemporaryPassword();
  return [
    issueTemporaryCredentials(
      db,
      "representative",
      representative.id,
      await hashPassword(password),
      addDays(nowIso(now), temporaryPasswordDays),
    ),
    auditInsert(db, {
      actorKind: "system",
      action: "representative.credentials_sent",
      subjectKind: "representative",
      subjectId: representative.username,
    }),
    outboxInsert(db, env, {
      kind: "representative_account_created",
      to: representative.email,
      email: representativeAccountEmail(templateContext(env), {
        name: representative.name,
        username: representative.username,
        days: temporaryPasswordDays,
      }),
      secrets: { password },
    }),
  ];
}

/**
 * Ends a grant at once, and every session of its representative (they sign in again to see the
 * files others still share). `not_found` for a grant this account did not give, so ids cannot be
 * probed; a grant already revoked answers as revoked (a repeated click).
 */
export async function revokeRepresentative(
  db: Database,
  input: { accountId: number; grantId: number },
  now = Date.now(),
): Promise<"revoked" | "not_found"> {
  if (!Number.isSafeInteger(input.grantId) || input.grantId < 1) return "not_found";
  const grant = await db
    .select()
    .from(representativeGrants)
    .where(
      and(eq(representativeGrants.id, input.grantId), eq(representativeGrants.grantedByAccountId, input.accountId)),
    )
    .get();
  if (!grant) return "not_found";
  if (grant.revokedAt) return "revoked";
  await db.batch([
    db
      .update(representativeGrants)
      .set({ revokedAt: nowIso(now), revokedReason: "applicant" })
      .where(and(eq(representativeGrants.id, grant.id), isNull(representativeGrants.revokedAt))),
    revokeAllSessionsOf(db, "representative", grant.representativeId, now),
    auditInsert(db, {
      actorKind: "applicant",
      actorId: input.accountId,
      action: "representative.revoked",
      subjectKind: "representative_grant",
      subjectId: grant.id,
      details: { reason: "applicant" },
    }),
  ]);
  return "revoked";
}

/**
 * The retention purge's end of an account's grants (decision 026): every live grant the account gave
 * is revoked with the reason `account_purged`, each with its audit row, for the purge's own batch.
 * The persons are gone, so no representative may follow them any more.
 */
export async function endGrantsOfPurgedAccount(
  db: Database,
  accountId: number,
  revokedAt: string,
): Promise<BatchItem<"sqlite">[]> {
  const live = await db
    .select({ id: representativeGrants.id })
    .from(representativeGrants)
    .where(and(eq(representativeGrants.grantedByAccountId, accountId), isNull(representativeGrants.revokedAt)))
    .all();
  return live.flatMap((grant) => [
    db
      .update(representativeGrants)
      .set({ revokedAt, revokedReason: "account_purged" })
      .where(and(eq(representativeGrants.id, grant.id), isNull(representativeGrants.revokedAt))),
    auditInsert(db, {
      actorKind: "system",
      actorId: "retention",
      action: "representative.revoked",
      subjectKind: "representative_grant",
      subjectId: grant.id,
      details: { reason: "account_purged" },
    }),
  ]);
}

const ACTIONS: Record<string, RepresentativeAction["action"]> = {
  "email.confirmed": "address_confirmed",
  sign_in: "signed_in",
  "representative.viewed_person": "viewed_person",
  "representative.refused": "refused",
};

/** Every grant an account gave, newest first: who, since when, every action, and its state. */
export async function representativeGrantsOf(db: Database, accountId: number): Promise<RepresentativeGrant[]> {
  const grants = await db
    .select({
      grant: representativeGrants,
      name: representatives.name,
      email: representatives.email,
      passwordIsTemporary: representatives.passwordIsTemporary,
    })
    .from(representativeGrants)
    .innerJoin(representatives, eq(representatives.id, representativeGrants.representativeId))
    .where(eq(representativeGrants.grantedByAccountId, accountId))
    .orderBy(desc(representativeGrants.id))
    .all();
  if (grants.length === 0) return [];
  const ownPersons = (
    await db.select({ id: persons.id }).from(persons).where(eq(persons.actingAccountId, accountId))
  ).map((p) => String(p.id));
  const representativeIds = [...new Set(grants.map((g) => String(g.grant.representativeId)))];
  const oldest = grants.reduce(
    (min, g) => (g.grant.grantedAt < min ? g.grant.grantedAt : min),
    grants[0]!.grant.grantedAt,
  );
  const rows = await db
    .select({
      actorId: auditLog.actorId,
      action: auditLog.action,
      subjectId: auditLog.subjectId,
      at: auditLog.createdAt,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.actorKind, "representative"),
        inArray(auditLog.actorId, representativeIds),
        inArray(auditLog.action, Object.keys(ACTIONS)),
        gte(auditLog.createdAt, oldest),
        // A view of (or an attempt on) another applicant's person is that applicant's business, not
        // this one's; an action about no person (a sign-in) is every grantor's.
        or(
          sql`${auditLog.subjectKind} is not 'person'`,
          inArray(auditLog.subjectId, ownPersons.length ? ownPersons : ["0"]),
        ),
      ),
    )
    .orderBy(asc(auditLog.id))
    .all();
  return grants.map(({ grant, name, email, passwordIsTemporary }) => {
    const within = (at: string) => at >= grant.grantedAt && (!grant.revokedAt || at <= grant.revokedAt);
    const actions: RepresentativeAction[] = [
      { at: grant.grantedAt, action: "granted" },
      ...rows
        .filter((r) => r.actorId === String(grant.representativeId) && within(r.at))
        .map((r) => ({ at: r.at, action: ACTIONS[r.action]! })),
      ...(grant.revokedAt
        ? [{ at: grant.revokedAt, action: "revoked" as const, reason: grant.revokedReason ?? "applicant" }]
        : []),
    ];
    return {
      grantId: grant.id,
      name,
      email,
      kind: grant.kind,
      licence:
        grant.licenceBody && grant.licenceNumber
          ? { body: grant.licenceBody as LicenceBody, number: grant.licenceNumber }
          : null,
      state: grant.revokedAt ? "revoked" : passwordIsTemporary === 1 ? "waiting" : "active",
      since: grant.grantedAt,
      revokedAt: grant.revokedAt,
      revokedReason: grant.revokedAt ? (grant.revokedReason ?? "applicant") : null,
      actions,
    };
  });
}

/** The live grants behind a representative's view: whose account, since when. */
function liveGrantsOf(db: Database, representativeId: number) {
  return db
    .select({ accountId: representativeGrants.grantedByAccountId, since: representativeGrants.grantedAt })
    .from(representativeGrants)
    .where(and(eq(representativeGrants.representativeId, representativeId), isNull(representativeGrants.revokedAt)))
    .all();
}

/** The persons a representative may see now (every person a granting account acts for), with since when. */
export async function personsRepresentedBy(db: Database, representativeId: number) {
  const grants = await liveGrantsOf(db, representativeId);
  if (grants.length === 0) return [];
  const sinceOf = new Map(grants.map((g) => [g.accountId, g.since]));
  const rows = await db
    .select(personColumns)
    .from(persons)
    // A person erased by the retention purge is no longer anyone's to follow.
    .where(and(inArray(persons.actingAccountId, [...sinceOf.keys()]), isNull(persons.purgedAt)))
    .orderBy(asc(persons.applicationId), asc(persons.id))
    .all();
  return rows.map((person) => ({ person, since: sinceOf.get(person.actingAccountId!)! }));
}

/** One person a representative may see now, or undefined (so ids cannot be probed: a 404). */
export async function personRepresentedBy(db: Database, representativeId: number, personId: number) {
  if (!Number.isSafeInteger(personId) || personId < 1) return undefined;
  return (await personsRepresentedBy(db, representativeId)).find((r) => r.person.id === personId);
}

/** Records that a representative looked at a person's file (the applicant sees it among the grant's actions). */
export function recordRepresentativeView(db: Database, representativeId: number, personId: number) {
  return auditInsert(db, {
    actorKind: "representative",
    actorId: representativeId,
    action: "representative.viewed_person",
    subjectKind: "person",
    subjectId: personId,
  });
}

/**
 * Who gets a representative's copy of a status email about this person: each representative with a
 * live grant from the person's acting account who confirmed their address and chose a password.
 * None while REPRESENTATIVE_ACCESS is off.
 */
export async function representativeCopyAddresses(
  db: Database,
  env: Partial<Pick<AppEnv, "REPRESENTATIVE_ACCESS">>,
  person: { actingAccountId: number | null },
): Promise<{ email: string; name: string }[]> {
  if (!representativeAccess(env) || person.actingAccountId === null) return [];
  return db
    .select({ email: representatives.email, name: representatives.name })
    .from(representativeGrants)
    .innerJoin(representatives, eq(representatives.id, representativeGrants.representativeId))
    .where(
      and(
        eq(representativeGrants.grantedByAccountId, person.actingAccountId),
        isNull(representativeGrants.revokedAt),
        eq(representatives.passwordIsTemporary, 0),
      ),
    )
    .all();
}

/** The representatives with a live grant over this person, for the officer's decision page. */
export async function representativesOfPerson(db: Database, person: { actingAccountId: number | null }) {
  if (person.actingAccountId === null) return [];
  const rows = await db
    .select({
      name: representatives.name,
      kind: representativeGrants.kind,
      licenceBody: representativeGrants.licenceBody,
      licenceNumber: representativeGrants.licenceNumber,
      since: representativeGrants.grantedAt,
    })
    .from(representativeGrants)
    .innerJoin(representatives, eq(representatives.id, representativeGrants.representativeId))
    .where(
      and(eq(representativeGrants.grantedByAccountId, person.actingAccountId), isNull(representativeGrants.revokedAt)),
    )
    .orderBy(asc(representativeGrants.id))
    .all();
  return rows.map((r) => ({ ...r, licenceBody: r.licenceBody as LicenceBody | null }));
}
