import { type Placeholder, type SQL, and, eq, isNull, ne, sql } from "drizzle-orm";
import { accounts, representatives, sessions } from "../../schema/index.ts";
import type { CredentialKind } from "./credentials.ts";
import { randomToken } from "../lib/crypto.ts";
import { type Database, addMinutes, nowIso } from "./db.ts";

/** Applicant sessions: 30 minutes idle, 12 hours at most (issue 2, §7). */
const APPLICANT_SESSION = { idleMinutes: 30, absoluteMinutes: 12 * 60 } as const;

/**
 * A new session row for an applicant's or a representative's account (same lifetimes: decision 026).
 * Put in a batch with whatever else sign-in writes.
 */
export function newSession(db: Database, kind: CredentialKind, ownerId: number, now = Date.now()) {
  const id = randomToken(32);
  const createdAt = nowIso(now);
  const expiresAt = addMinutes(createdAt, APPLICANT_SESSION.absoluteMinutes);
  const owner = kind === "applicant" ? { accountId: ownerId } : { representativeId: ownerId };
  const insert = db.insert(sessions).values({ id, kind, ...owner, lastSeenAt: createdAt, expiresAt, createdAt });
  return { id, expiresAt, insert };
}

/** A new session row for an applicant's account. */
export function newApplicantSession(db: Database, accountId: number, now = Date.now()) {
  return newSession(db, "applicant", accountId, now);
}

export interface ApplicantSession {
  sessionId: string;
  accountId: number;
  personId: number;
  username: string;
  email: string;
  language: "en" | "fr";
  passwordIsTemporary: boolean;
}

/**
 * The row an applicant session is judged from (session joined to its account), as a query that can
 * go alone or in a batch with what the request reads next (the task list: data/task-list.ts).
 */
export function applicantSessionQuery(db: Database, sessionId: string | Placeholder<"sessionId">) {
  // Every column named apart: in a batch, drizzle maps D1's rows by column name, so two `id`s would collide.
  return db
    .select({
      sessionId: sql<string>`${sessions.id}`.as("session_id"),
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      accountId: sql<number>`${accounts.id}`.as("account_id"),
      personId: accounts.personId,
      username: accounts.username,
      email: accounts.email,
      language: accounts.language,
      passwordIsTemporary: accounts.passwordIsTemporary,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.kind, "applicant"), isNull(sessions.revokedAt)))
    .limit(1);
}

export type ApplicantSessionRow = Awaited<ReturnType<typeof applicantSessionQuery>>[number];

/** Whether a session row is within its absolute lifetime and not idle too long; touches `last_seen_at`. */
async function stillLive(
  db: Database,
  row: { sessionId: string; lastSeenAt: string; expiresAt: string },
  now: number,
): Promise<boolean> {
  const current = nowIso(now);
  if (row.expiresAt <= current) return false;
  if (addMinutes(row.lastSeenAt, APPLICANT_SESSION.idleMinutes) <= current) return false;
  if (Date.parse(current) - Date.parse(row.lastSeenAt) > 60_000) {
    await db.update(sessions).set({ lastSeenAt: current }).where(eq(sessions.id, row.sessionId));
  }
  return true;
}

/**
 * The one rule for a live applicant session, whichever way its row was read: null when there is no
 * row (unknown or revoked), past its absolute lifetime or idle too long. Touches `last_seen_at` (at
 * most once a minute, to spare writes).
 */
export async function liveApplicantSession(
  db: Database,
  row: ApplicantSessionRow | undefined,
  now = Date.now(),
): Promise<ApplicantSession | null> {
  if (!row || !(await stillLive(db, row, now))) return null;
  return {
    sessionId: row.sessionId,
    accountId: row.accountId,
    personId: row.personId,
    username: row.username,
    email: row.email,
    language: row.language,
    passwordIsTemporary: row.passwordIsTemporary === 1,
  };
}

/** The live applicant session with this id, or null (`liveApplicantSession`'s rule). */
export async function findLiveApplicantSession(
  db: Database,
  sessionId: string,
  now = Date.now(),
): Promise<ApplicantSession | null> {
  const [row] = await applicantSessionQuery(db, sessionId);
  return liveApplicantSession(db, row, now);
}

export interface RepresentativeSession {
  sessionId: string;
  representativeId: number;
  username: string;
  name: string;
  email: string;
  language: "en" | "fr";
  passwordIsTemporary: boolean;
}

/** The live representative session with this id, or null: the applicant's rule (`stillLive`). */
export async function findLiveRepresentativeSession(
  db: Database,
  sessionId: string,
  now = Date.now(),
): Promise<RepresentativeSession | null> {
  const row = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      representativeId: representatives.id,
      username: representatives.username,
      name: representatives.name,
      email: representatives.email,
      language: representatives.language,
      passwordIsTemporary: representatives.passwordIsTemporary,
    })
    .from(sessions)
    .innerJoin(representatives, eq(representatives.id, sessions.representativeId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.kind, "representative"), isNull(sessions.revokedAt)))
    .get();
  if (!row || !(await stillLive(db, row, now))) return null;
  const { lastSeenAt: _seen, expiresAt: _expires, passwordIsTemporary, ...session } = row;
  return { ...session, passwordIsTemporary: passwordIsTemporary === 1 };
}

/** Revokes one session. */
export function revokeSession(db: Database, sessionId: string, now = Date.now()) {
  return db
    .update(sessions)
    .set({ revokedAt: nowIso(now) })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

function revokeLiveWhere(db: Database, owner: SQL | undefined, now: number) {
  return db
    .update(sessions)
    .set({ revokedAt: nowIso(now) })
    .where(and(owner, isNull(sessions.revokedAt)));
}

/** Revokes every session of an account (password change or reset, sign out everywhere). */
export function revokeAllSessions(db: Database, accountId: number, now = Date.now()) {
  return revokeLiveWhere(db, eq(sessions.accountId, accountId), now);
}

/** Revokes every session of an applicant's or a representative's account (a revoked grant ends them too). */
export function revokeAllSessionsOf(db: Database, kind: CredentialKind, ownerId: number, now = Date.now()) {
  return kind === "applicant"
    ? revokeAllSessions(db, ownerId, now)
    : revokeLiveWhere(db, eq(sessions.representativeId, ownerId), now);
}

/** Ends every live session of the account but this one (a password change keeps the person signed in). */
export function revokeOtherSessions(db: Database, accountId: number, keptSessionId: string, now = Date.now()) {
  return revokeLiveWhere(db, and(eq(sessions.accountId, accountId), ne(sessions.id, keptSessionId)), now);
}
