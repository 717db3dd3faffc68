import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import type { ApiResult } from "../../lib/request.ts";
import { errorsFromApi, useFormErrors } from "../../lib/use-form-errors.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { Button } from "../button/index.tsx";
import { ErrorSummary } from "../error-summary/index.tsx";
import { NewPasswordFields, newPasswordErrors, newPasswordFieldId } from "../new-password-fields/index.tsx";
import { PageHeading } from "../page-heading/index.tsx";

interface NewPasswords {
  newPassword: string;
  confirmPassword: string;
}

interface NewPasswordFormProps {
  /** The page's title (with "Error:" while errors show) and heading. */
  title: string;
  heading: string;
  submitLabel: string;
  /** Between the heading and the fields: an introduction or a notice. */
  children?: ComponentChildren;
  /** Sends the passwords to the API. */
  send: (passwords: NewPasswords) => Promise<ApiResult<unknown>>;
  /**
   * What to do with the answer: true when the page handled it (saved, or an
   * error that ends the form, such as a stale tab); otherwise its field
   * errors are shown in the summary and beside the fields.
   */
  onAnswer: (result: ApiResult<unknown>) => boolean;
}

/**
 * Choosing a new password: applicants' first password and reset, officers'
 * forced change. The rules are checked here first (the same ones the API
 * applies), then the API's answer is shown the same way.
 */
export function NewPasswordForm(props: NewPasswordFormProps) {
  const [newPassword, setNewPassword] = useState("");
  const [confirmPassword, setConfirmPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  usePageTitle(props.title, form.errors.length > 0);

  async function save(event: Event) {
    event.preventDefault();
    if (busy) return;
    const problems = newPasswordErrors(newPassword, confirmPassword);
    if (problems.length > 0) {
      form.show(problems);
      return;
    }
    setBusy(true);
    const result = await props.send({ newPassword, confirmPassword });
    setBusy(false);
    if (props.onAnswer(result) || result.ok) return;
    form.show(errorsFromApi(result.error));
  }

  return (
    <div class="narrow">
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={newPasswordFieldId} />
      <PageHeading>{props.heading}</PageHeading>
      {props.children}
      <form noValidate onSubmit={save}>
        <NewPasswordFields
          newPassword={newPassword}
          confirmPassword={confirmPassword}
          onNewPassword={setNewPassword}
          onConfirmPassword={setConfirmPassword}
          errorFor={form.errorFor}
        />
        <div class="form-actions">
          <Button busy={busy}>{props.submitLabel}</Button>
        </div>
      </form>
    </div>
  );
}
