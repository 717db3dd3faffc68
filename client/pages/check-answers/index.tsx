import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { PROVINCES } from "../../../shared/address/provinces.ts";
import { Button } from "../../components/button/index.tsx";
import { Checkbox } from "../../components/checkbox/index.tsx";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { Notice } from "../../components/notice/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { PersonLoadFailed, PersonLoading } from "../../components/person-load/index.tsx";
import type { Lang, Messages } from "../../i18n/index.ts";
import {
  apiRequest,
  type Address,
  type PersonDetail,
  type PhotoRecord,
  type SubmissionReceipt,
} from "../../lib/api.ts";
import { format, formatLongDate, fullName } from "../../lib/format.ts";
import { TASK_PATHS } from "../../lib/tasks.ts";
import { isNotFound } from "../../lib/use-api.ts";
import { navigate } from "../../lib/router.ts";
import { errorsFromApi, useFormErrors } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { usePerson } from "../../lib/use-person.ts";
import { usePhoto } from "../../lib/use-photo.ts";
import NotFoundPage from "../not-found/index.tsx";
import { FieldError } from "../../components/field-error/index.tsx";

const DECLARATION_ID = "declaration-confirmed";
type SummaryTask = "presence" | "address" | "photo";

function provinceName(code: string, lang: Lang): string {
  return PROVINCES.find((p) => p.code === code)?.[lang] ?? code;
}

/** Canada Post's way: unit, hyphen, civic number ("4-123 Main Street"). */
function streetLine(address: Address): string {
  const civic = address.unit ? `${address.unit}-${address.streetNumber}` : address.streetNumber;
  return `${civic} ${address.streetName}`;
}

function presenceText(person: PersonDetail, t: Messages["checkAnswers"], lang: Lang): string {
  const declaration = person.presence;
  if (!declaration) return t.notGiven;
  const date = formatLongDate(declaration.declaredOn, lang);
  if (person.isSelf) return format(t.presenceSelf, { date });
  const name = fullName(person);
  return declaration.byThemself
    ? format(t.presenceByThemself, { name, date })
    : format(t.presenceByPrincipal, { name, date });
}

function photoText(photo: PhotoRecord | null, t: Messages["checkAnswers"]): string {
  if (!photo) return t.photoStatus.none;
  if (photo.state !== "draft") return t.photoStatus[photo.state];
  if (photo.verdict === "pass") return t.photoStatus.pass;
  return photo.warningsAcknowledged ? t.photoStatus.warn : t.photoStatus.warnNotAcknowledged;
}

/** One row of the summary list: what, the answer, and (until it is locked) "Change". */
function SummaryRow({
  label,
  task,
  personId,
  changeable,
  children,
}: {
  label: string;
  task: SummaryTask;
  personId: number;
  changeable: boolean;
  children: ComponentChildren;
}) {
  const { m } = useI18n();
  const t = m.checkAnswers;
  return (
    <div class="summary-list__row">
      <dt class="summary-list__key">{label}</dt>
      <dd class="summary-list__value">{children}</dd>
      {changeable && (
        <dd class="summary-list__actions">
          <Link href={TASK_PATHS[task](personId)}>
            {t.change}
            <span class="visually-hidden"> {t.changeHidden[task]}</span>
          </Link>
        </dd>
      )}
    </div>
  );
}

