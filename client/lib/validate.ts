/*
 * Client-side checks, for instant feedback only: the server checks again and
 * is the authority (common passwords, username in the password, and so on).
 */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 128;

export function isBlank(value: string): boolean {
  return value.trim() === "";
}

/** Loose on purpose: one @, something before it, a dot after it, no spaces. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** Length as a person counts it (code points, after NFKC, like the server). */
function passwordLength(password: string): number {
  return [...password.normalize("NFKC")].length;
}

type NewPasswordProblem =
  | { field: "newPassword"; code: "required" | "too_short" | "too_long" }
  | { field: "confirmPassword"; code: "required" | "mismatch" };

/** Problems with a new password and its confirmation, in the order the form shows the fields. */
export function newPasswordProblems(newPassword: string, confirmPassword: string): NewPasswordProblem[] {
  const problems: NewPasswordProblem[] = [];
  const length = passwordLength(newPassword);
  if (length === 0) problems.push({ field: "newPassword", code: "required" });
  else if (length < PASSWORD_MIN_LENGTH) problems.push({ field: "newPassword", code: "too_short" });
  else if (length > PASSWORD_MAX_LENGTH) problems.push({ field: "newPassword", code: "too_long" });
  if (confirmPassword === "") problems.push({ field: "confirmPassword", code: "required" });
  else if (length > 0 && confirmPassword !== newPassword) problems.push({ field: "confirmPassword", code: "mismatch" });
  return problems;
}
