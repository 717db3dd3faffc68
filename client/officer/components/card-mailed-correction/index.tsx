import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { Button } from "../../../components/button/index.tsx";
import { ErrorSummary } from "../../../components/error-summary/index.tsx";
import { TextField } from "../../../components/text-field/index.tsx";
import { format, formatLongDate } from "../../../lib/format.ts";
import { reviewRequest } from "../../api.ts";
import { errorsFromApi, useFormErrors, type FormError } from "../../../lib/use-form-errors.ts";
import { useI18n } from "../../../lib/use-i18n.ts";

const FIELD_IDS: Record<string, string> = { mailedOn: "correct-mailed-on", reason: "correct-mailed-reason" };

interface CardMailedCorrectionProps {
  personId: number;
  /** The mailed date on record (YYYY-MM-DD). */
  mailedOn: string;
  onChanged: () => Promise<void>;
}

/**
 * Supervisors only: correct a recorded card mailing date, with a reason.
 * The server keeps both dates and the reason in the audit log, and the
 * retention purge's grace period starts again from the correction.
 */
export function CardMailedCorrection({ personId, mailedOn, onChanged }: CardMailedCorrectionProps) {
  const { m, lang } = useI18n();
  const t = m.officer.decide.mailedCorrection;
  const [date, setDate] = useState("");
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const form = useFormErrors();

  useLayoutEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const problems: FormError[] = [];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date.trim()))
      problems.push({ field: "mailedOn", message: (m) => m.officer.decide.dateFormat });
    if (!reason.trim())
      problems.push({ field: "reason", message: (m) => m.officer.decide.mailedCorrection.reasonRequired });
    if (problems.length) {
      form.show(problems);
      return;
    }
    setBusy(true);
    setDone(false);
    const result = await reviewRequest(`/review/api/persons/${personId}/card/mailed-correction`, {
      lang,
      body: { mailedOn: date.trim(), reason: reason.trim() },
    });
    setBusy(false);
    if (!result.ok) {
      form.show(errorsFromApi(result.error));
      return;
    }
    form.clear();
    setDate("");
    setReason("");
    setDone(true);
    await onChanged();
  }

  return (
    <details class="card-mailed-correction">
      <summary>{t.summary}</summary>
      <ErrorSummary
        errors={form.errors}
        attempt={form.attempt}
        idFor={(field) => (field ? FIELD_IDS[field] : undefined)}
      />
      {done && (
        <div class="notice notice--success" tabIndex={-1} ref={doneRef} role="status">
          <p>{t.done}</p>
        </div>
      )}
      <p>{format(t.intro, { date: formatLongDate(mailedOn, lang, "UTC") })}</p>
      <form noValidate onSubmit={submit}>
        <TextField
          id={FIELD_IDS.mailedOn!}
          name="mailedOn"
          label={t.dateLabel}
          hint={m.officer.decide.dateHint}
          code
          width="short"
          value={date}
          onValue={setDate}
          error={form.errorFor("mailedOn")}
        />
        <TextField
          id={FIELD_IDS.reason!}
          name="reason"
          label={t.reasonLabel}
          hint={t.reasonHint}
          width="full"
          value={reason}
          onValue={setReason}
          error={form.errorFor("reason")}
        />
        <div class="form-actions">
          <Button variant="secondary" busy={busy}>
            {t.button}
          </Button>
        </div>
      </form>
    </details>
  );
}
