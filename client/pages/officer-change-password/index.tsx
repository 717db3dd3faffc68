import { useState } from "preact/hooks";
import { Button } from "../../components/button/index.tsx";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { NewPasswordFields, newPasswordErrors, newPasswordFieldId } from "../../components/new-password-fields/index.tsx";
import { rememberOfficerSession } from "../../components/officer-session/index.ts";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { Notice } from "../../components/notice/index.tsx";
import { reviewRequest } from "../../lib/review-api.ts";
import { navigate } from "../../lib/router.ts";
import { errorsFromApi, useFormErrors } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";

/**
 * `/review/change-password`: the password printed by `officer create` works
 * for the first sign-in only; nothing else in /review opens until the
 * officer chooses their own.
 */
export default function OfficerChangePasswordPage() {
  const { m, lang } = useI18n();
  const t = m.officer.changePassword;
  const [newPassword, setNewPassword] = useState("");
  const [confirmPassword, setConfirmPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  usePageTitle(t.title, form.errors.length > 0);

  async function save(event: Event) {
    event.preventDefault();
    if (busy) return;
    const problems = newPasswordErrors(newPassword, confirmPassword);
    if (problems.length > 0) {
      form.show(problems);
      return;
    }
    setBusy(true);
    const result = await reviewRequest("/review/api/change-password", { lang, body: { newPassword, confirmPassword } });
    setBusy(false);
    if (result.ok || result.error.code === "password_already_changed") {
      rememberOfficerSession(null);
      navigate("/review");
      return;
    }
    form.show(errorsFromApi(result.error));
  }

  return (
    <div class="narrow">
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={newPasswordFieldId} />
      <PageHeading>{t.heading}</PageHeading>
      <Notice kind="info">
        <p>{t.why}</p>
      </Notice>
      <form noValidate onSubmit={save}>
        <NewPasswordFields newPassword={newPassword} confirmPassword={confirmPassword} onNewPassword={setNewPassword} onConfirmPassword={setConfirmPassword} errorFor={form.errorFor} />
        <div class="form-actions">
          <Button busy={busy}>{t.submit}</Button>
        </div>
      </form>
    </div>
  );
}
