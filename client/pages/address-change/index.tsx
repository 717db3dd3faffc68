import { useState } from "preact/hooks";
import type { AddressChangeResult, AddressChangeState, MailingAddress } from "../../../shared/api/address-change.ts";
import { PROVINCES } from "../../../shared/address/provinces.ts";
import { Button } from "../../components/button/index.tsx";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { Notice } from "../../components/notice/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { PersonLoadFailed, PersonLoading } from "../../components/person-load/index.tsx";
import type { Lang } from "../../i18n/index.ts";
import { apiRequest, type PersonDetail } from "../../lib/api.ts";
import { format, formatLongDate, fullName } from "../../lib/format.ts";
import { errorsFromApi, useFormErrors } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { isNotFound, useApi } from "../../lib/use-api.ts";
import { usePerson } from "../../lib/use-person.ts";
import { AddressFields, type AddressValues, fieldId, fieldProblems, inPageOrder } from "../address/index.tsx";
import NotFoundPage from "../not-found/index.tsx";

/** The address as the card prints it: unit-civic number and street, then city, province and postal code. */
function AddressBlock({ address, lang }: { address: MailingAddress; lang: Lang }) {
  const civic = address.unit ? `${address.unit}-${address.streetNumber}` : address.streetNumber;
  const province = PROVINCES.find((p) => p.code === address.province)?.[lang] ?? address.province;
  return (
    <>
      <span class="address-line">{`${civic} ${address.streetName}`}</span>
      <span class="address-line">
        {address.city}, {province}
      </span>
      <span class="address-line">{address.postalCode}</span>
    </>
  );
}

function useHeading(person: PersonDetail): string {
  const { m } = useI18n();
  const t = m.addressChange;
  return person.isSelf ? t.headingSelf : format(t.headingFor, { name: fullName(person) });
}

/** Where to go from here: the status page and the task list (never a dead end). */
function WaysOn({ personId }: { personId: number }) {
  const { m } = useI18n();
  return (
    <ul class="link-list">
      <li>
        <Link href={`/persons/${personId}/status`}>{m.addressChange.statusLink}</Link>
      </li>
      <li>
        <Link href="/home">{m.common.backToTasks}</Link>
      </li>
    </ul>
  );
}

/** The change is closed: card production started (what to do instead), or nothing was submitted yet. */
function Closed({
  person,
  closed,
  address,
}: {
  person: PersonDetail;
  closed: NonNullable<AddressChangeState["closed"]>;
  address: MailingAddress | null;
}) {
  const { m, lang } = useI18n();
  const t = m.addressChange;
  const heading = useHeading(person);
  usePageTitle(heading);
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <Notice kind="info">
        <h2 class="notice__heading">{t.closedHeading}</h2>
        <p>{closed.message}</p>
      </Notice>
      {address && closed.code === "card_in_production" && (
        <dl class="facts">
          <div>
            <dt>{t.currentLabel}</dt>
            <dd>
              <AddressBlock address={address} lang={lang} />
            </dd>
          </div>
        </dl>
      )}
      {closed.code === "not_submitted" && (
        <p>
          <Link href={`/persons/${person.id}/address`}>{t.notSubmittedLink}</Link>
        </p>
      )}
      <WaysOn personId={person.id} />
    </>
  );
}

/** After saving: the address the card now goes to, and the email that confirms it. */
function Saved({ person, result }: { person: PersonDetail; result: AddressChangeResult }) {
  const { m, lang } = useI18n();
  const t = m.addressChange;
  usePageTitle(t.savedHeading);
  return (
    <>
      <PageHeading>{t.savedHeading}</PageHeading>
      <Notice kind="success">
        <p>{result.changed ? t.savedText : t.unchangedText}</p>
      </Notice>
      <dl class="facts">
        <div>
          <dt>{t.currentLabel}</dt>
          <dd>
            <AddressBlock address={result.address} lang={lang} />
          </dd>
        </div>
      </dl>
      <WaysOn personId={person.id} />
    </>
  );
}

