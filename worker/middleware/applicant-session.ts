import { createMiddleware } from "hono/factory";
import { type ApplicantSession, findLiveApplicantSession } from "../data/sessions.ts";
import { AppError } from "../lib/errors.ts";
import type { AppBindings, AppContext } from "../lib/hono-types.ts";
import { sessionCookie } from "./session-cookie.ts";

/*
 * __Host- prefix: the browser accepts the cookie only if it is Secure, has
 * Path=/ and no Domain, so no subdomain can set or read it. HttpOnly keeps
 * it from scripts; SameSite=Lax keeps it off cross-site POSTs while still
 * letting a person arrive signed in from a link.
 */
export const APPLICANT_COOKIE = "__Host-pr_session";

const applicantCookie = sessionCookie({
  name: APPLICANT_COOKIE,
  audience: "pr-portal:applicant",
  sameSite: "Lax",
  variable: "applicant",
  findLive: (db, sessionId) => findLiveApplicantSession(db, sessionId),
});
export const setApplicantCookie = applicantCookie.set;
export const clearApplicantCookie = applicantCookie.clear;
/** Loads the applicant session, if any, into `c.var.applicant`. Never throws. */
export const loadApplicantSession = applicantCookie.load;
/** The session id in the applicant cookie, if its JWT is valid; for a route that reads the row itself, batched. */
export const applicantSessionIdFrom = applicantCookie.sessionIdFrom;

/**
 * The signed-in applicant, or a 401. While the account still has its
 * temporary password, only routes that pass `allowTemporaryPassword` work:
 * everything else is 403 until the person sets their own password.
 */
export function requireApplicant(
  c: Pick<AppContext, "var">,
  options: { allowTemporaryPassword?: boolean } = {},
): ApplicantSession {
  const applicant = c.var.applicant;
  // A representative's own session never acts for anyone: every applicant route (declare, submit,
  // address, photo…) refuses it by name, whatever the person (decision 026).
  if (!applicant && c.var.representative)
    throw new AppError(403, "representative_read_only", "errors.representativeReadOnly");
  if (!applicant) throw new AppError(401, "not_signed_in", "errors.notSignedIn");
  if (applicant.passwordIsTemporary && !options.allowTemporaryPassword) {
    throw new AppError(403, "password_change_required", "errors.passwordChangeRequired");
  }
  return applicant;
}

/**
 * `requireApplicant` as route middleware, placed before the body's `jsonBody(Schema)` so that its
 * 401/403 answer first (decision 022); the handler's `c.var.applicant` is then the signed-in one.
 */
export const signedInApplicant = (options: { allowTemporaryPassword?: boolean } = {}) =>
  createMiddleware<AppBindings & { Variables: { applicant: ApplicantSession } }>(async (c, next) => {
    c.set("applicant", requireApplicant(c, options));
    await next();
  });
