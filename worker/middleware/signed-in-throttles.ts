import { auditInsert } from "../data/audit.ts";
import { hitRateLimit } from "../data/rate-limits.ts";
import { revokeAllSessions } from "../data/sessions.ts";
import type { AppEnv } from "../env.ts";
import { AppError } from "../lib/errors.ts";
import type { AppContext } from "../lib/hono-types.ts";
import { clearApplicantCookie } from "./applicant-session.ts";

/*
 * Throttles on what a signed-in person can make the worker do at great cost,
 * counted in D1 (rate_limits) so they hold across isolates:
 * - photo uploads, each a decode of up to 4 MB and a face detection: per
 *   person and per account in an hour, checked before the body is read;
 * - wrong current passwords in the password change, each a full password
 *   hash and, from a stolen session, a guess at the password: the fifth in an
 *   hour ends every session of the account, so whoever holds the session must
 *   sign in again, which needs the password.
 */
export const PHOTO_UPLOADS_PER_PERSON_PER_HOUR = 30;
export const PHOTO_UPLOADS_PER_ACCOUNT_PER_HOUR = 60;
const WRONG_CURRENT_PASSWORDS_BEFORE_SIGN_OUT = 5;
const HOUR = 60 * 60;

function limit(text: string | undefined, fallback: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** Counts one photo upload for the person and for the account; a 429 with Retry-After once either is over its hourly limit. */
export async function throttlePhotoUpload(c: AppContext, accountId: number, personId: number): Promise<void> {
  const env: Pick<AppEnv, "PHOTO_UPLOADS_PER_PERSON_PER_HOUR" | "PHOTO_UPLOADS_PER_ACCOUNT_PER_HOUR"> = c.env;
  const [person, account] = await Promise.all([
    hitRateLimit(
      c.var.db,
      `person:photo-upload:${personId}`,
      limit(env.PHOTO_UPLOADS_PER_PERSON_PER_HOUR, PHOTO_UPLOADS_PER_PERSON_PER_HOUR),
      HOUR,
    ),
    hitRateLimit(
      c.var.db,
      `account:photo-upload:${accountId}`,
      limit(env.PHOTO_UPLOADS_PER_ACCOUNT_PER_HOUR, PHOTO_UPLOADS_PER_ACCOUNT_PER_HOUR),
      HOUR,
    ),
  ]);
  const refused = [person, account].filter((r) => !r.allowed);
  if (refused.length === 0) return;
  const retryAfterSeconds = Math.max(...refused.map((r) => r.retryAfterSeconds));
  throw new AppError(429, "too_many_photo_uploads", "errors.tooManyPhotoUploads", {
    params: { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) },
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}

/**
 * Counts one wrong current password in the password change. At the fifth in
 * the hour every session of the account ends, the cookie is cleared, and the
 * answer is a 429 telling the person to sign in again.
 */
export async function countWrongCurrentPassword(c: AppContext, accountId: number): Promise<void> {
  const db = c.var.db;
  const { allowed, retryAfterSeconds } = await hitRateLimit(
    db,
    `account:password-change-wrong:${accountId}`,
    WRONG_CURRENT_PASSWORDS_BEFORE_SIGN_OUT - 1,
    HOUR,
  );
  if (allowed) return;
  await db.batch([
    revokeAllSessions(db, accountId),
    auditInsert(db, { actorKind: "applicant", actorId: accountId, action: "password.change_attempts_exceeded" }),
  ]);
  clearApplicantCookie(c);
  throw new AppError(429, "password_attempts_signed_out", "errors.passwordAttemptsSignedOut", {
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}
