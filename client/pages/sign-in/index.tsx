import { useState } from "preact/hooks";
import { schemaProblems } from "../../../shared/api/problems.ts";
import { Button } from "../../components/button/index.tsx";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { Notice } from "../../components/notice/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { CurrentPasswordField } from "../../components/current-password-field/index.tsx";
import { TextField } from "../../components/text-field/index.tsx";
import { apiRequest } from "../../lib/api.ts";
import { takeFlash } from "../../lib/flash.ts";
import { navigate } from "../../lib/router.ts";
import { errorsFromApi, useFormErrors, type FormError } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { type SignedIn, SignInBody, type SignInInput } from "../../../shared/api/auth.ts";

// A form-wide error (wrong username or password) links to the first field.
const FIELD_IDS: Record<string, string> = { username: "username", password: "password" };

/** `/sign-in`: username and password. There is no sign-up: IRCC creates accounts. */
export default function SignInPage() {
  const { m, lang } = useI18n();
  const t = m.signIn;
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [signedOut] = useState(() => takeFlash("signedOut"));
  const form = useFormErrors();
  usePageTitle(t.title, form.errors.length > 0);

  async function signIn(event: Event) {
    event.preventDefault();
    if (busy) return;
    const body: SignInInput = { username: username.trim(), password };
    // The route's own rules (shared/api/auth.ts), in this page's words.
    const problems = schemaProblems(SignInBody, body).map(
      (problem): FormError =>
        problem.field === "username"
          ? { field: "username", message: (m) => m.errors.usernameRequired }
          : { field: "password", message: (m) => m.errors.passwordRequired },
    );
    if (problems.length > 0) {
      form.show(problems);
      return;
    }
    setBusy(true);
    const result = await apiRequest<SignedIn>("/api/auth/sign-in", { lang, body });
    setBusy(false);
    if (result.ok) {
      form.clear();
      // A representative's own account opens their read-only view (decision 026).
      navigate(result.data.mustSetPassword ? "/set-password" : result.data.representative ? "/representing" : "/home");
      return;
    }
    form.show(errorsFromApi(result.error));
  }

  return (
    <div class="narrow">
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={(field) => FIELD_IDS[field ?? "username"]} />
      <PageHeading>{t.heading}</PageHeading>
      {signedOut && (
        <Notice kind="success">
          <p>{t.signedOut}</p>
        </Notice>
      )}
      <Notice kind="info">
        <p>{t.personalNotice}</p>
        <p>{t.noSignUp}</p>
      </Notice>
      <form noValidate onSubmit={signIn}>
        <TextField
          id="username"
          label={t.usernameLabel}
          hint={t.usernameHint}
          autoComplete="username"
          verbatim
          value={username}
          onValue={setUsername}
          error={form.errorFor("username")}
        />
        <CurrentPasswordField
          id="password"
          label={t.passwordLabel}
          value={password}
          onValue={setPassword}
          error={form.errorFor("password")}
          showToggle
        />
        <div class="form-actions">
          <Button busy={busy}>{t.submit}</Button>
        </div>
      </form>
      <p>
        <Link href="/forgot-password">{t.forgotLink}</Link>
      </p>
      <p>
        <Link href="/another-way">{m.anotherWay.link}</Link>
      </p>
      <p class="small">{t.temporaryHelp}</p>
    </div>
  );
}
