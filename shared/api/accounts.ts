// The signed-in person's own account (worker/routes/account.ts, client/pages/account/): what the
// routes accept and answer.
import * as v from "valibot";
import type { Language } from "./messages.ts";
import { rules, text } from "./problems.ts";

/** `GET /api/account`. */
export interface AccountDetails {
  username: string;
  email: string;
  language: Language;
}

function isLanguage(value: string): value is Language {
  return value === "en" || value === "fr";
}

/** `POST /api/account/language`: the language of the portal's emails. */
export const LanguageBody = v.pipe(
  v.object({ language: text() }),
  rules<{ language: string }>(({ language }) =>
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

/** `POST /api/account/password`: the password rules need the account, so the route checks them. */
export const PasswordChangeBody = v.object({ currentPassword: text(), newPassword: text(), confirmPassword: text() });
export type PasswordChange = v.InferInput<typeof PasswordChangeBody>;
