// A new password and its confirmation: the length limits and the confirmation rule, once, for the
// worker (worker/lib/password-policy.ts adds the blocklist and the context rules, which need the
// worker) and the forms that choose a password (client/components/new-password-fields).
import * as v from "valibot";
import { type SchemaProblem, required, withRules, text } from "./problems.ts";

/** NIST SP 800-63B rev 4: at least 15 characters; at least 64 allowed, and we allow 128. */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

/** Length as a person counts it: code points, after NFKC. */
function passwordLength(password: string): number {
  return [...password.normalize("NFKC")].length;
}

/** Empty, too short or too long: the rules a password is checked against first. */
export function passwordLengthProblem(password: string, field = "newPassword"): SchemaProblem | null {
  const length = passwordLength(password);
  if (length === 0) return required(field, "labels.newPassword");
  if (length < PASSWORD_MIN_LENGTH)
    return { field, code: "too_short", messageKey: "password.tooShort", params: { min: PASSWORD_MIN_LENGTH } };
  if (length > PASSWORD_MAX_LENGTH)
    return { field, code: "too_long", messageKey: "password.tooLong", params: { max: PASSWORD_MAX_LENGTH } };
  return null;
}

/** The confirmation: given, and the same password (compared after NFKC). */
export function confirmationProblem(newPassword: string, confirmPassword: string): SchemaProblem | null {
  if (!confirmPassword) return required("confirmPassword", "labels.confirmPassword");
  if (newPassword && confirmPassword.normalize("NFKC") !== newPassword.normalize("NFKC"))
    return { field: "confirmPassword", code: "mismatch", messageKey: "password.mismatch" };
  return null;
}

interface NewPasswords {
  newPassword: string;
  confirmPassword: string;
}

/** The new password's length, then its confirmation: what a form can check before it sends. */
export function newPasswordProblems({ newPassword, confirmPassword }: NewPasswords): SchemaProblem[] {
  return [passwordLengthProblem(newPassword), confirmationProblem(newPassword, confirmPassword)].filter(
    (problem) => problem !== null,
  );
}

/**
 * `POST /api/auth/set-password`, `POST /review/api/auth/change-password`: a new password and its
 * confirmation. The worker adds the rules only it can check (the blocklist, the username).
 */
export const NewPasswordBody = withRules(
  v.object({ newPassword: text(), confirmPassword: text() }),
  newPasswordProblems,
);
export type NewPasswordInput = v.InferInput<typeof NewPasswordBody>;
