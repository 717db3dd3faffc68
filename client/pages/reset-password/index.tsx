import { useState } from "preact/hooks";
import { Button } from "../../components/button/index.tsx";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { NewPasswordFields, newPasswordErrors, newPasswordFieldId } from "../../components/new-password-fields/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { Panel } from "../../components/panel/index.tsx";
import { apiRequest } from "../../lib/api.ts";
import { errorsFromApi, useFormErrors } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";

type Outcome = { kind: "form" } | { kind: "done" } | { kind: "invalid"; message: string };

/** `/reset-password/:token`: the page a reset email links to. */
export default function ResetPasswordPage({ token }: { token: string }) {
  const { m, lang } = useI18n();
  const t = m.resetPassword;
  const [newPassword, setNewPassword] = useState("");
  const [confirmPassword, setConfirmPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: "form" });
  const form = useFormErrors();
  const title = outcome.kind === "done" ? t.doneTitle : outcome.kind === "invalid" ? t.invalidTitle : t.title;
  usePageTitle(title, outcome.kind === "form" && form.errors.length > 0);

  async function savePassword(event: Event) {
    event.preventDefault();
    if (busy) return;
    const problems = newPasswordErrors(newPassword, confirmPassword);
    if (problems.length > 0) {
      form.show(problems);
      return;
    }
    setBusy(true);
    const result = await apiRequest<{ ok: true }>("/api/auth/reset-password", {
      lang,
      body: { token, newPassword, confirmPassword },
    });
    setBusy(false);
    if (result.ok) {
      setOutcome({ kind: "done" });
    } else if (result.error.code === "reset_link_invalid") {
      setOutcome({ kind: "invalid", message: result.error.message });
    } else {
      form.show(errorsFromApi(result.error));
    }
  }

  if (outcome.kind === "done") {
    return (
      <div class="narrow">
        <Panel heading={t.doneHeading}>
          <p>{t.doneText}</p>
          <p>
            <Link href="/sign-in" class="button button--primary">
              {t.signInLink}
            </Link>
          </p>
        </Panel>
      </div>
    );
  }

  if (outcome.kind === "invalid") {
    return (
      <div class="narrow">
        <Panel heading={t.invalidHeading} kind="warning">
          <p>{outcome.message}</p>
        </Panel>
        <p>
          <Link href="/forgot-password" class="button button--primary">
            {t.newLink}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div class="narrow">
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={newPasswordFieldId} />
      <PageHeading>{t.heading}</PageHeading>
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
