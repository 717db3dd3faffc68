import { useState } from "preact/hooks";
import {
  CORRECTION_FIELDS,
  CORRECTION_FIELD_LABELS,
  type CorrectionField,
  EVIDENCE_FIELD,
  correctionBody,
} from "../../../shared/api/corrections.ts";
import { schemaProblems } from "../../../shared/api/problems.ts";
import { MAX_PHOTO_BYTES } from "../../../shared/photo/size-limit.ts";
import { Button } from "../../components/button/index.tsx";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { FieldError, describedBy } from "../../components/field-error/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { Notice } from "../../components/notice/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { PersonLoadFailed, PersonLoading } from "../../components/person-load/index.tsx";
import { RadioGroup } from "../../components/radio-group/index.tsx";
import { TextField } from "../../components/text-field/index.tsx";
import type { Lang } from "../../i18n/index.ts";
import type { PersonDetail } from "../../lib/api.ts";
import { type CorrectionSummary, type CorrectionsState, sendCorrection } from "../../lib/corrections.ts";
import { format, formatLongDate, fullName } from "../../lib/format.ts";
import { type FormError, errorsFromApi, useFormErrors } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { isNotFound, useApi } from "../../lib/use-api.ts";
import { usePerson } from "../../lib/use-person.ts";
import NotFoundPage from "../not-found/index.tsx";

const FIELD_ID = "correction-field";
const VALUE_ID = "correction-value";
const DOCUMENT_ID = "correction-document";

/** The element the error summary links to for each field the API names. */
function fieldId(field?: string): string {
  if (field === "field") return `${FIELD_ID}-${CORRECTION_FIELDS[0]}`;
  if (field === "correctValue") return VALUE_ID;
  return DOCUMENT_ID;
}

/** The page's order: what is wrong, what it should say, the document. */
const ORDER = ["field", "correctValue", EVIDENCE_FIELD];
const inPageOrder = (errors: FormError[]) =>
  [...errors].sort((a, b) => ORDER.indexOf(a.field ?? "") - ORDER.indexOf(b.field ?? ""));

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The route's own rules (correctionBody, shared/api/corrections.ts) and the document's type and size,
 * before sending, in this page's words. What the page has no words for (a name the e-CoPR cannot
 * print, a name too long, a damaged file) is left to the worker, whose messages are then shown.
 */
function formProblems(values: { field: string; correctValue: string }, file: File | null): FormError[] {
  const problems: FormError[] = [];
  for (const { field, code } of schemaProblems(correctionBody(today()), values)) {
    if (field === "field") problems.push({ field, message: (m) => m.ecoprCorrection.errors.fieldRequired });
    else if (code === "required") problems.push({ field, message: (m) => m.ecoprCorrection.errors.valueRequired });
    else if (code === "date") problems.push({ field, message: (m) => m.ecoprCorrection.errors.dateInvalid });
    else if (code === "uci") problems.push({ field, message: (m) => m.ecoprCorrection.errors.uciInvalid });
  }
  if (file) {
    const typed = /^image\/(jpeg|png)$/.test(file.type) || (!file.type && /\.(jpe?g|png)$/i.test(file.name));
    if (!typed) problems.push({ field: EVIDENCE_FIELD, message: (m) => m.ecoprCorrection.errors.documentType });
    else if (file.size > MAX_PHOTO_BYTES)
      problems.push({ field: EVIDENCE_FIELD, message: (m) => m.ecoprCorrection.errors.documentTooLarge });
  }
  return inPageOrder(problems);
}

function fieldValue(printed: NonNullable<CorrectionsState["ecopr"]>, field: CorrectionField): string {
  return {
    given_names: printed.givenNames,
    family_name: printed.familyName,
    date_of_birth: printed.dateOfBirth,
    uci: printed.uci,
  }[field];
}

