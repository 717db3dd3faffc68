import { useEffect, useState } from "preact/hooks";
import { Button } from "../../components/button/index.tsx";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { Loading } from "../../components/loading/index.tsx";
import {
  NewPasswordFields,
  newPasswordErrors,
  newPasswordFieldId,
} from "../../components/new-password-fields/index.tsx";
import { Notice } from "../../components/notice/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { RepresentativesLink } from "../../components/representatives-link/index.tsx";
import { RadioGroup } from "../../components/radio-group/index.tsx";
import { CurrentPasswordField } from "../../components/current-password-field/index.tsx";
import type { Lang, Messages } from "../../i18n/index.ts";
import { apiRequest, type AccountDetails } from "../../lib/api.ts";
import { setFlash } from "../../lib/flash.ts";
import { navigate } from "../../lib/router.ts";
import { errorsFromApi, useFormErrors, type FormError } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { isBlank } from "../../lib/validate.ts";

/** The success notice of the last action; its text follows the language. */
type Saved = "password" | "language" | null;

function fieldId(field: string | undefined): string | undefined {
  if (field === "currentPassword") return "current-password";
  if (field === "language") return "language-en";
  return newPasswordFieldId(field);
}

function savedText(t: Messages["account"], saved: Saved): string | null {
  if (saved === "password") return t.passwordSaved;
  if (saved === "language") return t.languageSaved;
  return null;
}

/** `/account`: username and email, change password, email language, sign out everywhere. */
export default function AccountPage() {
  const { m, lang } = useI18n();
  const t = m.account;
  const [account, setAccount] = useState<AccountDetails | null>(null);
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [confirmPassword, setConfirmPassword] = useState("");
  const [emailLanguage, setEmailLanguage] = useState<Lang | null>(null);
  const [busy, setBusy] = useState<"password" | "language" | "signOut" | null>(null);
  const [saved, setSaved] = useState<Saved>(null);
  const form = useFormErrors();
  usePageTitle(t.title, form.errors.length > 0);

  useEffect(() => {
    let live = true;
    void apiRequest<AccountDetails>("/api/account", { lang }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setAccount(result.data);
        setEmailLanguage(result.data.language);
      } else form.show(errorsFromApi(result.error));
    });
    return () => {
      live = false;
    };
  }, []);

  async function changePassword(event: Event) {
    event.preventDefault();
    if (busy) return;
    setSaved(null);
    const problems: FormError[] = [];
    if (isBlank(currentPassword))
      problems.push({ field: "currentPassword", message: (msgs) => msgs.account.errors.currentPasswordRequired });
    problems.push(...newPasswordErrors(newPassword, confirmPassword));
    if (problems.length > 0) {
      form.show(problems);
      return;
    }
    setBusy("password");
    const result = await apiRequest<{ ok: true }>("/api/account/password", {
      lang,
      body: { currentPassword, newPassword, confirmPassword },
    });
    setBusy(null);
    if (result.ok) {
      form.clear();
      setCurrentPassword("");
      setNewPassword("");
      setConfirmPassword("");
      setSaved("password");
      window.scrollTo(0, 0);
      return;
    }
    form.show(errorsFromApi(result.error));
  }

  async function saveLanguage(event: Event) {
    event.preventDefault();
    if (busy || emailLanguage === null) return;
    setSaved(null);
    setBusy("language");
    const result = await apiRequest<{ language: Lang }>("/api/account/language", {
      lang,
      body: { language: emailLanguage },
    });
    setBusy(null);
    if (result.ok) {
      form.clear();
      setSaved("language");
      window.scrollTo(0, 0);
      return;
    }
    form.show(errorsFromApi(result.error));
  }

  async function signOutEverywhere() {
    if (busy) return;
    setBusy("signOut");
    const result = await apiRequest<void>("/api/account/sign-out-everywhere", { lang, method: "POST" });
    setBusy(null);
    if (result.ok || result.error.code === "not_signed_in") {
      setFlash("signedOut");
      navigate("/sign-in");
      return;
    }
    form.show(errorsFromApi(result.error));
  }

  const notice = savedText(t, saved);
  return (
    <div class="narrow">
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={fieldId} />
      <PageHeading>{t.heading}</PageHeading>
      {/* Announced when a save succeeds, without moving focus. */}
      <div role="status">
        {notice && (
          <Notice kind="success">
            <p>{notice}</p>
          </Notice>
        )}
      </div>
      {account === null ? (
        form.errors.length === 0 && <Loading />
      ) : (
        <>
          <h2>{t.detailsHeading}</h2>
          <dl class="summary-list">
            <div class="summary-list__row">
              <dt class="summary-list__key">{t.usernameLabel}</dt>
              <dd class="summary-list__value">{account.username}</dd>
            </div>
            <div class="summary-list__row">
              <dt class="summary-list__key">{t.emailLabel}</dt>
              <dd class="summary-list__value summary-list__value--break">{account.email}</dd>
            </div>
          </dl>

          <h2>{t.passwordHeading}</h2>
          <form noValidate onSubmit={changePassword}>
            <CurrentPasswordField
              id="current-password"
              name="currentPassword"
              label={t.currentPasswordLabel}
              width="full"
              value={currentPassword}
              onValue={setCurrentPassword}
              error={form.errorFor("currentPassword")}
            />
            <NewPasswordFields
              newPassword={newPassword}
              confirmPassword={confirmPassword}
              onNewPassword={setNewPassword}
              onConfirmPassword={setConfirmPassword}
              errorFor={form.errorFor}
            />
            <div class="form-actions">
              <Button busy={busy === "password"}>{t.passwordSubmit}</Button>
            </div>
          </form>

          <h2>{t.languageHeading}</h2>
          <form noValidate onSubmit={saveLanguage}>
            <RadioGroup
              idPrefix="language"
              name="language"
              legend={t.languageLegend}
              value={emailLanguage}
              options={[
                { value: "en", label: <span lang="en">{t.languageEnglish}</span> },
                { value: "fr", label: <span lang="fr">{t.languageFrench}</span> },
              ]}
              onChange={(value) => setEmailLanguage(value === "fr" ? "fr" : "en")}
              error={form.errorFor("language")}
            />
            <div class="form-actions">
              <Button busy={busy === "language"}>{t.languageSubmit}</Button>
            </div>
          </form>

          <h2>{t.signOutHeading}</h2>
          <p>{t.signOutText}</p>
          <div class="form-actions">
            <Button
              type="button"
              variant="secondary"
              busy={busy === "signOut"}
              onClick={() => void signOutEverywhere()}
            >
              {t.signOutEverywhere}
            </Button>
          </div>
        </>
      )}
      {account?.representatives && <RepresentativesLink />}
      <p>
        <Link href="/home">{m.common.backToTasks}</Link>
      </p>
    </div>
  );
}
