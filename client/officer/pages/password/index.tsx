import { useState } from "preact/hooks";
import { Button } from "../../../components/button/index.tsx";
import { ErrorSummary } from "../../../components/error-summary/index.tsx";
import {
  NewPasswordFields,
  newPasswordErrors,
  newPasswordFieldId,
} from "../../../components/new-password-fields/index.tsx";
import { Notice } from "../../../components/notice/index.tsx";
import { PageHeading } from "../../../components/page-heading/index.tsx";
import { CurrentPasswordField } from "../../../components/current-password-field/index.tsx";
import { OneTimeCodeField } from "../../../components/one-time-code-field/index.tsx";
import { reviewRequest } from "../../api.ts";
import { errorsFromApi, useFormErrors, type FormError } from "../../../lib/use-form-errors.ts";
import { useI18n } from "../../../lib/use-i18n.ts";
import { usePageTitle } from "../../../lib/use-page-title.ts";
import { isBlank } from "../../../lib/validate.ts";

function fieldId(field: string | undefined): string | undefined {
  if (field === "currentPassword") return "officer-current-password";
  if (field === "code") return "officer-password-code";
  return newPasswordFieldId(field);
}

/**
 * `/review/password`: an officer changes their own password at any time,
 * with their current password and a code from their authenticator app (the
 * API ends their other sessions). The first, forced change is
 * `/review/change-password`.
 */
export default function OfficerPasswordPage() {
  const { m, lang } = useI18n();
  const t = m.officer.password;
  const [currentPassword, setCurrentPassword] = useState("");
  const [code, setCode] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirmPassword, setConfirmPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors();
  usePageTitle(t.title, form.errors.length > 0);

  async function save(event: Event) {
    event.preventDefault();
    if (busy) return;
    setSaved(false);
    const digits = code.replace(/\s/g, "");
    const problems: FormError[] = [];
    if (isBlank(currentPassword))
      problems.push({ field: "currentPassword", message: (msgs) => msgs.officer.password.currentRequired });
    if (digits === "") problems.push({ field: "code", message: (msgs) => msgs.officer.signIn.codeRequired });
    else if (!/^\d{6}$/.test(digits))
      problems.push({ field: "code", message: (msgs) => msgs.officer.signIn.codeFormat });
    problems.push(...newPasswordErrors(newPassword, confirmPassword));
    if (problems.length > 0) {
      form.show(problems);
      return;
    }
    setBusy(true);
    const result = await reviewRequest<{ ok: true }>("/review/api/password", {
      lang,
      body: { currentPassword, code: digits, newPassword, confirmPassword },
    });
    setBusy(false);
    // A code is single use: after any answer the officer needs the next one.
    setCode("");
    if (result.ok) {
      form.clear();
      setCurrentPassword("");
      setNewPassword("");
      setConfirmPassword("");
      setSaved(true);
      window.scrollTo(0, 0);
      return;
    }
    form.show(errorsFromApi(result.error));
  }

  return (
    <div class="narrow">
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={fieldId} />
      <PageHeading>{t.heading}</PageHeading>
      {/* Announced when the change succeeds, without moving focus. */}
      <div role="status">
        {saved && (
          <Notice kind="success">
            <p>{t.saved}</p>
          </Notice>
        )}
      </div>
      <p>{t.intro}</p>
      <form noValidate onSubmit={save}>
        <CurrentPasswordField
          id="officer-current-password"
          name="currentPassword"
          label={t.currentLabel}
          width="full"
          value={currentPassword}
          onValue={setCurrentPassword}
          error={form.errorFor("currentPassword")}
        />
        <OneTimeCodeField
          id="officer-password-code"
          label={m.officer.signIn.codeLabel}
          hint={m.officer.signIn.codeHint}
          value={code}
          onValue={setCode}
          error={form.errorFor("code")}
        />
        <NewPasswordFields
          newPassword={newPassword}
          confirmPassword={confirmPassword}
          onNewPassword={setNewPassword}
          onConfirmPassword={setConfirmPassword}
          errorFor={form.errorFor}
        />
        <div class="form-actions">
          <Button busy={busy}>{t.submit}</Button>
        </div>
      </form>
    </div>
  );
}
