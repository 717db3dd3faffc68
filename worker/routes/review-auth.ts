import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { afterResponse } from "../lib/after-response.ts";
import { auditInsert } from "../data/audit.ts";
import { nowIso } from "../data/db.ts";
import {
  findOfficerByEmail,
  findOfficerById,
  recordOfficerSignIn,
  setOfficerPassword,
  useTotpStep,
} from "../data/officers.ts";
import {
  type OfficerSession,
  newOfficerSession,
  recordOfficerFailure,
  revokeOfficerSessions,
} from "../data/officer-sessions.ts";
import { notifyOfficerLocked } from "../email/lock-notices.ts";
import { revokeSession } from "../data/sessions.ts";
import {
  clearOfficerCookie,
  requireOfficer,
  setOfficerCookie,
  signedInOfficer,
} from "../middleware/officer-session.ts";
import { throttleByIp } from "../middleware/rate-limit.ts";
import { settings } from "../lib/config.ts";
import { AppError, validationError } from "../lib/errors.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import { fieldProblems, jsonBody, jsonBodyWithProblems } from "../lib/validate-json.ts";
import { OfficerPasswordBody, OfficerSignInBody } from "../../shared/api/review-requests.ts";
import { NewPasswordBody } from "../../shared/api/passwords.ts";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "../lib/password-hash.ts";
import { checkNewPassword } from "../lib/breached-password.ts";
import { clientIp } from "../lib/request-language.ts";
import { verifyTotp } from "../lib/officer-totp.ts";
import type { OfficerSessionAnswer } from "../../shared/api/review-answers.ts";

/** A secret nobody holds: unknown or disabled officers get the same TOTP work as real ones. */
const DUMMY_TOTP_SECRET = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

/**
 * Officer sign-in at /review: password AND a TOTP code (RFC 6238); a code
 * that was already used (same 30-second step) is refused. Lockout (decision
 * 011): both factors are checked on every attempt and only an attempt with
 * exactly one of them right counts toward the account's lock; attempts with
 * both wrong are slowed by the per-IP throttle alone, so nobody can lock the
 * review team out without holding a factor. A locked, unknown or disabled
 * account answers exactly as a wrong password does, after the same work.
 */
/** The first-password route's own guard: only while the initial password is still to be replaced (else 409). */
const initialPasswordHolder = createMiddleware<AppBindings & { Variables: { officer: OfficerSession } }>(
  async (c, next) => {
    if (!c.var.officer.mustChangePassword)
      throw new AppError(409, "password_already_changed", "review.passwordAlreadyChanged");
    await next();
  },
);

