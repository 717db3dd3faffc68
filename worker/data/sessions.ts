import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { accounts, sessions } from "../../schema/index.ts";
import { randomToken } from "../lib/crypto.ts";
import { type Database, addMinutes, nowIso } from "./db.ts";

/** Applicant sessions: 30 minutes idle, 12 hours at most (issue 2, §7). */
const APPLICANT_SESSION = { idleMinutes: 30, absoluteMinutes: 12 * 60 } as const;

/** A new session row for an account. Put in a batch with whatever else sign-in writes. */
export function newApplicantSession(db: Database, accountId: number, now = Date.now()) {
  const id = randomToken(32);
  const createdAt = nowIso(now);
  const expiresAt = addMinutes(createdAt, APPLICANT_SESSION.absoluteMinutes);
  const insert = db
    .insert(sessions)
    .values({ id, kind: "applicant", accountId, lastSeenAt: createdAt, expiresAt, createdAt });
  return { id, expiresAt, insert };
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
export function applicantSessionQuery(db: Database, sessionId: string) {
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

type ApplicantSessionRow = Awaited<ReturnType<typeof applicantSessionQuery>>[number];

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
  if (!row) return null;
  const current = nowIso(now);
  if (row.expiresAt <= current) return null;
  if (addMinutes(row.lastSeenAt, APPLICANT_SESSION.idleMinutes) <= current) return null;
  if (Date.parse(current) - Date.parse(row.lastSeenAt) > 60_000) {
    await db.update(sessions).set({ lastSeenAt: current }).where(eq(sessions.id, row.sessionId));
  }
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

/** Revokes one session. */
export function revokeSession(db: Database, sessionId: string, now = Date.now()) {
  return db
    .update(sessions)
    .set({ revokedAt: nowIso(now) })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Revokes every session of an account (password change or reset, sign out everywhere). */
export function revokeAllSessions(db: Database, accountId: number, now = Date.now()) {
  return db
    .update(sessions)
    .set({ revokedAt: nowIso(now) })
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt)));
}

/** Ends every live session of the account but this one (a password change keeps the person signed in). */
export function revokeOtherSessions(db: Database, accountId: number, keptSessionId: string, now = Date.now()) {
  return db
    .update(sessions)
    .set({ revokedAt: nowIso(now) })
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt), ne(sessions.id, keptSessionId)));
}
