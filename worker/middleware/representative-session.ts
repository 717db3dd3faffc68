import { createMiddleware } from "hono/factory";
import { type RepresentativeSession, findLiveRepresentativeSession } from "../data/sessions.ts";
import { representativeAccess } from "../lib/config.ts";
import { AppError } from "../lib/errors.ts";
import type { AppBindings, AppContext } from "../lib/hono-types.ts";
import { sessionCookie } from "./session-cookie.ts";

/*
 * Representatives have their own cookie and JWT audience (decision 026), like
 * officers: a representative's token is never an applicant's, so no applicant
 * route acts on it, and an applicant's token never opens a representative's
 * view. SameSite=Lax and __Host- as the applicant's cookie.
 */
export const REPRESENTATIVE_COOKIE = "__Host-pr_representative";

const representativeCookie = sessionCookie({
  name: REPRESENTATIVE_COOKIE,
  audience: "pr-portal:representative",
  sameSite: "Lax",
  variable: "representative",
  findLive: (db, sessionId) => findLiveRepresentativeSession(db, sessionId),
});
export const setRepresentativeCookie = representativeCookie.set;
export const clearRepresentativeCookie = representativeCookie.clear;

/** Loads the representative session into `c.var.representative`, only while REPRESENTATIVE_ACCESS is on. */
export function loadRepresentativeSession() {
  const load = representativeCookie.load();
  return createMiddleware<AppBindings>(async (c, next) => {
    if (!representativeAccess(c.env)) return next();
    return load(c, next);
  });
}

/**
 * The signed-in representative, or a 401. While the password is still the
 * temporary one, only routes that pass `allowTemporaryPassword` work (as for
 * applicants: requireApplicant).
 */
export function requireRepresentative(
  c: AppContext,
  options: { allowTemporaryPassword?: boolean } = {},
): RepresentativeSession {
  const representative = c.var.representative;
  if (!representative) throw new AppError(401, "not_signed_in", "errors.notSignedIn");
  if (representative.passwordIsTemporary && !options.allowTemporaryPassword) {
    throw new AppError(403, "password_change_required", "errors.passwordChangeRequired");
  }
  return representative;
}
