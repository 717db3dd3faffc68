import { and, isNotNull, lt, lte, or } from "drizzle-orm";
import { passwordResetTokens, rateLimits, reviewClaims, sessions } from "../../schema/index.ts";
import { type Database, nowIso } from "./db.ts";

/** Rows kept this long after they stop mattering, so a security review can still see recent ones. */
const EXPIRED_KEPT_HOURS = 24;

export interface ExpiredReport {
  sessions: number;
  resetTokens: number;
  claims: number;
  rateLimits: number;
}

/**
 * Deletes what can no longer be used: sessions expired or revoked, password
 * reset links expired or used, officers' claims run out, throttle windows
 * closed. Each delete is a condition on time, so running it again deletes
 * nothing more (idempotent), and nothing live is touched.
 */
export async function deleteExpiredRecords(db: Database, now = Date.now()): Promise<ExpiredReport> {
  const current = nowIso(now);
  const kept = nowIso(now - EXPIRED_KEPT_HOURS * 3_600_000);
  const [deadSessions, deadTokens, deadClaims, deadWindows] = await db.batch([
    db
      .delete(sessions)
      .where(or(lt(sessions.expiresAt, kept), and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, kept))))
      .returning({ id: sessions.id }),
    db
      .delete(passwordResetTokens)
      .where(
        or(
          lt(passwordResetTokens.expiresAt, kept),
          and(isNotNull(passwordResetTokens.usedAt), lt(passwordResetTokens.usedAt, kept)),
        ),
      )
      .returning({ id: passwordResetTokens.id }),
    // A claim is only a lock: once run out it means nothing (decisions are their own record).
    db.delete(reviewClaims).where(lte(reviewClaims.expiresAt, current)).returning({ id: reviewClaims.submissionId }),
    db.delete(rateLimits).where(lt(rateLimits.windowStart, kept)).returning({ key: rateLimits.key }),
  ]);
  return {
    sessions: deadSessions.length,
    resetTokens: deadTokens.length,
    claims: deadClaims.length,
    rateLimits: deadWindows.length,
  };
}