export const reviewAuthRoutes = new Hono<AppBindings>()
  .post(
    "/sign-in",
    throttleByIp("review-sign-in", { limit: 20, windowSeconds: 15 * 60 }),
    jsonBody(OfficerSignInBody),
    async (c) => {
      const { email, password, code } = c.req.valid("json");

      const db = c.var.db;
      const now = Date.now();
      const officer = await findOfficerByEmail(db, email);
      const denied = () => new AppError(401, "invalid_credentials", "errors.invalidOfficerCredentials");
      if (!officer || officer.disabledAt) {
        await verifyPassword(password, DUMMY_PASSWORD_HASH);
        verifyTotp(DUMMY_TOTP_SECRET, code, now, null);
        throw denied();
      }
      const locked = officer.lockedUntil !== null && officer.lockedUntil > nowIso(now);
      const passwordOk = await verifyPassword(password, officer.passwordHash);
      // The code is checked whatever the password (without spending its step),
      // so that "one factor right" can be told from "both wrong".
      const step = verifyTotp(officer.totpSecret, code, now, officer.lastTotpStep);
      if (locked) throw denied();
      // The step is recorded only if newer than the last one: a replay racing
      // this sign-in with the same code loses here.
      if (!passwordOk || step === null || !(await useTotpStep(db, officer.id, step))) {
        const oneFactorRight = passwordOk !== (step !== null);
        const ip = clientIp(c.req.raw.headers);
        await db.batch([
          auditInsert(db, {
            actorKind: "officer",
            actorId: officer.id,
            action: "officer.sign_in_failed",
            ip,
            details: { countsTowardLock: oneFactorRight },
          }),
        ]);
        if (oneFactorRight) {
          const { minutes, newlyLocked } = await recordOfficerFailure(db, officer.id, now);
          if (newlyLocked)
            afterResponse(c, notifyOfficerLocked(c.env, db, officer, minutes), "officer lock email not written");
        }
        throw denied();
      }
      // Both factors are right: from here the answers may say what is wrong.
      if (officer.mustChangePassword === 1 && officer.initialPasswordIssuedAt !== null) {
        if (officer.initialPasswordUsedAt !== null)
          throw new AppError(401, "initial_password_used", "errors.initialPasswordUsed");
        const hours = settings(c.env).officerInitialPasswordHours;
        if (Date.parse(officer.initialPasswordIssuedAt) + hours * 3_600_000 <= now)
          throw new AppError(401, "initial_password_expired", "errors.initialPasswordExpired");
      }
      const session = newOfficerSession(db, officer.id);
      await db.batch([
        recordOfficerSignIn(db, officer.id, { initialPasswordUsed: officer.mustChangePassword === 1 }, now),
        session.insert,
        auditInsert(db, {
          actorKind: "officer",
          actorId: officer.id,
          action: "officer.sign_in",
          ip: clientIp(c.req.raw.headers),
        }),
      ]);
      await setOfficerCookie(c, session.id, session.expiresAt);
      return c.json({ name: officer.name, role: officer.role, mustChangePassword: officer.mustChangePassword === 1 });
    },
  )

  .post("/sign-out", async (c) => {
    const officer = c.var.officer;
    if (officer) {
      const db = c.var.db;
      await db.batch([
        revokeSession(db, officer.sessionId),
        auditInsert(db, { actorKind: "officer", actorId: officer.officerId, action: "officer.sign_out" }),
      ]);
    }
    clearOfficerCookie(c);
    return c.body(null, 204);
  })

  // Signed out is the state of every officer's first visit, not an error (issue 18 point 9): 200 with
  // `signedIn: false`, as the applicants' GET /api/session answers, so the browser logs nothing.
  .get("/session", (c) => {
    if (!c.var.officer) return c.json({ signedIn: false } satisfies OfficerSessionAnswer);
    const officer = requireOfficer(c, { allowInitialPassword: true });
    return c.json({
      signedIn: true as const,
      id: officer.officerId,
      name: officer.name,
      email: officer.email,
      role: officer.role,
      mustChangePassword: officer.mustChangePassword,
    } satisfies OfficerSessionAnswer);
  })

  /**
   * The officer replaces the one-time initial password printed by
   * `officer create`. Every other session of theirs ends; this one is
   * replaced by a fresh session.
   */
  .post(
    "/change-password",
    signedInOfficer({ allowInitialPassword: true }),
    initialPasswordHolder,
    jsonBodyWithProblems(NewPasswordBody),
    async (c) => {
      const session = c.var.officer;
      // The schema's problems are listed with the worker's own (the blocklist, same as the initial one).
      const { body, problems: form } = c.req.valid("json");
      const { newPassword } = body;
      // The worker's own check of the new password (the shared length rules, the blocklist), then the confirmation.
      const problems = await checkNewPassword(c.env, newPassword, { username: session.email });
      problems.push(...fieldProblems(form, "confirmPassword"));
      const db = c.var.db;
      const officer = (await findOfficerById(db, session.officerId))!;
      if (problems.length === 0 && (await verifyPassword(newPassword, officer.passwordHash))) {
        problems.push({ field: "newPassword", code: "same_as_initial", messageKey: "review.passwordSameAsInitial" });
      }
      if (problems.length) throw validationError(problems);

      const fresh = newOfficerSession(db, officer.id);
      await db.batch([
        setOfficerPassword(db, officer.id, await hashPassword(newPassword), { replacesInitial: true }),
        revokeOfficerSessions(db, officer.id),
        fresh.insert,
        auditInsert(db, {
          actorKind: "officer",
          actorId: officer.id,
          action: "officer.password_changed",
          subjectKind: "officer",
          subjectId: officer.email,
        }),
      ]);
      await setOfficerCookie(c, fresh.id, fresh.expiresAt);
      return c.json({ ok: true });
    },
  )

  /**
   * A later change of an officer's own password: the current password AND a
   * fresh TOTP code, so a session left open on a desk is not enough to take
   * the account over. One message for either factor wrong (the session
   * holder learns nothing about which). Every other session ends; this one
   * is replaced by a fresh session.
   */
  .post(
    "/password",
    throttleByIp("review-password", { limit: 10, windowSeconds: 15 * 60 }),
    signedInOfficer(),
    // The schema's problems are listed with the worker's own (the blocklist) in one 422.
    jsonBodyWithProblems(OfficerPasswordBody),
    async (c) => {
      const session = c.var.officer;
      const { body, problems: form } = c.req.valid("json");
      const { currentPassword, code, newPassword } = body;
      const problems = [...fieldProblems(form, "currentPassword"), ...fieldProblems(form, "code")];
      problems.push(...(await checkNewPassword(c.env, newPassword, { username: session.email })));
      problems.push(...fieldProblems(form, "confirmPassword"));
      if (problems.length) throw validationError(problems);

      const db = c.var.db;
      const officer = (await findOfficerById(db, session.officerId))!;
      const now = Date.now();
      const passwordOk = await verifyPassword(currentPassword, officer.passwordHash);
      const step = verifyTotp(officer.totpSecret, code, now, officer.lastTotpStep);
      if (!passwordOk || step === null || !(await useTotpStep(db, officer.id, step))) {
        await db.batch([
          auditInsert(db, {
            actorKind: "officer",
            actorId: officer.id,
            action: "officer.password_change_failed",
            ip: clientIp(c.req.raw.headers),
          }),
        ]);
        throw validationError([
          { field: "currentPassword", code: "wrong", messageKey: "review.currentPasswordOrCodeWrong" },
        ]);
      }
      if (currentPassword.normalize("NFKC") === newPassword.normalize("NFKC")) {
        throw validationError([
          { field: "newPassword", code: "same_as_current", messageKey: "review.passwordSameAsCurrent" },
        ]);
      }
      const fresh = newOfficerSession(db, officer.id, now);
      await db.batch([
        setOfficerPassword(db, officer.id, await hashPassword(newPassword), { replacesInitial: false }),
        revokeOfficerSessions(db, officer.id, now),
        fresh.insert,
        auditInsert(db, {
          actorKind: "officer",
          actorId: officer.id,
          action: "officer.password_changed",
          subjectKind: "officer",
          subjectId: officer.email,
          details: { how: "changed" },
        }),
      ]);
      await setOfficerCookie(c, fresh.id, fresh.expiresAt);
      return c.json({ ok: true });
    },
  );
