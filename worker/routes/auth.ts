import { Hono } from "hono";
import { createMiddleware } from "hono/factory";
import { afterResponse } from "../lib/after-response.ts";
import { enqueueAfterResponse } from "../email/enqueue-after-response.ts";
import { accountHolderName, findAccountById, findAccountByUsername } from "../data/accounts.ts";
import {
  type CredentialKind,
  markTemporaryCredentialsUsed,
  recordFailedCredentials,
  resetFailedCredentials,
  setChosenCredentials,
  updateCredentialsHash,
} from "../data/credentials.ts";
import {
  findRepresentativeByEmail,
  findRepresentativeById,
  findRepresentativeByUsername,
} from "../data/representatives.ts";
import { findUsableResetToken, newResetToken, useResetToken } from "../data/reset-tokens.ts";
import { auditInsert } from "../data/audit.ts";
import { nowIso } from "../data/db.ts";
import { newSession, revokeAllSessionsOf, revokeSession } from "../data/sessions.ts";
import { notifyApplicantLocked } from "../email/lock-notices.ts";
import { outboxInsert } from "../data/outbox.ts";
import { passwordChangedEmail, passwordResetLinkEmail } from "../email/templates.ts";
import { clearApplicantCookie, requireApplicant, setApplicantCookie } from "../middleware/applicant-session.ts";
import {
  clearRepresentativeCookie,
  requireRepresentative,
  setRepresentativeCookie,
} from "../middleware/representative-session.ts";
import { throttleByIp } from "../middleware/rate-limit.ts";
import { forConfirmedHoldersAfterResponse } from "./confirmed-holders.ts";
import { representativeAccess, templateContext } from "../lib/config.ts";
import { randomToken, sha256Hex } from "../lib/crypto.ts";
import { AppError, type FieldProblem, validationError } from "../lib/errors.ts";
import type { AppBindings, AppContext } from "../lib/hono-types.ts";
import { jsonBody, jsonBodyWithProblems } from "../lib/validate-json.ts";
import {
  ForgotPasswordBody,
  type PasswordSet,
  ResetPasswordBody,
  SignInBody,
  type SignedIn,
} from "../../shared/api/auth.ts";
import { NewPasswordBody } from "../../shared/api/passwords.ts";
import { DUMMY_PASSWORD_HASH, hashPassword, needsRehash, verifyPassword } from "../lib/password-hash.ts";
import { checkNewPassword } from "../lib/breached-password.ts";
import { clientIp } from "../lib/request-language.ts";

/**
 * A new password's problems: the worker's own check of it (the shared length rules, then the
 * blocklist and the username), then the form's other problems its schema found (the confirmation).
 */
async function newPasswordProblems(
  env: AppContext["env"],
  newPassword: string,
  formProblems: FieldProblem[],
  username: string,
): Promise<FieldProblem[]> {
  const problems = await checkNewPassword(env, newPassword, { username });
  return [...problems, ...formProblems.filter((problem) => problem.field !== "newPassword")];
}

function enqueueLater(c: AppContext, ids: number[]) {
  enqueueAfterResponse(c, ids);
}

/**
 * The account a username names: an applicant's, or (while REPRESENTATIVE_ACCESS is on) a
 * representative's own, which signs in by the same rules (decision 026).
 */
async function accountNamed(c: AppContext, username: string): Promise<SignInHolder | null> {
  const account = await findAccountByUsername(c.var.db, username);
  if (account) return { kind: "applicant", row: account };
  if (!representativeAccess(c.env)) return null;
  const representative = await findRepresentativeByUsername(c.var.db, username);
  return representative ? { kind: "representative", row: representative } : null;
}

type SignInHolder =
  | { kind: "applicant"; row: NonNullable<Awaited<ReturnType<typeof findAccountByUsername>>> }
  | { kind: "representative"; row: NonNullable<Awaited<ReturnType<typeof findRepresentativeByUsername>>> };

