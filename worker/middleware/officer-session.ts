import { createMiddleware } from "hono/factory";
import { type OfficerSession, findLiveOfficerSession } from "../data/officer-sessions.ts";
import { AppError } from "../lib/errors.ts";
import type { AppBindings, AppContext } from "../lib/hono-types.ts";
import { sessionCookie } from "./session-cookie.ts";

/*
 * Officers have their own cookie and JWT audience: an applicant's token can
 * never open /review, and an officer's token is refused by every applicant
 * route (they verify the applicant audience and read the applicant cookie).
 * SameSite=Strict: /review is never reached from another site's link.
 */
export const OFFICER_COOKIE = "__Host-pr_officer";

const officerCookie = sessionCookie({
  name: OFFICER_COOKIE,
  audience: "pr-portal:officer",
  sameSite: "Strict",
  variable: "officer",
  findLive: (db, sessionId) => findLiveOfficerSession(db, sessionId),
});
export const setOfficerCookie = officerCookie.set;
export const clearOfficerCookie = officerCookie.clear;
/** Loads the officer session, if any, into `c.var.officer`. Never throws. */
export const loadOfficerSession = officerCookie.load;

/**
 * The signed-in officer, or 401; `supervisor` also requires that role (403).
 * While the officer still has the one-time initial password, every route but
 * those passing `allowInitialPassword` is 403 until they choose their own
 * (as applicants' temporary passwords are handled).
 */
export function requireOfficer(
  c: AppContext,
  options: { supervisor?: boolean; allowInitialPassword?: boolean } = {},
): OfficerSession {
  const officer = c.var.officer;
  if (!officer) throw new AppError(401, "not_signed_in", "errors.notSignedIn");
  if (officer.mustChangePassword && !options.allowInitialPassword)
    throw new AppError(403, "password_change_required", "errors.passwordChangeRequired");
  if (options.supervisor && officer.role !== "supervisor") throw new AppError(403, "forbidden", "errors.forbidden");
  return officer;
}

/**
 * `requireOfficer` as route middleware, placed before the body's `jsonBody(Schema)` so that its
 * 401/403 answer first (decision 022); the handler's `c.var.officer` is then the signed-in one.
 */
export const signedInOfficer = (options: { supervisor?: boolean; allowInitialPassword?: boolean } = {}) =>
  createMiddleware<AppBindings & { Variables: { officer: OfficerSession } }>(async (c, next) => {
    c.set("officer", requireOfficer(c, options));
    await next();
  });