/** The check-your-answers page, with the declaration and "Submit documents" when everything is done. */
function CheckAnswersForm({ person, photo }: { person: PersonDetail; photo: PhotoRecord | null }) {
  const { m, lang } = useI18n();
  const t = m.checkAnswers;
  const canSubmit = person.tasks.submit === "not_started";
  // Submitted, and nothing reopened (a returned photo reopens the photo task).
  const locked = person.submitted && !canSubmit && person.tasks.photo === "completed";
  const heading = locked
    ? person.isSelf
      ? t.submittedHeadingSelf
      : format(t.submittedHeadingFor, { name: fullName(person) })
    : person.isSelf
      ? t.headingSelf
      : format(t.headingFor, { name: fullName(person) });
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  usePageTitle(heading, form.errors.length > 0);

  // After a submission only a returned photo can change.
  const photoOpen = photo === null || photo.state === "draft" || photo.state === "returned";
  const tasksLeft = (["presence", "address", "photo"] as const).filter((task) => person.tasks[task] !== "completed");
  const address = person.address;

  async function submitDocuments(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    // An unticked box is sent too: the server's message is the one shown.
    const result = await apiRequest<SubmissionReceipt>(`/api/persons/${person.id}/submit`, {
      lang,
      body: { declarationConfirmed: confirmed },
    });
    setBusy(false);
    if (result.ok) {
      form.clear();
      navigate(`/persons/${person.id}/submitted?ref=${encodeURIComponent(result.data.reference)}`);
      return;
    }
    form.show(errorsFromApi(result.error));
  }

  const error = form.errorFor("declarationConfirmed");
  return (
    <>
      <ErrorSummary
        errors={form.errors}
        attempt={form.attempt}
        idFor={(field) => (field === "declarationConfirmed" ? DECLARATION_ID : undefined)}
      />
      <PageHeading>{heading}</PageHeading>
      <p>{locked ? t.submittedIntro : t.intro}</p>
      <dl class="summary-list">
        <SummaryRow label={t.presenceLabel} task="presence" personId={person.id} changeable={!person.submitted}>
          {presenceText(person, t, lang)}
        </SummaryRow>
        <SummaryRow label={t.addressLabel} task="address" personId={person.id} changeable={!person.submitted}>
          {address ? (
            <>
              <span class="address-line">{streetLine(address)}</span>
              <span class="address-line">
                {address.city}, {provinceName(address.province, lang)} {address.postalCode}
              </span>
            </>
          ) : (
            t.notGiven
          )}
        </SummaryRow>
        <SummaryRow label={t.photoLabel} task="photo" personId={person.id} changeable={!person.submitted || photoOpen}>
          {photoText(photo, t)}
        </SummaryRow>
      </dl>

      {canSubmit ? (
        <form noValidate onSubmit={submitDocuments}>
          <h2 class="declaration__heading">{t.declarationHeading}</h2>
          <div class={error ? "field field--error" : "field"}>
            <FieldError id="declaration-error" error={error} />
            <Checkbox
              id={DECLARATION_ID}
              label={t.declarationLabel}
              checked={confirmed}
              onChange={setConfirmed}
              describedBy={error ? "declaration-error" : undefined}
              invalid={Boolean(error)}
            />
          </div>
          <div class="form-actions">
            <Button busy={busy}>{t.submit}</Button>
          </div>
        </form>
      ) : tasksLeft.length > 0 ? (
        <Notice kind="info">
          <h2 class="notice__heading">{t.tasksLeftHeading}</h2>
          <p>{t.tasksLeftIntro}</p>
          <ul>
            {tasksLeft.map((task) => (
              <li key={task}>
                <Link href={TASK_PATHS[task](person.id)}>
                  {person.isSelf ? m.home.tasks[task] : format(m.home.tasksFor[task], { name: fullName(person) })}
                </Link>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <p>
        <Link href="/home">{m.common.backToTasks}</Link>
      </p>
    </>
  );
}

/** `/persons/:id/check-answers`: check your answers, declare, submit. */
export default function CheckAnswersPage({ personId }: { personId: number }) {
  const { m } = useI18n();
  const load = usePerson(personId);
  const photoLoad = usePhoto(personId);
  if (isNotFound(load)) return <NotFoundPage />;
  const failure = load.state === "failed" ? load.error : photoLoad.state === "failed" ? photoLoad.error : null;
  return (
    <div class="narrow">
      {failure && <PersonLoadFailed title={m.checkAnswers.headingSelf} message={failure.message} />}
      {!failure && (load.state === "loading" || photoLoad.state === "loading") && (
        <PersonLoading title={m.checkAnswers.headingSelf} />
      )}
      {load.state === "loaded" && photoLoad.state === "loaded" && (
        <CheckAnswersForm person={load.data} photo={photoLoad.data ?? null} />
      )}
    </div>
  );
}
