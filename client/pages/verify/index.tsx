import { useState } from "preact/hooks";
import { Button } from "../../components/button/index.tsx";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { TextField } from "../../components/text-field/index.tsx";
import { apiRequest, type VerificationFound } from "../../lib/api.ts";
import { format, formatLongDate } from "../../lib/format.ts";
import { useFormErrors } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { isBlank } from "../../lib/validate.ts";

const CODE_ID = "verification-code";

type Outcome =
  | { kind: "genuine"; code: string; document: VerificationFound }
  | { kind: "notFound"; code: string }
  /** Too many attempts, or no answer: the message is already in the page's language. */
  | { kind: "problem"; message: string };

/** What a genuine document's record says, with its status in words (never colour alone). */
function GenuineResult({ code, document }: { code: string; document: VerificationFound }) {
  const { m, lang } = useI18n();
  const t = m.verify;
  const revoked = document.status === "revoked";
  // A correction replaced it with a newer proof (decision 027): genuine, but no longer the one in force.
  const replaced = !revoked && document.replacedOn !== null;
  return (
    <div class={revoked || replaced ? "notice notice--warning verify-result" : "notice notice--success verify-result"}>
      <h2 class="notice__heading">{t.genuineHeading}</h2>
      <p class="verify-result__code">{format(t.resultFor, { code })}</p>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt class="summary-list__key">{t.initialsLabel}</dt>
          <dd class="summary-list__value">{document.initials}</dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t.issuedLabel}</dt>
          <dd class="summary-list__value">{formatLongDate(document.issuedOn, lang)}</dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t.statusLabel}</dt>
          <dd class="summary-list__value">
            <strong>{revoked ? t.revoked : replaced ? t.replaced : t.valid}</strong>
            <br />
            {revoked
              ? t.revokedExplain
              : replaced && document.replacedOn
                ? format(t.replacedExplain, { date: formatLongDate(document.replacedOn, lang) })
                : t.validExplain}
          </dd>
        </div>
      </dl>
    </div>
  );
}

/**
 * `/verify`: public, no sign-in. Checks the verification code printed on an
 * e-CoPR and says whether the document is genuine. The answer is announced
 * (aria-live) and what was typed stays in the field.
 */
export default function VerifyPage() {
  const { m, lang } = useI18n();
  const t = m.verify;
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const form = useFormErrors();
  usePageTitle(t.title, form.errors.length > 0);

  async function check(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (isBlank(code)) {
      setOutcome(null);
      form.show([{ field: "code", message: (m) => m.verify.codeRequired }]);
      return;
    }
    form.clear();
    setBusy(true);
    const typed = code.trim();
    const result = await apiRequest<VerificationFound>(`/api/verify/${encodeURIComponent(typed)}`, { lang });
    setBusy(false);
    if (result.ok && result.data.genuine) setOutcome({ kind: "genuine", code: typed, document: result.data });
    else if (result.status === 404) setOutcome({ kind: "notFound", code: typed });
    else if (!result.ok) setOutcome({ kind: "problem", message: result.error.message });
    else setOutcome({ kind: "problem", message: m.errors.unexpected });
  }

  return (
    <div class="narrow">
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={() => CODE_ID} />
      <PageHeading>{t.heading}</PageHeading>
      <p class="lede">{t.intro}</p>
      <form noValidate onSubmit={check}>
        <TextField
          id={CODE_ID}
          name="code"
          label={t.codeLabel}
          hint={t.codeHint}
          code
          autoComplete="off"
          value={code}
          onValue={setCode}
          error={form.errorFor("code")}
        />
        <div class="form-actions">
          <Button busy={busy}>{t.submit}</Button>
        </div>
      </form>
      <div aria-live="polite" class="verify-live">
        {outcome?.kind === "genuine" && <GenuineResult code={outcome.code} document={outcome.document} />}
        {outcome?.kind === "notFound" && (
          <div class="notice notice--warning verify-result">
            <h2 class="notice__heading">{t.notFoundHeading}</h2>
            <p class="verify-result__code">{format(t.resultFor, { code: outcome.code })}</p>
            <p>{t.notFound}</p>
          </div>
        )}
        {outcome?.kind === "problem" && (
          <div class="notice notice--warning verify-result">
            <p>{outcome.message}</p>
          </div>
        )}
      </div>
    </div>
  );
}
