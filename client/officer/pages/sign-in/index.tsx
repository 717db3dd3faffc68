import { useState } from "preact/hooks";
import { Button } from "../../../components/button/index.tsx";
import { ErrorSummary } from "../../../components/error-summary/index.tsx";
import { Notice } from "../../../components/notice/index.tsx";
import { rememberOfficerSession } from "../../components/session/index.ts";
import { PageHeading } from "../../../components/page-heading/index.tsx";
import { CurrentPasswordField } from "../../../components/current-password-field/index.tsx";
import { OneTimeCodeField } from "../../../components/one-time-code-field/index.tsx";
import { TextField } from "../../../components/text-field/index.tsx";
import { reviewRequest } from "../../api.ts";
import { safeReturnPath } from "../../routes.ts";
import { navigate } from "../../../lib/router.ts";
import { errorsFromApi, useFormErrors, type FormError } from "../../../lib/use-form-errors.ts";
import { useI18n } from "../../../lib/use-i18n.ts";
import { usePageTitle } from "../../../lib/use-page-title.ts";
import { isBlank } from "../../../lib/validate.ts";

// A form-wide error (wrong email, password or code) links to the first field.
const FIELD_IDS: Record<string, string> = {
  email: "officer-email",
  password: "officer-password",
  code: "officer-code",
};

/**
 * `/review/sign-in`: officers sign in with their work email, password and a
 * code from their authenticator app. `?reason=expired|signed-out` says why
 * they are here; `?next=` is the /review page to return to.
 */
export default function OfficerSignInPage() {
  const { m, lang } = useI18n();
  const t = m.officer.signIn;
  const [query] = useState(() => new URLSearchParams(location.search));
  const reason = query.get("reason");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  usePageTitle(t.title, form.errors.length > 0);

  async function signIn(event: Event) {
    event.preventDefault();
    if (busy) return;
    const digits = code.replace(/\s/g, "");
    const problems: FormError[] = [];
    if (isBlank(email)) problems.push({ field: "email", message: (m) => m.officer.signIn.emailRequired });
    if (password === "") problems.push({ field: "password", message: (m) => m.officer.signIn.passwordRequired });
    if (digits === "") problems.push({ field: "code", message: (m) => m.officer.signIn.codeRequired });
    else if (!/^\d{6}$/.test(digits)) problems.push({ field: "code", message: (m) => m.officer.signIn.codeFormat });
    if (problems.length > 0) {
      form.show(problems);
      return;
    }
    setBusy(true);
    const result = await reviewRequest<{ mustChangePassword: boolean }>("/review/api/sign-in", {
      lang,
      body: { email: email.trim(), password, code: digits },
      redirectWhenSignedOut: false,
    });
    setBusy(false);
    if (result.ok) {
      rememberOfficerSession(null);
      form.clear();
      navigate(
        result.data.mustChangePassword ? "/review/change-password" : (safeReturnPath(query.get("next")) ?? "/review"),
      );
      return;
    }
    // A code is single use: after any refusal the officer needs the next one.
    setCode("");
    form.show(errorsFromApi(result.error));
  }

  return (
    <div class="narrow">
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={(field) => FIELD_IDS[field ?? "email"]} />
      <PageHeading>{t.heading}</PageHeading>
      {reason === "expired" && (
        <Notice kind="warning">
          <p>{t.expired}</p>
        </Notice>
      )}
      {reason === "signed-out" && (
        <Notice kind="success">
          <p>{t.signedOut}</p>
        </Notice>
      )}
      <p>{t.intro}</p>
      <form noValidate onSubmit={signIn}>
        <TextField
          id="officer-email"
          name="email"
          label={t.emailLabel}
          type="email"
          autoComplete="username"
          verbatim
          value={email}
          onValue={setEmail}
          error={form.errorFor("email")}
        />
        <CurrentPasswordField
          id="officer-password"
          name="password"
          label={t.passwordLabel}
          value={password}
          onValue={setPassword}
          error={form.errorFor("password")}
          showToggle
        />
        <OneTimeCodeField
          id="officer-code"
          label={t.codeLabel}
          hint={t.codeHint}
          value={code}
          onValue={setCode}
          error={form.errorFor("code")}
        />
        <div class="form-actions">
          <Button busy={busy}>{t.submit}</Button>
        </div>
      </form>
      <p class="small">{t.help}</p>
    </div>
  );
}
