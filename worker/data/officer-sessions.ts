import { and, eq, isNull, sql } from "drizzle-orm";
import { officers, sessions } from "../../schema/index.ts";
import { randomToken } from "../lib/crypto.ts";
import { LOCKOUT, lockoutMinutesAfter } from "./accounts.ts";
import { type Database, addMinutes, nowIso } from "./db.ts";

/** Officer sessions are shorter than applicants': 15 minutes idle, 8 hours at most. */
const OFFICER_SESSION = { idleMinutes: 15, absoluteMinutes: 8 * 60 } as const;

export function newOfficerSession(db: Database, officerId: number, now = Date.now()) {
  const id = randomToken(32);
  const createdAt = nowIso(now);
  const expiresAt = addMinutes(createdAt, OFFICER_SESSION.absoluteMinutes);
  return {
    id,
    expiresAt,
    insert: db.insert(sessions).values({ id, kind: "officer", officerId, lastSeenAt: createdAt, expiresAt, createdAt }),
  };
}

export interface OfficerSession {
  sessionId: string;
  officerId: number;
  email: string;
  name: string;
  role: "officer" | "supervisor";
  /** Still on the one-time initial password: only the password change is allowed. */
  mustChangePassword: boolean;
}

export async function findLiveOfficerSession(
  db: Database,
  sessionId: string,
  now = Date.now(),
): Promise<OfficerSession | null> {
  const row = await db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      officerId: officers.id,
      email: officers.email,
      name: officers.name,
      role: officers.role,
      disabledAt: officers.disabledAt,
      mustChangePassword: officers.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(officers, eq(officers.id, sessions.officerId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.kind, "officer"), isNull(sessions.revokedAt)))
    .get();
  const current = nowIso(now);
  if (
    !row ||
    row.disabledAt ||
    row.expiresAt <= current ||
    addMinutes(row.lastSeenAt, OFFICER_SESSION.idleMinutes) <= current
  )
    return null;
  if (Date.parse(current) - Date.parse(row.lastSeenAt) > 60_000)
    await db.update(sessions).set({ lastSeenAt: current }).where(eq(sessions.id, sessionId));
  return {
    sessionId: row.sessionId,
    officerId: row.officerId,
    email: row.email,
    name: row.name,
    role: row.role,
    mustChangePassword: row.mustChangePassword === 1,
  };
}

/**
 * Officer lockout (decision 011): only a sign-in with exactly one factor
 * right (password right and code wrong, or code right and password wrong)
 * counts, so someone holding neither factor cannot lock anyone, however many
 * addresses they use; the per-IP throttle slows them instead. 5 free, then
 * 1, 2, 4 … minutes (at most 60). `newlyLocked` is true only for the failure
 * that starts a lock episode: the lock email goes out then, once.
 */
export async function recordOfficerFailure(
  db: Database,
  officerId: number,
  now = Date.now(),
): Promise<{ minutes: number; newlyLocked: boolean }> {
  const [row] = await db
    .update(officers)
    .set({ failedSignIns: sql`${officers.failedSignIns} + 1` })
    .where(eq(officers.id, officerId))
    .returning({ failed: officers.failedSignIns });
  const failures = row?.failed ?? 0;
  const minutes = lockoutMinutesAfter(failures);
  if (minutes)
    await db
      .update(officers)
      .set({ lockedUntil: addMinutes(nowIso(now), minutes) })
      .where(eq(officers.id, officerId));
  return { minutes, newlyLocked: failures === LOCKOUT.freeFailures };
}

/** Ends every live session of an officer (password change, disable, admin resets). */
export function revokeOfficerSessions(db: Database, officerId: number, now = Date.now()) {
  return db
    .update(sessions)
    .set({ revokedAt: nowIso(now) })
    .where(and(eq(sessions.officerId, officerId), eq(sessions.kind, "officer"), isNull(sessions.revokedAt)));
}