const setSessionCookie = (kind: CredentialKind) =>
  kind === "applicant" ? setApplicantCookie : setRepresentativeCookie;

/** Whoever is choosing their first password: the signed-in applicant, or the signed-in representative. */
async function passwordOwner(c: AppContext) {
  if (!c.var.applicant && c.var.representative) {
    const representative = requireRepresentative(c, { allowTemporaryPassword: true });
    return {
      kind: "representative" as const,
      id: representative.representativeId,
      username: representative.username,
      email: representative.email,
      passwordIsTemporary: representative.passwordIsTemporary,
      name: representative.name,
    };
  }
  const applicant = requireApplicant(c, { allowTemporaryPassword: true });
  return {
    kind: "applicant" as const,
    id: applicant.accountId,
    username: applicant.username,
    email: applicant.email,
    passwordIsTemporary: applicant.passwordIsTemporary,
    name: await accountHolderName(c.var.db, applicant),
  };
}

/** Whose password a reset link changes: an applicant's account or a representative's (decision 026). */
async function resetHolder(c: AppContext, reset: { kind: CredentialKind; ownerId: number }) {
  const db = c.var.db;
  if (reset.kind === "representative") {
    const representative = (await findRepresentativeById(db, reset.ownerId))!;
    return {
      id: representative.id,
      username: representative.username,
      email: representative.email,
      name: representative.name,
    };
  }
  const account = (await findAccountById(db, reset.ownerId))!;
  return {
    id: account.id,
    username: account.username,
    email: account.email,
    name: await accountHolderName(db, account),
  };
}

/**
 * The first password's guard, before the body is read (decision 022): whoever is choosing it (401,
 * 403), while it is still temporary (else 409).
 */
const firstPasswordOwner = createMiddleware<
  AppBindings & { Variables: { owner: Awaited<ReturnType<typeof passwordOwner>> } }
>(async (c, next) => {
  const owner = await passwordOwner(c);
  if (!owner.passwordIsTemporary) throw new AppError(409, "password_already_set", "errors.setPasswordNotTemporary");
  c.set("owner", owner);
  await next();
});

/** Reset emails per account (on top of the per-IP limit of the route). */
const RESET_EMAILS_PER_ACCOUNT = { limit: 3, windowSeconds: 60 * 60 } as const;

