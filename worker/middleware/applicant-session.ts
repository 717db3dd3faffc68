import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { type ApplicantSession, findLiveApplicantSession } from "../data/sessions.ts";
import { AppError } from "../lib/errors.ts";
import type { AppBindings, AppContext } from "../lib/hono-types.ts";
import { signSessionJwt, verifySessionJwt } from "../lib/session-jwt.ts";

/*
 * __Host- prefix: the browser accepts the cookie only if it is Secure, has
 * Path=/ and no Domain, so no subdomain can set or read it. HttpOnly keeps
 * it from scripts; SameSite=Lax keeps it off cross-site POSTs while still
 * letting a person arrive signed in from a link.
 */
export const APPLICANT_COOKIE = "__Host-pr_session";
const AUDIENCE = "pr-portal:applicant" as const;

export async function setApplicantCookie(c: AppContext, sessionId: string, expiresAt: string): Promise<void> {
  const token = await signSessionJwt({
    secret: c.env.JWT_SECRET,
    issuer: c.env.PUBLIC_ORIGIN,
    audience: AUDIENCE,
    sessionId,
    expiresAt: new Date(expiresAt),
  });
  setCookie(c, APPLICANT_COOKIE, token, { path: "/", secure: true, httpOnly: true, sameSite: "Lax", expires: new Date(expiresAt) });
}

export function clearApplicantCookie(c: AppContext): void {
  deleteCookie(c, APPLICANT_COOKIE, { path: "/", secure: true });
}

/** Loads the applicant session, if any, into `c.var.applicant`. Never throws. */
export function loadApplicantSession() {
  return createMiddleware<AppBindings>(async function loadApplicantSession(c, next) {
    const token = getCookie(c, APPLICANT_COOKIE);
    if (token) {
      const sessionId = await verifySessionJwt(token, { secret: c.env.JWT_SECRET, issuer: c.env.PUBLIC_ORIGIN, audience: AUDIENCE });
      if (sessionId) c.set("applicant", await findLiveApplicantSession(c.var.db, sessionId));
    }
    await next();
  });
}

/**
 * The signed-in applicant, or a 401. While the account still has its
 * temporary password, only routes that pass `allowTemporaryPassword` work:
 * everything else is 403 until the person sets their own password.
 */
export function requireApplicant(c: AppContext, options: { allowTemporaryPassword?: boolean } = {}): ApplicantSession {
  const applicant = c.var.applicant;
  if (!applicant) throw new AppError(401, "not_signed_in", "errors.notSignedIn");
  if (applicant.passwordIsTemporary && !options.allowTemporaryPassword) {
    throw new AppError(403, "password_change_required", "errors.passwordChangeRequired");
  }
  return applicant;
}
