import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { type OfficerSession, findLiveOfficerSession } from "../data/officer-sessions.ts";
import { AppError } from "../lib/errors.ts";
import type { AppBindings, AppContext } from "../lib/hono-types.ts";
import { signSessionJwt, verifySessionJwt } from "../lib/session-jwt.ts";

/*
 * Officers have their own cookie and JWT audience: an applicant's token can
 * never open /review, and an officer's token is refused by every applicant
 * route (they verify the applicant audience and read the applicant cookie).
 * SameSite=Strict: /review is never reached from another site's link.
 */
export const OFFICER_COOKIE = "__Host-pr_officer";
const AUDIENCE = "pr-portal:officer" as const;

export async function setOfficerCookie(c: AppContext, sessionId: string, expiresAt: string): Promise<void> {
  const token = await signSessionJwt({ secret: c.env.JWT_SECRET, issuer: c.env.PUBLIC_ORIGIN, audience: AUDIENCE, sessionId, expiresAt: new Date(expiresAt) });
  setCookie(c, OFFICER_COOKIE, token, { path: "/", secure: true, httpOnly: true, sameSite: "Strict", expires: new Date(expiresAt) });
}

export function clearOfficerCookie(c: AppContext): void {
  deleteCookie(c, OFFICER_COOKIE, { path: "/", secure: true });
}

export function loadOfficerSession() {
  return createMiddleware<AppBindings>(async function loadOfficerSession(c, next) {
    const token = getCookie(c, OFFICER_COOKIE);
    if (token) {
      const sessionId = await verifySessionJwt(token, { secret: c.env.JWT_SECRET, issuer: c.env.PUBLIC_ORIGIN, audience: AUDIENCE });
      if (sessionId) c.set("officer", await findLiveOfficerSession(c.var.db, sessionId));
    }
    await next();
  });
}

/**
 * The signed-in officer, or 401; `supervisor` also requires that role (403).
 * While the officer still has the one-time initial password, every route but
 * those passing `allowInitialPassword` is 403 until they choose their own
 * (as applicants' temporary passwords are handled).
 */
export function requireOfficer(c: AppContext, options: { supervisor?: boolean; allowInitialPassword?: boolean } = {}): OfficerSession {
  const officer = c.var.officer;
  if (!officer) throw new AppError(401, "not_signed_in", "errors.notSignedIn");
  if (officer.mustChangePassword && !options.allowInitialPassword) throw new AppError(403, "password_change_required", "errors.passwordChangeRequired");
  if (options.supervisor && officer.role !== "supervisor") throw new AppError(403, "forbidden", "errors.forbidden");
  return officer;
}