/** Sign-in, sign-out, first password, forgot/reset password. */
export const authRoutes = new Hono<AppBindings>()
  .post("/sign-in", throttleByIp("sign-in", { limit: 20, windowSeconds: 15 * 60 }), jsonBody(SignInBody), async (c) => {
    const { username, password } = c.req.valid("json");

    const db = c.var.db;
    const invalid = () => new AppError(401, "invalid_credentials", "errors.invalidCredentials");
    const holder = await accountNamed(c, username);
    if (!holder) {
      // Same work as a real check, so response time does not reveal usernames.
      await verifyPassword(password, DUMMY_PASSWORD_HASH);
      throw invalid();
    }
    // A locked account answers exactly like a wrong password, after the same
    // hash work: the answer tells no one that the account exists or is
    // locked. Its owner learns of the lock by email (decision 011). Attempts
    // during the lock are not counted: the lock is already there.
    const { kind, row: account } = holder;
    const locked = account.lockedUntil !== null && account.lockedUntil > nowIso();
    const passwordOk = await verifyPassword(password, account.passwordHash);
    if (locked) throw invalid();
    if (!passwordOk) {
      const { lockedMinutes, newlyLocked } = await recordFailedCredentials(db, kind, account.id);
      await db.batch([
        auditInsert(db, {
          actorKind: kind,
          actorId: account.id,
          action: "sign_in.failed",
          ip: clientIp(c.req.raw.headers),
        }),
      ]);
      if (newlyLocked) {
        const env = c.env;
        afterResponse(c, notifyApplicantLocked(env, db, holder, lockedMinutes), "lock email not written");
      }
      throw invalid();
    }
    if (
      account.passwordIsTemporary === 1 &&
      account.temporaryPasswordExpiresAt &&
      account.temporaryPasswordExpiresAt <= nowIso()
    ) {
      throw new AppError(401, "temporary_password_expired", "errors.temporaryPasswordExpired", {
        params: { helpEmail: c.env.HELP_EMAIL },
      });
    }
    // A temporary password works for one sign-in: that session is where the
    // person sets their own. A second use is refused; an admin re-issues it.
    if (account.passwordIsTemporary === 1 && account.temporaryPasswordUsedAt) {
      throw new AppError(401, "temporary_password_used", "errors.temporaryPasswordUsed", {
        params: { helpEmail: c.env.HELP_EMAIL },
      });
    }
    const session = newSession(db, kind, account.id);
    await db.batch([
      resetFailedCredentials(db, kind, account.id),
      ...(account.passwordIsTemporary === 1 ? [markTemporaryCredentialsUsed(db, kind, account.id)] : []),
      session.insert,
      auditInsert(db, {
        actorKind: kind,
        actorId: account.id,
        action: "sign_in",
        ip: clientIp(c.req.raw.headers),
      }),
    ]);
    if (needsRehash(account.passwordHash)) {
      await updateCredentialsHash(db, kind, account.id, await hashPassword(password));
    }
    await setSessionCookie(kind)(c, session.id, session.expiresAt);
    return c.json({
      mustSetPassword: account.passwordIsTemporary === 1,
      // Only a representative's answer says so: with the setting off, no answer mentions them.
      ...(kind === "representative" ? { representative: true as const } : {}),
    } satisfies SignedIn);
  })

  .post("/sign-out", async (c) => {
    const db = c.var.db;
    const { applicant, representative } = c.var;
    if (applicant) {
      await db.batch([
        revokeSession(db, applicant.sessionId),
        auditInsert(db, { actorKind: "applicant", actorId: applicant.accountId, action: "sign_out" }),
      ]);
    }
    if (representative) {
      await db.batch([
        revokeSession(db, representative.sessionId),
        auditInsert(db, { actorKind: "representative", actorId: representative.representativeId, action: "sign_out" }),
      ]);
      clearRepresentativeCookie(c);
    }
    clearApplicantCookie(c);
    return c.body(null, 204);
  })

  // The applicant's first password, or a representative's (the same flow: decision 026).
  // The schema's problems are listed with the worker's own (the blocklist, the username) in one 422.
  .post("/set-password", firstPasswordOwner, jsonBodyWithProblems(NewPasswordBody), async (c) => {
    const owner = c.var.owner;
    const { body, problems: formProblems } = c.req.valid("json");
    const { newPassword } = body;
    const problems = await newPasswordProblems(c.env, newPassword, formProblems, owner.username);
    if (problems.length) throw validationError(problems);

    const db = c.var.db;
    const fresh = newSession(db, owner.kind, owner.id);
    const [, , , mail] = await db.batch([
      setChosenCredentials(db, owner.kind, owner.id, await hashPassword(newPassword)),
      // Any other session opened with the temporary password ends here.
      revokeAllSessionsOf(db, owner.kind, owner.id),
      // ...including this one, replaced by a fresh session below.
      fresh.insert,
      outboxInsert(db, c.env, {
        kind: "password_changed",
        to: owner.email,
        email: passwordChangedEmail(templateContext(c.env), { name: owner.name, how: "set" }),
      }),
      auditInsert(db, { actorKind: owner.kind, actorId: owner.id, action: "password.set_first" }),
    ]);
    enqueueLater(
      c,
      mail.map((m) => m.id),
    );
    await setSessionCookie(owner.kind)(c, fresh.id, fresh.expiresAt);
    return c.json({
      ok: true,
      ...(owner.kind === "representative" ? { representative: true as const } : {}),
    } satisfies PasswordSet);
  })

  .post(
    "/forgot-password",
    throttleByIp("forgot-password", { limit: 10, windowSeconds: 15 * 60 }),
    jsonBody(ForgotPasswordBody),
    async (c) => {
      const { email } = c.req.valid("json");
      const db = c.var.db;
      const env = c.env;
      // One link, written the same way for either kind of account (decision 026).
      const sendResetLink = async (kind: CredentialKind, holder: { id: number; email: string; name: string }) => {
        const token = randomToken(32);
        const [, mail] = await db.batch([
          newResetToken(db, kind, holder.id, await sha256Hex(token)),
          outboxInsert(db, env, {
            kind: "password_reset_link",
            to: holder.email,
            email: passwordResetLinkEmail(templateContext(env), { name: holder.name }),
            secrets: { token },
          }),
          auditInsert(db, { actorKind: kind, actorId: holder.id, action: "password.reset_requested" }),
        ]);
        return mail.map((m) => m.id);
      };
      const rules = {
        email,
        capName: "reset-email",
        perAccount: RESET_EMAILS_PER_ACCOUNT,
        // Only passwords a person chose are reset by email; a temporary
        // password that was lost or expired is re-issued by an admin.
        eligible: (holder: { passwordIsTemporary: number }) => holder.passwordIsTemporary === 0,
        whenItFails: "forgot-password background work failed",
      };
      forConfirmedHoldersAfterResponse(c, rules, async (account) =>
        sendResetLink("applicant", { ...account, name: await accountHolderName(db, account) }),
      );
      // A representative's own account at this address, by the same rules and limits (decision 026);
      // none while REPRESENTATIVE_ACCESS is off. The answer below is the same either way.
      if (representativeAccess(env)) {
        forConfirmedHoldersAfterResponse(
          c,
          {
            ...rules,
            holders: {
              kind: "representative",
              find: async (address) => {
                const representative = await findRepresentativeByEmail(db, address);
                return representative ? [representative] : [];
              },
            },
          },
          (representative) => sendResetLink("representative", representative),
        );
      }
      return c.json({ ok: true }, 202);
    },
  )

  // The body's 415/400 first; then the link is judged, its problems before the new password's (so
  // the schema's problems come to the handler, listed after the token's check in one 422).
  .post(
    "/reset-password",
    throttleByIp("reset-password", { limit: 10, windowSeconds: 15 * 60 }),
    jsonBodyWithProblems(ResetPasswordBody),
    async (c) => {
      const { body, problems: formProblems } = c.req.valid("json");
      const { token, newPassword } = body;
      const db = c.var.db;
      const invalid = () => new AppError(400, "reset_link_invalid", "errors.resetLinkInvalid");
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw invalid();
      const reset = await findUsableResetToken(db, await sha256Hex(token));
      // A representative's link works only while the operator allows representatives (decision 026).
      if (!reset || (reset.kind === "representative" && !representativeAccess(c.env))) throw invalid();
      const holder = await resetHolder(c, reset);
      const problems = await newPasswordProblems(c.env, newPassword, formProblems, holder.username);
      if (problems.length) throw validationError(problems);
      // The conditional update is the single-use guard when two requests race.
      const used = await useResetToken(db, reset.kind, reset.id);
      if (used.length !== 1) throw invalid();
      const [, , mail] = await db.batch([
        setChosenCredentials(db, reset.kind, holder.id, await hashPassword(newPassword)),
        // Every session of the account ends: whoever knew the old password is signed out.
        revokeAllSessionsOf(db, reset.kind, holder.id),
        outboxInsert(db, c.env, {
          kind: "password_changed",
          to: holder.email,
          email: passwordChangedEmail(templateContext(c.env), { name: holder.name, how: "reset" }),
        }),
        auditInsert(db, { actorKind: reset.kind, actorId: holder.id, action: "password.reset" }),
      ]);
      enqueueLater(
        c,
        mail.map((m) => m.id),
      );
      if (reset.kind === "representative") clearRepresentativeCookie(c);
      else clearApplicantCookie(c);
      return c.json({ ok: true });
    },
  );
