import { Hono } from "hono";
import { eq } from "drizzle-orm";
import { officers } from "../../schema/index.ts";
import { auditInsert } from "../data/audit.ts";
import { nowIso } from "../data/db.ts";
import { findOfficerByEmail, findOfficerById, useTotpStep } from "../data/officers.ts";
import { newOfficerSession, recordOfficerFailure, revokeOfficerSessions } from "../data/officer-sessions.ts";
import { revokeSession } from "../data/sessions.ts";
import { clearOfficerCookie, requireOfficer, setOfficerCookie } from "../middleware/officer-session.ts";
import { throttleByIp } from "../middleware/rate-limit.ts";
import { AppError, type FieldProblem, validationError } from "../lib/errors.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import { readJsonObject, stringField } from "../lib/json-body.ts";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "../lib/password-hash.ts";
import { checkNewPassword } from "../lib/breached-password.ts";
import { clientIp } from "../lib/request-language.ts";
import { verifyTotp } from "../lib/totp.ts";

/**
 * Officer sign-in at /review: password AND a TOTP code (RFC 6238). A wrong
 * password or a wrong code both count toward the lockout, and a code that
 * was already used (same 30-second step) is refused.
 */
export const reviewAuthRoutes = new Hono<AppBindings>()
  .post("/sign-in", throttleByIp("review-sign-in", { limit: 20, windowSeconds: 15 * 60 }), async (c) => {
    const body = await readJsonObject(c);
    const email = stringField(body, "email").trim().toLowerCase();
    const password = stringField(body, "password");
    const code = stringField(body, "code").replace(/\s/g, "");
    const problems: FieldProblem[] = [];
    if (!email) problems.push({ field: "email", code: "required", messageKey: "fields.required", params: { label: "$labels.email" } });
    if (!password) problems.push({ field: "password", code: "required", messageKey: "fields.required", params: { label: "$labels.password" } });
    if (!code) problems.push({ field: "code", code: "required", messageKey: "fields.required", params: { label: "$labels.totpCode" } });
    if (problems.length) throw validationError(problems);

    const db = c.var.db;
    const officer = await findOfficerByEmail(db, email);
    const denied = () => new AppError(401, "invalid_credentials", "errors.invalidOfficerCredentials");
    if (!officer || officer.disabledAt) {
      await verifyPassword(password, DUMMY_PASSWORD_HASH);
      throw denied();
    }
    if (officer.lockedUntil && officer.lockedUntil > nowIso()) {
      throw new AppError(429, "account_locked", "errors.accountLocked", { params: { minutes: Math.max(1, Math.ceil((Date.parse(officer.lockedUntil) - Date.now()) / 60_000)) } });
    }
    const passwordOk = await verifyPassword(password, officer.passwordHash);
    const step = passwordOk ? await verifyTotp(officer.totpSecret, code, Date.now(), officer.lastTotpStep) : null;
    // The step is recorded only if newer than the last one: a replay racing
    // this sign-in with the same code loses here.
    if (!passwordOk || step === null || !(await useTotpStep(db, officer.id, step))) {
      const minutes = await recordOfficerFailure(db, officer.id);
      await db.batch([auditInsert(db, { actorKind: "officer", actorId: officer.id, action: "officer.sign_in_failed", ip: clientIp(c.req.raw.headers) })]);
      if (minutes) throw new AppError(429, "account_locked", "errors.accountLocked", { params: { minutes } });
      throw denied();
    }
    const session = newOfficerSession(db, officer.id);
    await db.batch([
      db.update(officers).set({ failedSignIns: 0, lockedUntil: null }).where(eq(officers.id, officer.id)),
      session.insert,
      auditInsert(db, { actorKind: "officer", actorId: officer.id, action: "officer.sign_in", ip: clientIp(c.req.raw.headers) }),
    ]);
    await setOfficerCookie(c, session.id, session.expiresAt);
    return c.json({ name: officer.name, role: officer.role, mustChangePassword: officer.mustChangePassword === 1 });
  })

  .post("/sign-out", async (c) => {
    const officer = c.var.officer;
    if (officer) {
      const db = c.var.db;
      await db.batch([revokeSession(db, officer.sessionId), auditInsert(db, { actorKind: "officer", actorId: officer.officerId, action: "officer.sign_out" })]);
    }
    clearOfficerCookie(c);
    return c.body(null, 204);
  })

  .get("/session", (c) => {
    const officer = requireOfficer(c, { allowInitialPassword: true });
    return c.json({ id: officer.officerId, name: officer.name, email: officer.email, role: officer.role, mustChangePassword: officer.mustChangePassword });
  })

  /**
   * The officer replaces the one-time initial password printed by
   * `officer create`. Every other session of theirs ends; this one is
   * replaced by a fresh session.
   */
  .post("/change-password", async (c) => {
    const session = requireOfficer(c, { allowInitialPassword: true });
    if (!session.mustChangePassword) throw new AppError(409, "password_already_changed", "review.passwordAlreadyChanged");
    const body = await readJsonObject(c);
    const newPassword = stringField(body, "newPassword");
    const confirmPassword = stringField(body, "confirmPassword");
    const problems = await checkNewPassword(c.env, newPassword, { username: session.email });
    if (!confirmPassword) problems.push({ field: "confirmPassword", code: "required", messageKey: "fields.required", params: { label: "$labels.confirmPassword" } });
    else if (newPassword && confirmPassword.normalize("NFKC") !== newPassword.normalize("NFKC")) {
      problems.push({ field: "confirmPassword", code: "mismatch", messageKey: "password.mismatch" });
    }
    const db = c.var.db;
    const officer = (await findOfficerById(db, session.officerId))!;
    if (problems.length === 0 && (await verifyPassword(newPassword, officer.passwordHash))) {
      problems.push({ field: "newPassword", code: "same_as_initial", messageKey: "review.passwordSameAsInitial" });
    }
    if (problems.length) throw validationError(problems);

    const fresh = newOfficerSession(db, officer.id);
    await db.batch([
      db.update(officers).set({ passwordHash: await hashPassword(newPassword), mustChangePassword: 0 }).where(eq(officers.id, officer.id)),
      revokeOfficerSessions(db, officer.id),
      fresh.insert,
      auditInsert(db, { actorKind: "officer", actorId: officer.id, action: "officer.password_changed", subjectKind: "officer", subjectId: officer.email }),
    ]);
    await setOfficerCookie(c, fresh.id, fresh.expiresAt);
    return c.json({ ok: true });
  });
