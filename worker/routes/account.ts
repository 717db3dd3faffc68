import { Hono } from "hono";
import { representativeAccess } from "../lib/config.ts";
import { enqueueAfterResponse } from "../email/enqueue-after-response.ts";
import { accountHolderName, findAccountById, setAccountLanguage, setChosenPassword } from "../data/accounts.ts";
import { auditInsert } from "../data/audit.ts";
import { revokeAllSessions, revokeOtherSessions } from "../data/sessions.ts";
import { outboxInsert } from "../data/outbox.ts";
import { passwordChangedEmail } from "../email/templates.ts";
import { clearApplicantCookie, requireApplicant, signedInApplicant } from "../middleware/applicant-session.ts";
import { templateContext } from "../lib/config.ts";
import { validationError } from "../lib/errors.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import { fieldProblems, jsonBody, jsonBodyWithProblems } from "../lib/validate-json.ts";
import { type AccountDetails, LanguageBody, PasswordChangeBody } from "../../shared/api/accounts.ts";
import { hashPassword, verifyPassword } from "../lib/password-hash.ts";
import { checkNewPassword } from "../lib/breached-password.ts";
import { countWrongCurrentPassword } from "../middleware/signed-in-throttles.ts";

/** The signed-in person's own account: language, password, sessions. */
export const accountRoutes = new Hono<AppBindings>()
  .get("/", async (c) => {
    const applicant = requireApplicant(c);
    return c.json({
      username: applicant.username,
      email: applicant.email,
      language: applicant.language,
      ...(representativeAccess(c.env) ? { representatives: true as const } : {}),
    } satisfies AccountDetails);
  })

  .post("/language", signedInApplicant(), jsonBody(LanguageBody), async (c) => {
    const { language } = c.req.valid("json");
    await setAccountLanguage(c.var.db, c.var.applicant.accountId, language);
    return c.json({ language });
  })

  // The current password and the blocklist are the worker's to check: the schema's problems come to
  // the handler, to be listed with those in one 422 (415 and 400 are answered by jsonBodyWithProblems).
  .post("/password", signedInApplicant(), jsonBodyWithProblems(PasswordChangeBody), async (c) => {
    const applicant = c.var.applicant;
    const { body, problems: form } = c.req.valid("json");
    const { currentPassword, newPassword } = body;
    const db = c.var.db;
    const account = (await findAccountById(db, applicant.accountId))!;
    const problems = fieldProblems(form, "currentPassword");
    if (currentPassword && !(await verifyPassword(currentPassword, account.passwordHash))) {
      // Each wrong one counts; the fifth in an hour ends the account's sessions (a 429).
      await countWrongCurrentPassword(c, account.id);
      problems.push({ field: "currentPassword", code: "wrong", messageKey: "password.currentWrong" });
    }
    problems.push(...(await checkNewPassword(c.env, newPassword, { username: account.username })));
    problems.push(...fieldProblems(form, "confirmPassword"));
    if (problems.length) throw validationError(problems);

    const [, , mail] = await db.batch([
      setChosenPassword(db, account.id, await hashPassword(newPassword)),
      // Other sessions end; this one stays so the person is not thrown out.
      revokeOtherSessions(db, account.id, applicant.sessionId),
      outboxInsert(db, c.env, {
        kind: "password_changed",
        to: account.email,
        email: passwordChangedEmail(templateContext(c.env), {
          name: await accountHolderName(db, account),
          how: "changed",
        }),
      }),
      auditInsert(db, { actorKind: "applicant", actorId: account.id, action: "password.changed" }),
    ]);
    enqueueAfterResponse(
      c,
      mail.map((m) => m.id),
    );
    return c.json({ ok: true });
  })

  .post("/sign-out-everywhere", async (c) => {
    const applicant = requireApplicant(c, { allowTemporaryPassword: true });
    const db = c.var.db;
    await db.batch([
      revokeAllSessions(db, applicant.accountId),
      auditInsert(db, { actorKind: "applicant", actorId: applicant.accountId, action: "sign_out.everywhere" }),
    ]);
    clearApplicantCookie(c);
    return c.body(null, 204);
  });
