import { useState } from "preact/hooks";
import { Link } from "../../components/link/index.tsx";
import { NewPasswordForm } from "../../components/new-password-form/index.tsx";
import { Panel } from "../../components/panel/index.tsx";
import { apiRequest } from "../../lib/api.ts";
import { tokenFromFragment } from "../../lib/fragment-token.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";

type Outcome = { kind: "form" } | { kind: "done" } | { kind: "invalid"; message: string };

/** `/reset-password#token=…`: the page a reset email links to (the token never reaches the server's logs). */
export default function ResetPasswordPage() {
  const { m, lang } = useI18n();
  const t = m.resetPassword;
  const [token] = useState(() => tokenFromFragment());
  const [outcome, setOutcome] = useState<Outcome>(() =>
    token ? { kind: "form" } : { kind: "invalid", message: t.linkIncomplete },
  );
  if (outcome.kind === "done") return <PasswordReset />;
  if (outcome.kind === "invalid") return <LinkInvalid message={outcome.message} />;
  return (
    <NewPasswordForm
      title={t.title}
      heading={t.heading}
      submitLabel={t.submit}
      send={(passwords) => apiRequest("/api/auth/reset-password", { lang, body: { token, ...passwords } })}
      onAnswer={(result) => {
        if (result.ok) setOutcome({ kind: "done" });
        else if (result.error.code === "reset_link_invalid")
          setOutcome({ kind: "invalid", message: result.error.message });
        else return false;
        return true;
      }}
    />
  );
}

function PasswordReset() {
  const t = useI18n().m.resetPassword;
  usePageTitle(t.doneTitle);
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

function LinkInvalid({ message }: { message: string }) {
  const t = useI18n().m.resetPassword;
  usePageTitle(t.invalidTitle);
  return (
    <div class="narrow">
      <Panel heading={t.invalidHeading} kind="warning">
        <p>{message}</p>
      </Panel>
      <p>
        <Link href="/forgot-password" class="button button--primary">
          {t.newLink}
        </Link>
      </p>
    </div>
  );
}
