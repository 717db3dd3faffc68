import { useState } from "preact/hooks";
import { schemaProblems } from "../../../shared/api/problems.ts";
import { format } from "../../lib/format.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { NewPasswordBody, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../../shared/api/passwords.ts";
import type { FormError } from "../../lib/use-form-errors.ts";
import { ShowPasswordToggle } from "../show-password-toggle/index.tsx";
import { TextField } from "../text-field/index.tsx";

/** Element ids of the two inputs, by API field name. */
const FIELD_IDS: Record<string, string> = {
  newPassword: "new-password",
  confirmPassword: "confirm-password",
};

/** For the error summary: the input an API field refers to (none for a form-wide error). */
export function newPasswordFieldId(field: string | undefined): string | undefined {
  return field === undefined ? undefined : FIELD_IDS[field];
}

/**
 * The problems with a new password pair the route finds too (its schema, shared/api/passwords.ts:
 * the length limits and the confirmation), as form errors in this page's words that follow the language.
 */
export function newPasswordErrors(newPassword: string, confirmPassword: string): FormError[] {
  return schemaProblems(NewPasswordBody, { newPassword, confirmPassword }).map((problem): FormError => {
    switch (problem.code) {
      case "required":
        return {
          field: problem.field,
          message: (m) =>
            problem.field === "newPassword" ? m.errors.newPasswordRequired : m.errors.confirmPasswordRequired,
        };
      case "too_short":
        return {
          field: problem.field,
          message: (m) => format(m.errors.newPasswordTooShort, { min: PASSWORD_MIN_LENGTH }),
        };
      case "too_long":
        return {
          field: problem.field,
          message: (m) => format(m.errors.newPasswordTooLong, { max: PASSWORD_MAX_LENGTH }),
        };
      default: // "mismatch", the schema's only other code
        return { field: problem.field, message: (m) => m.errors.confirmPasswordMismatch };
    }
  });
}

interface NewPasswordFieldsProps {
  newPassword: string;
  confirmPassword: string;
  onNewPassword: (value: string) => void;
  onConfirmPassword: (value: string) => void;
  errorFor: (field: string) => string | undefined;
}

/**
 * The rules, in plain text before the fields (so they are read before typing),
 * then the new password, its confirmation and one "Show passwords" toggle.
 */
export function NewPasswordFields(props: NewPasswordFieldsProps) {
  const { m } = useI18n();
  const [visible, setVisible] = useState(false);
  const limits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  return (
    <>
      <div class="rules" id="password-rules">
        <h2 class="rules__heading">{m.password.rulesHeading}</h2>
        <p>{m.password.rulesIntro}</p>
        <ul>
          <li>{format(m.password.rules.length, limits)}</li>
          <li>{m.password.rules.common}</li>
          <li>{m.password.rules.personal}</li>
        </ul>
        <p>{m.password.freedom}</p>
      </div>
      <TextField
        id="new-password"
        name="newPassword"
        label={m.password.newPasswordLabel}
        width="full"
        type={visible ? "text" : "password"}
        autoComplete="new-password"
        verbatim
        value={props.newPassword}
        onValue={props.onNewPassword}
        error={props.errorFor("newPassword")}
      />
      <TextField
        id="confirm-password"
        name="confirmPassword"
        label={m.password.confirmPasswordLabel}
        width="full"
        hint={m.password.confirmPasswordHint}
        type={visible ? "text" : "password"}
        autoComplete="new-password"
        verbatim
        value={props.confirmPassword}
        onValue={props.onConfirmPassword}
        error={props.errorFor("confirmPassword")}
      />
      <ShowPasswordToggle
        pressed={visible}
        onToggle={() => setVisible((v) => !v)}
        label={m.common.showPasswords}
        controls="new-password confirm-password"
      />
    </>
  );
}