/** What the e-CoPR in force prints, field by field. */
function Printed({ printed, lang }: { printed: NonNullable<CorrectionsState["ecopr"]>; lang: Lang }) {
  const { m } = useI18n();
  const t = m.ecoprCorrection;
  return (
    <>
      <h2>{t.printedHeading}</h2>
      <p>{format(t.printedIssued, { date: formatLongDate(printed.issuedOn, lang, "UTC") })}</p>
      <dl class="summary-list">
        {CORRECTION_FIELDS.map((field) => (
          <div class="summary-list__row" key={field}>
            <dt class="summary-list__key">{CORRECTION_FIELD_LABELS[field][lang]}</dt>
            <dd class="summary-list__value">{fieldValue(printed, field)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** Each report and its answer, newest first. */
function History({ corrections }: { corrections: CorrectionSummary[] }) {
  const { m, lang } = useI18n();
  const t = m.ecoprCorrection;
  if (corrections.length === 0) return null;
  return (
    <>
      <h2>{t.historyHeading}</h2>
      <ul class="correction-history">
        {corrections.map((c) => (
          <li key={c.id} class="correction-history__item">
            <h3 class="correction-history__title">
              {format(t.historyItem, { field: CORRECTION_FIELD_LABELS[c.field][lang], value: c.correctValue })}
            </h3>
            <p>
              {format(t.reportedOn, { date: formatLongDate(c.requestedAt, lang) })}
              {c.hasDocument && (
                <>
                  <br />
                  {t.withDocument}
                </>
              )}
            </p>
            <p>
              <span class={`tag tag--${c.status}`}>{t.statuses[c.status]}</span>
            </p>
            {c.status === "accepted" && c.decidedAt && (
              <p>{format(t.acceptedOn, { date: formatLongDate(c.decidedAt, lang) })}</p>
            )}
            {c.status === "refused" && c.decidedAt && (
              <>
                <p>{format(t.refusedOn, { date: formatLongDate(c.decidedAt, lang) })}</p>
                <blockquote class="timeline__note">{c.refusalReason}</blockquote>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function ReportForm({ person, onSent }: { person: PersonDetail; onSent: () => void }) {
  const { m, lang } = useI18n();
  const t = m.ecoprCorrection;
  const [field, setField] = useState<string | null>(null);
  const [value, setValue] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();

  async function send(event: Event) {
    event.preventDefault();
    if (busy) return;
    const values = { field: field ?? "", correctValue: value };
    const problems = formProblems(values, file);
    if (problems.length > 0) {
      form.show(problems);
      return;
    }
    const body = new FormData();
    body.set("field", values.field);
    body.set("correctValue", values.correctValue);
    if (file) body.set(EVIDENCE_FIELD, file);
    setBusy(true);
    const result = await sendCorrection(person.id, body, lang);
    setBusy(false);
    if (result.ok) {
      form.clear();
      onSent();
      return;
    }
    form.show(inPageOrder(errorsFromApi(result.error)));
  }

  const documentError = form.errorFor(EVIDENCE_FIELD);
  return (
    <>
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={fieldId} />
      <h2>{t.formHeading}</h2>
      <form noValidate onSubmit={send}>
        <RadioGroup
          idPrefix={FIELD_ID}
          name="field"
          legend={t.fieldLegend}
          error={form.errorFor("field")}
          value={field}
          options={CORRECTION_FIELDS.map((f) => ({ value: f, label: CORRECTION_FIELD_LABELS[f][lang] }))}
          onChange={setField}
        />
        <TextField
          id={VALUE_ID}
          name="correctValue"
          label={t.valueLabel}
          hint={field ? t.valueHints[field as CorrectionField] : undefined}
          error={form.errorFor("correctValue")}
          value={value}
          onValue={setValue}
          width="full"
          code={field === "uci" || field === "date_of_birth"}
        />
        <div class={documentError ? "field field--error" : "field"}>
          <label class="field__label" for={DOCUMENT_ID}>
            {t.documentLabel}
          </label>
          <div class="field__hint" id={`${DOCUMENT_ID}-hint`}>
            {t.documentHint}
          </div>
          <FieldError id={`${DOCUMENT_ID}-error`} error={documentError} />
          <input
            class="file-input"
            type="file"
            id={DOCUMENT_ID}
            name={EVIDENCE_FIELD}
            accept="image/jpeg,image/png"
            aria-describedby={describedBy(`${DOCUMENT_ID}-hint`, documentError && `${DOCUMENT_ID}-error`)}
            aria-invalid={documentError ? "true" : undefined}
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
          />
        </div>
        <div class="form-actions">
          <Button busy={busy}>{t.submit}</Button>
        </div>
      </form>
    </>
  );
}

function CorrectionView({
  person,
  state,
  sent,
  onSent,
}: {
  person: PersonDetail;
  state: CorrectionsState;
  sent: boolean;
  onSent: () => void;
}) {
  const { m, lang } = useI18n();
  const t = m.ecoprCorrection;
  const heading = person.isSelf ? t.headingSelf : format(t.headingFor, { name: fullName(person) });
  usePageTitle(heading);
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      {sent && (
        <Notice kind="success">
          <h2 class="notice__heading">{t.sentHeading}</h2>
          <p>{t.sentText}</p>
        </Notice>
      )}
      {!state.ecopr ? (
        <Notice kind="info">
          <h2 class="notice__heading">{t.noEcoprHeading}</h2>
          <p>{t.noEcoprText}</p>
        </Notice>
      ) : (
        <>
          <p>{t.intro}</p>
          <Printed printed={state.ecopr} lang={lang} />
          {state.pending ? (
            !sent && (
              <Notice kind="info">
                <h2 class="notice__heading">{t.pendingHeading}</h2>
                <p>{t.pendingText}</p>
              </Notice>
            )
          ) : (
            <ReportForm person={person} onSent={onSent} />
          )}
        </>
      )}
      <History corrections={state.corrections} />
      <ul class="link-list">
        <li>
          <Link href={`/persons/${person.id}/status`}>{t.statusLink}</Link>
        </li>
        <li>
          <Link href="/home">{m.common.backToTasks}</Link>
        </li>
      </ul>
    </>
  );
}

/**
 * `/persons/:id/ecopr-correction`: what the e-CoPR prints, a report of an error in it (the field,
 * what it should say, optionally a photo of a document), and each report's answer (decision 027).
 */
export default function EcoprCorrectionPage({ personId }: { personId: number }) {
  const { m } = useI18n();
  const [sent, setSent] = useState(0);
  const person = usePerson(personId);
  const state = useApi<CorrectionsState>(`/api/persons/${personId}/ecopr-corrections`, { key: sent });
  if (isNotFound(person) || isNotFound(state)) return <NotFoundPage />;
  const title = m.ecoprCorrection.headingSelf;
  return (
    <div class="narrow">
      {(person.state === "loading" || state.state === "loading") && <PersonLoading title={title} />}
      {person.state === "failed" && <PersonLoadFailed title={title} message={person.error.message} />}
      {person.state === "loaded" && state.state === "failed" && (
        <PersonLoadFailed title={title} message={state.error.message} />
      )}
      {person.state === "loaded" && state.state === "loaded" && (
        <CorrectionView person={person.data} state={state.data} sent={sent > 0} onSent={() => setSent((n) => n + 1)} />
      )}
    </div>
  );
}
