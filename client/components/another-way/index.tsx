import { useRef, useState } from "preact/hooks";
import { Button } from "../button/index.tsx";
import { ErrorSummary } from "../error-summary/index.tsx";
import { Notice } from "../notice/index.tsx";
import { RadioGroup } from "../radio-group/index.tsx";
import { TextAreaField } from "../text-area-field/index.tsx";
import { TextField } from "../text-field/index.tsx";
import { format } from "../../lib/format.ts";
import type { ApiResult } from "../../lib/request.ts";
import { errorsFromApi, type FormError, useFormErrors } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { isBlank, looksLikeEmail } from "../../lib/validate.ts";
import {
  ANOTHER_WAY_KINDS,
  type AnotherWayKind,
  type AnotherWayReceived,
  REASON_MAX_LENGTH,
} from "../../../shared/api/another-way.ts";

interface AnotherWayFormProps {
  /** Prefix of every id, so the form can sit beside another on a page. */
  idPrefix: string;
  /** Asks for the account's email (the sign-in help, not signed in). */
  withEmail?: boolean;
  /** Its own error summary (a page of its own); inside another page, the errors show at the fields. */
  summary?: boolean;
  /** The heading level: a page's own form has none (the page's h1 says it), a section's is h2. */
  heading?: boolean;
  send: (body: { kind: AnotherWayKind | ""; reason: string; email?: string }) => Promise<ApiResult<AnotherWayReceived>>;
}

/**
 * "Ask for another way" (decision 028): what the person needs (paper or in person, a photo taken by
 * a professional and mailed, an accommodation) and why, in a few words. One form for the invitation
 * page, the sign-in help and the photo page; each says how the request is tied to the person.
 */
export function AnotherWayForm({ idPrefix, withEmail, summary, heading = true, send }: AnotherWayFormProps) {
  const { m } = useI18n();
  const t = m.anotherWay.form;
  const [kind, setKind] = useState<AnotherWayKind | "">("");
  const [reason, setReason] = useState("");
  const [email, setEmail] = useState("");
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const form = useFormErrors();
  const section = useRef<HTMLElement>(null);
  const ids: Record<string, string> = {
    email: `${idPrefix}-email`,
    kind: `${idPrefix}-kind-${ANOTHER_WAY_KINDS[0]}`,
    reason: `${idPrefix}-reason`,
  };

  function show(errors: FormError[]) {
    form.show(errors);
    // Without a summary, focus goes to the first field with a problem.
    if (!summary) {
      const first = errors[0]?.field;
      queueMicrotask(() => document.getElementById(ids[first ?? "kind"] ?? ids.kind!)?.focus());
    }
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const problems: FormError[] = [];
    if (withEmail && isBlank(email))
      problems.push({ field: "email", message: (m) => m.anotherWay.form.errors.emailRequired });
    else if (withEmail && !looksLikeEmail(email))
      problems.push({ field: "email", message: (m) => m.anotherWay.form.errors.emailInvalid });
    if (!kind) problems.push({ field: "kind", message: (m) => m.anotherWay.form.errors.kindRequired });
    if (isBlank(reason)) problems.push({ field: "reason", message: (m) => m.anotherWay.form.errors.reasonRequired });
    if (problems.length) {
      show(problems);
      return;
    }
    setBusy(true);
    const result = await send({ kind, reason: reason.trim(), ...(withEmail ? { email: email.trim() } : {}) });
    setBusy(false);
    if (result.ok) {
      form.clear();
      setSent(true);
      queueMicrotask(() => section.current?.querySelector<HTMLElement>("[data-sent]")?.focus());
      return;
    }
    show(errorsFromApi(result.error));
  }

  if (sent) {
    return (
      <section ref={section} aria-labelledby={`${idPrefix}-sent-heading`}>
        <Notice kind="success">
          <h2 id={`${idPrefix}-sent-heading`} class="notice__heading" tabIndex={-1} data-sent>
            {t.sentHeading}
          </h2>
          <p>{withEmail ? t.sentTextEmail : t.sentText}</p>
        </Notice>
      </section>
    );
  }

  return (
    <section ref={section} class="another-way" aria-labelledby={heading ? `${idPrefix}-heading` : undefined}>
      {summary && <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={(field) => ids[field ?? "kind"]} />}
      {heading && <h2 id={`${idPrefix}-heading`}>{t.heading}</h2>}
      <p>{t.intro}</p>
      <form noValidate onSubmit={submit}>
        {withEmail && (
          <TextField
            id={ids.email!}
            label={t.emailLabel}
            hint={t.emailHint}
            type="email"
            autoComplete="email"
            verbatim
            width="full"
            value={email}
            onValue={setEmail}
            error={form.errorFor("email")}
          />
        )}
        <RadioGroup
          idPrefix={`${idPrefix}-kind`}
          name={`${idPrefix}-kind`}
          legend={t.kindLegend}
          value={kind || null}
          options={ANOTHER_WAY_KINDS.map((value) => ({ value, label: t.kinds[value] }))}
          onChange={(value) => setKind(value as AnotherWayKind)}
          error={form.errorFor("kind")}
        />
        <TextAreaField
          id={ids.reason!}
          label={t.reasonLabel}
          hint={format(t.reasonHint, { max: REASON_MAX_LENGTH })}
          value={reason}
          onValue={setReason}
          maxLength={REASON_MAX_LENGTH}
          rows={3}
          error={form.errorFor("reason")}
        />
        <div class="form-actions">
          <Button busy={busy}>{t.submit}</Button>
        </div>
      </form>
    </section>
  );
}
