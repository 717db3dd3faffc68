import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import type { Database } from "../data/db.ts";
import type { AppBindings, AppContext } from "../lib/hono-types.ts";
import { type SessionAudience, signSessionJwt, verifySessionJwt } from "../lib/session-jwt.ts";

type SessionKind = "applicant" | "officer" | "representative";

/**
 * One kind of session's cookie: its name, the JWT audience that keeps the kinds apart, its SameSite
 * rule, and how its session row is found. Every cookie is `__Host-`, Secure, HttpOnly, Path=/; the
 * JWT names a session row, and `load()` puts the live session (or null) on the context.
 */
export function sessionCookie<K extends SessionKind>(options: {
  name: `__Host-${string}`;
  audience: SessionAudience;
  sameSite: "Lax" | "Strict";
  variable: K;
  findLive: (db: Database, sessionId: string) => Promise<AppBindings["Variables"][K]>;
}) {
  const { name, audience, sameSite, variable, findLive } = options;
  /** The session id the request's cookie names, if its JWT is valid (the row is not read). */
  async function sessionIdFrom(c: AppContext): Promise<string | null> {
    const token = getCookie(c, name);
    if (!token) return null;
    return verifySessionJwt(token, { secret: c.env.JWT_SECRET, issuer: c.env.PUBLIC_ORIGIN, audience });
  }
  return {
    async set(c: AppContext, sessionId: string, expiresAt: string): Promise<void> {
      const token = await signSessionJwt({
        secret: c.env.JWT_SECRET,
        issuer: c.env.PUBLIC_ORIGIN,
        audience,
        sessionId,
        expiresAt: new Date(expiresAt),
      });
      setCookie(c, name, token, { path: "/", secure: true, httpOnly: true, sameSite, expires: new Date(expiresAt) });
    },
    clear(c: AppContext): void {
      deleteCookie(c, name, { path: "/", secure: true });
    },
    sessionIdFrom,
    /** Loads the session, if any, into `c.var[variable]`. Never throws. */
    load() {
      return createMiddleware<AppBindings>(async function loadSession(c, next) {
        const sessionId = await sessionIdFrom(c);
        if (sessionId) c.set(variable, await findLive(c.var.db, sessionId));
        await next();
      });
    },
  };
}
