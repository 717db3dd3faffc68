// The applicants' sign-in and passwords (worker/routes/auth.ts; client/pages/sign-in,
// set-password, forgot-password, reset-password): what the routes accept and answer.
import * as v from "valibot";
import { isValidEmail } from "../people/import-records.ts";
import { type SchemaProblem, required, withRules, text } from "./problems.ts";
import type { Language } from "./messages.ts";
import { newPasswordProblems } from "./passwords.ts";
import type { Person } from "./persons.ts";

const trimmed = () => v.pipe(text(), v.trim());

/** `POST /api/auth/sign-in`. */
export const SignInBody = withRules(v.object({ username: trimmed(), password: text() }), ({ username, password }) => {
  const problems: SchemaProblem[] = [];
  if (!username) problems.push(required("username", "labels.username"));
  if (!password) problems.push(required("password", "labels.password"));
  return problems;
});
export type SignInInput = v.InferInput<typeof SignInBody>;

/** `POST /api/auth/sign-in` 200: a temporary password must be replaced before anything else. */
export interface SignedIn {
  mustSetPassword: boolean;
  /** A representative's own account signed in (decision 026): their pages are the read-only view. */
  representative?: true;
}

/** `POST /api/auth/set-password` 200. */
export interface PasswordSet {
  ok: true;
  /** A representative's own account chose its password (decision 026). */
  representative?: true;
}

/** `POST /api/auth/forgot-password`: the same 202 whether or not an account uses the address. */
export const ForgotPasswordBody = withRules(
  v.object({ email: v.pipe(text(), v.trim(), v.toLowerCase()) }),
  ({ email }) => {
    if (!email) return [required("email", "labels.email")];
    if (!isValidEmail(email)) return [{ field: "email", code: "invalid", messageKey: "fields.emailInvalid" }];
    return [];
  },
);
export type ForgotPasswordInput = v.InferInput<typeof ForgotPasswordBody>;

/** `POST /api/auth/reset-password`: the link's token (from the URL fragment) and the new password. */
export const ResetPasswordBody = withRules(
  v.object({ token: text(), newPassword: text(), confirmPassword: text() }),
  newPasswordProblems,
);
export type ResetPasswordInput = v.InferInput<typeof ResetPasswordBody>;

/** `GET /api/session`: who is signed in, and the persons the account acts for. */
export type Session =
  | {
      signedIn: false;
      /**
       * No applicant, but a representative's own account is signed in (decision 026): the header offers
       * their files and sign-out instead of "Sign in". Absent when REPRESENTATIVE_ACCESS is off.
       */
      representative?: { mustSetPassword: boolean };
    }
  | {
      signedIn: true;
      account: { username: string; name: string; language: Language; mustSetPassword: boolean };
      persons: Person[];
    };
