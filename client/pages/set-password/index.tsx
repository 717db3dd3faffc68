import { useState } from "preact/hooks";
import { Button } from "../../components/button/index.tsx";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { NewPasswordFields, newPasswordErrors, newPasswordFieldId } from "../../components/new-password-fields/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { apiRequest } from "../../lib/api.ts";
import { setFlash } from "../../lib/flash.ts";
import { navigate } from "../../lib/router.ts";
import { errorsFromApi, useFormErrors } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";

/** `/set-password`: after the first sign-in, replace the temporary password with one's own. */
export default function SetPasswordPage() {
  const { m, lang } = useI18n();
  const t = m.setPassword;
  const [newPassword, setNewPassword] = useState("");
  const [confirmPassword, setConfirmPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  usePageTitle(t.title, form.errors.length > 0);

  async function savePassword(event: Event) {
    event.preventDefault();
    if (busy) return;
    const problems = newPasswordErrors(newPassword, confirmPassword);
    if (problems.length > 0) {
      form.show(problems);
      return;
    }
    setBusy(true);
    const result = await apiRequest<{ ok: true }>("/api/auth/set-password", { lang, body: { newPassword, confirmPassword } });
    setBusy(false);
    if (result.ok) {
      setFlash("passwordSaved");
      navigate("/home");
      return;
    }
    if (result.error.code === "password_already_set") {
      // A stale tab or the back button: there is nothing left to do here.
      navigate("/home", { replace: true });
      return;
    }
    form.show(errorsFromApi(result.error));
  }

  return (
    <div class="narrow">
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={newPasswordFieldId} />
      <PageHeading>{t.heading}</PageHeading>
      <p class="lede">{t.intro}</p>
      <form noValidate onSubmit={savePassword}>
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
