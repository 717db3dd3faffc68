import { useState } from "preact/hooks";
import { Button } from "../button/index.tsx";
import { RadioGroup } from "../radio-group/index.tsx";
import { TextAreaField } from "../text-area-field/index.tsx";
import { format } from "../../lib/format.ts";
import { type PhotoExceptionResult, sendPhotoException } from "../../lib/another-way.ts";
import { errorsFromApi, type FormError, useFormErrors } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { isBlank } from "../../lib/validate.ts";
import { EXCEPTION_REASONS, EXPLANATION_MAX_LENGTH, type ExceptionReason } from "../../../shared/api/another-way.ts";

interface PhotoExceptionFormProps {
  personId: number;
  /** The photo the checks refused, as it was sent. */
  photo: Blob;
  onStored: (result: Extract<PhotoExceptionResult, { ok: true }>["data"]) => void;
}

/**
 * "My photo cannot meet this rule" (decision 028): shown under a refused photo whose every failed
 * check is one about the face or head. The person says why (health, faith, a disability) and
 * explains; the photo is sent again with the note and an officer decides.
 */
export function PhotoExceptionForm({ personId, photo, onStored }: PhotoExceptionFormProps) {
  const { m, lang } = useI18n();
  const t = m.anotherWay.exception;
  const [reason, setReason] = useState<ExceptionReason | "">("");
  const [explanation, setExplanation] = useState("");
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  const ids: Record<string, string> = {
    reason: `exception-reason-${EXCEPTION_REASONS[0]}`,
    explanation: "exception-explanation",
  };

  function show(errors: FormError[]) {
    form.show(errors);
    queueMicrotask(() => document.getElementById(ids[errors[0]?.field ?? "reason"] ?? ids.reason!)?.focus());
  }

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const problems: FormError[] = [];
    if (!reason) problems.push({ field: "reason", message: (m) => m.anotherWay.exception.errors.reasonRequired });
    if (isBlank(explanation))
      problems.push({ field: "explanation", message: (m) => m.anotherWay.exception.errors.explanationRequired });
    if (problems.length) {
      show(problems);
      return;
    }
    setBusy(true);
    const result = await sendPhotoException(personId, photo, { reason, explanation: explanation.trim() }, lang);
    setBusy(false);
    if (result.ok) {
      form.clear();
      onStored(result.data);
      return;
    }
    show(errorsFromApi(result.error));
  }

  return (
    <section class="photo-exception" aria-labelledby="exception-heading">
      <h2 id="exception-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      <form noValidate onSubmit={submit}>
        <RadioGroup
          idPrefix="exception-reason"
          name="exceptionReason"
          legend={t.reasonLegend}
          value={reason || null}
          options={EXCEPTION_REASONS.map((value) => ({ value, label: t.reasons[value] }))}
          onChange={(value) => setReason(value as ExceptionReason)}
          error={form.errorFor("reason")}
        />
        <TextAreaField
          id={ids.explanation!}
          label={t.explanationLabel}
          hint={format(t.explanationHint, { max: EXPLANATION_MAX_LENGTH })}
          value={explanation}
          onValue={setExplanation}
          maxLength={EXPLANATION_MAX_LENGTH}
          rows={4}
          error={form.errorFor("explanation") ?? form.errorFor("photo")}
        />
        {form.errors
          .filter((e) => !e.field)
          .map((e) => (
            <p key={e.message} class="field-error" role="alert">
              {e.message}
            </p>
          ))}
        <div class="form-actions">
          <Button busy={busy}>{t.submit}</Button>
        </div>
      </form>
    </section>
  );
}
