// The signed-in person's own account (worker/routes/account.ts, client/pages/account/): what the
// routes accept and answer.
import * as v from "valibot";
import type { Language } from "./messages.ts";
import { type SchemaProblem, required, withRules, text } from "./problems.ts";
import { confirmationProblem } from "./passwords.ts";

/** `GET /api/account`. */
export interface AccountDetails {
  username: string;
  email: string;
  language: Language;
  /**
   * Present only when the operator allows representatives (REPRESENTATIVE_ACCESS, decision 026): the
   * account page then links to them. Absent, nothing on the page mentions representatives, and no
   * page asks a route that would answer 404.
   */
  representatives?: true;
}

function isLanguage(value: string): value is Language {
  return value === "en" || value === "fr";
}

/** `POST /api/account/language`: the language of the portal's emails. */
export const LanguageBody = v.pipe(
  withRules(v.object({ language: text() }), ({ language }) =>
    isLanguage(language)
      ? []
      : [
          {
            field: "language",
            code: "required",
            messageKey: "fields.chooseOne",
            params: { label: "$labels.language" },
          },
        ],
  ),
  // The rule above leaves only "en" and "fr".
  v.transform((body) => body as { language: Language }),
);

/**
 * `POST /api/account/password`: the current password, then the new one and its confirmation. The
 * worker checks the current password and the new one's rules (they need the account) and lists
 * them between these.
 */
export const PasswordChangeBody = withRules(
  v.object({ currentPassword: text(), newPassword: text(), confirmPassword: text() }),
  ({ currentPassword, newPassword, confirmPassword }) => {
    const problems: SchemaProblem[] = [];
    if (!currentPassword) problems.push(required("currentPassword", "labels.password"));
    const confirmation = confirmationProblem(newPassword, confirmPassword);
    if (confirmation) problems.push(confirmation);
    return problems;
  },
);
export type PasswordChangeInput = v.InferInput<typeof PasswordChangeBody>;
