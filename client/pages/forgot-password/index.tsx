import { useState } from "preact/hooks";
import { Button } from "../../components/button/index.tsx";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { Panel } from "../../components/panel/index.tsx";
import { TextField } from "../../components/text-field/index.tsx";
import { apiRequest } from "../../lib/api.ts";
import { errorsFromApi, useFormErrors } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { isBlank, looksLikeEmail } from "../../lib/validate.ts";

const FIELD_IDS: Record<string, string> = { email: "email" };

/**
 * `/forgot-password`: asks for a reset link. The confirmation is the same
 * whether or not an account uses the address, so the page reveals nothing.
 */
export default function ForgotPasswordPage() {
  const { m, lang } = useI18n();
  const t = m.forgotPassword;
  const [email, setEmail] = useState("");
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const form = useFormErrors();
  usePageTitle(sent ? t.sentTitle : t.title, !sent && form.errors.length > 0);

  async function sendLink(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (isBlank(email)) {
      form.show([{ field: "email", message: (m) => m.errors.emailRequired }]);
      return;
    }
    if (!looksLikeEmail(email)) {
      form.show([{ field: "email", message: (m) => m.errors.emailInvalid }]);
      return;
    }
    setBusy(true);
    const result = await apiRequest<{ ok: true }>("/api/auth/forgot-password", { lang, body: { email: email.trim() } });
    setBusy(false);
    // Only a problem with what was typed, or no answer at all, keeps the form;
    // the answer never depends on whether the address has an account.
    if (result.ok) {
      form.clear();
      setSent(true);
      return;
    }
    form.show(errorsFromApi(result.error));
  }

  if (sent) {
    return (
      <div class="narrow">
        <Panel heading={t.sentHeading}>
          <p>{t.sentText}</p>
          <p>{t.sentJunk}</p>
        </Panel>
        <p>
          <Link href="/sign-in">{t.backToSignIn}</Link>
        </p>
      </div>
    );
  }

  return (
    <div class="narrow">
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={(field) => FIELD_IDS[field ?? "email"]} />
      <PageHeading>{t.heading}</PageHeading>
      <p class="lede">{t.intro}</p>
      <p>{t.temporaryNote}</p>
      <form noValidate onSubmit={sendLink}>
        <TextField
          id="email"
          label={t.emailLabel}
          type="email"
          autoComplete="email"
          verbatim
          width="full"
          value={email}
          onValue={setEmail}
          error={form.errorFor("email")}
        />
        <div class="form-actions">
          <Button busy={busy}>{t.submit}</Button>
        </div>
      </form>
      <p>
        <Link href="/another-way">{m.anotherWay.link}</Link>
      </p>
      <p>
        <Link href="/sign-in">{t.backToSignIn}</Link>
      </p>
    </div>
  );
}