function ChangeForm({
  person,
  state,
  onSaved,
}: {
  person: PersonDetail;
  state: AddressChangeState;
  onSaved: (result: AddressChangeResult) => void;
}) {
  const { m, lang } = useI18n();
  const t = m.addressChange;
  const heading = useHeading(person);
  const current = state.address;
  const [values, setValues] = useState<AddressValues>(() => ({
    unit: current?.unit ?? "",
    streetNumber: current?.streetNumber ?? "",
    streetName: current?.streetName ?? "",
    city: current?.city ?? "",
    province: current?.province ?? "",
    postalCode: current?.postalCode ?? "",
  }));
  const [busy, setBusy] = useState(false);
  const [closed, setClosed] = useState<AddressChangeState["closed"]>(null);
  const form = useFormErrors();
  usePageTitle(heading, form.errors.length > 0);
  const setter = (field: keyof AddressValues) => (value: string) =>
    setValues((before) => ({ ...before, [field]: value }));

  async function save(event: Event) {
    event.preventDefault();
    if (busy) return;
    const problems = fieldProblems(values);
    if (problems.length > 0) {
      form.show(problems);
      return;
    }
    setBusy(true);
    const result = await apiRequest<AddressChangeResult>(`/api/persons/${person.id}/address-change`, {
      lang,
      body: values,
    });
    setBusy(false);
    if (result.ok) {
      form.clear();
      onSaved(result.data);
      return;
    }
    // Production started while the form was open: the same explanation as on arrival.
    const { code, message } = result.error;
    if (code === "card_in_production" || code === "not_submitted") {
      setClosed({ code, message });
      return;
    }
    form.show(inPageOrder(errorsFromApi(result.error)));
  }

  if (closed) return <Closed person={person} closed={closed} address={current} />;
  return (
    <>
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={fieldId} />
      <PageHeading>{heading}</PageHeading>
      <p>{t.intro}</p>
      {current && (
        <dl class="facts">
          <div>
            <dt>{t.currentLabel}</dt>
            <dd>
              <AddressBlock address={current} lang={lang} />
              {state.since && (
                <span class="address-line small">
                  {format(t.currentSince, { date: formatLongDate(state.since, lang, "UTC") })}
                </span>
              )}
            </dd>
          </div>
        </dl>
      )}
      <h2>{t.newHeading}</h2>
      <form noValidate onSubmit={save}>
        <AddressFields values={values} onValue={setter} errorFor={form.errorFor} />
        <div class="form-actions">
          <Button busy={busy}>{t.submit}</Button>
        </div>
      </form>
      <WaysOn personId={person.id} />
    </>
  );
}

/**
 * `/persons/:id/address-change`: after submitting, a new mailing address until the PR card goes
 * into production (decision 024); once it has, what to do instead.
 */
export default function AddressChangePage({ personId }: { personId: number }) {
  const { m } = useI18n();
  const person = usePerson(personId);
  const state = useApi<AddressChangeState>(`/api/persons/${personId}/address-change`);
  const [saved, setSaved] = useState<AddressChangeResult | null>(null);
  if (isNotFound(person) || isNotFound(state)) return <NotFoundPage />;
  const title = m.addressChange.headingSelf;
  return (
    <div class="narrow">
      {(person.state === "loading" || state.state === "loading") && <PersonLoading title={title} />}
      {person.state === "failed" && <PersonLoadFailed title={title} message={person.error.message} />}
      {person.state === "loaded" && state.state === "failed" && (
        <PersonLoadFailed title={title} message={state.error.message} />
      )}
      {person.state === "loaded" &&
        state.state === "loaded" &&
        (saved ? (
          <Saved person={person.data} result={saved} />
        ) : state.data.closed ? (
          <Closed person={person.data} closed={state.data.closed} address={state.data.address} />
        ) : (
          <ChangeForm person={person.data} state={state.data} onSaved={setSaved} />
        ))}
    </div>
  );
}
