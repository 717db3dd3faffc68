import { useState } from "preact/hooks";
import { schemaProblems } from "../../../shared/api/problems.ts";
import { ADDRESS_MARKS, type ADDRESS_TEXT_FIELDS } from "../../../shared/address/address.ts";
import { AddressBody, type AddressInput, type AddressSaved } from "../../../shared/api/persons.ts";
import { PROVINCES } from "../../../shared/address/provinces.ts";
import { Button } from "../../components/button/index.tsx";
import { Checkbox } from "../../components/checkbox/index.tsx";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { PersonLoadFailed, PersonLoading } from "../../components/person-load/index.tsx";
import { SelectField } from "../../components/select-field/index.tsx";
import { TextField } from "../../components/text-field/index.tsx";
import type { Lang } from "../../i18n/index.ts";
import { apiRequest, type Address, type PersonDetail } from "../../lib/api.ts";
import { setFlash } from "../../lib/flash.ts";
import { format, fullName } from "../../lib/format.ts";
import { navigate } from "../../lib/router.ts";
import { errorsFromApi, useFormErrors, type FormError } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { isNotFound } from "../../lib/use-api.ts";
import { usePerson, usePersons } from "../../lib/use-person.ts";
import NotFoundPage from "../not-found/index.tsx";

type AddressField = keyof Address;
export type AddressValues = Record<AddressField, string>;

/** Element ids by API field, in the order the fields are on the page (the error summary follows it). */
const FIELD_IDS: Record<AddressField | "sameForFamily", string> = {
  unit: "unit",
  streetNumber: "street-number",
  streetName: "street-name",
  city: "city",
  province: "province",
  postalCode: "postal-code",
  sameForFamily: "same-for-family",
};
const FIELD_ORDER = Object.keys(FIELD_IDS);

export function fieldId(field: string | undefined): string | undefined {
  return field !== undefined && field in FIELD_IDS ? FIELD_IDS[field as keyof typeof FIELD_IDS] : undefined;
}

/** Field errors in page order; form-wide errors (no field) first. */
export function inPageOrder(errors: FormError[]): FormError[] {
  const rank = (e: FormError) =>
    e.field === undefined
      ? -1
      : FIELD_ORDER.indexOf(e.field) === -1
        ? FIELD_ORDER.length
        : FIELD_ORDER.indexOf(e.field);
  return [...errors].sort((a, b) => rank(a) - rank(b));
}

/**
 * The route's own rules (AddressBody, shared/api/persons.ts) run before sending, each problem in
 * this page's words. A problem with no words here (a postal code in another province, a line too
 * long) is left to the server, whose messages are then shown.
 */
export function fieldProblems(values: AddressValues): FormError[] {
  const problems: FormError[] = [];
  const required = {
    streetNumber: "streetNumberRequired",
    streetName: "streetNameRequired",
    city: "cityRequired",
  } as const;
  for (const { field, code } of schemaProblems(AddressBody, {
    ...values,
    sameForFamily: false,
  } satisfies AddressInput)) {
    if (code === "required" && (field === "streetNumber" || field === "streetName" || field === "city")) {
      const key = required[field];
      problems.push({ field, message: (m) => m.address.errors[key] });
    } else if (code === "invalid_characters" || code === "invalid_start") {
      const line = field as (typeof ADDRESS_TEXT_FIELDS)[number];
      problems.push({
        field,
        message: (m) =>
          code === "invalid_characters"
            ? format(m.address.errors.invalidCharacters, { label: m.address.errors.labels[line], marks: ADDRESS_MARKS })
            : format(m.address.errors.invalidStart, { label: m.address.errors.labels[line] }),
      });
    } else if (field === "province" && code === "required")
      problems.push({ field, message: (m) => m.address.errors.provinceRequired });
    else if (field === "postalCode" && code === "required")
      problems.push({ field, message: (m) => m.address.errors.postalCodeRequired });
  }
  return inPageOrder(problems);
}

function provinceName(code: string, lang: Lang): string {
  return PROVINCES.find((p) => p.code === code)?.[lang] ?? code;
}

/** Canada Post's way: unit, hyphen, civic number ("4-123 Main Street"). */
function streetLine(address: Address): string {
  const civic = address.unit ? `${address.unit}-${address.streetNumber}` : address.streetNumber;
  return `${civic} ${address.streetName}`;
}

function headingFor(person: PersonDetail, t: { headingSelf: string; headingFor: string }): string {
  return person.isSelf ? t.headingSelf : format(t.headingFor, { name: fullName(person) });
}

/** The address's six fields, as the address page and the change after submitting (address-change) show them. */
export function AddressFields({
  values,
  onValue,
  errorFor,
}: {
  values: AddressValues;
  onValue: (field: AddressField) => (value: string) => void;
  errorFor: ReturnType<typeof useFormErrors>["errorFor"];
}) {
  const { m, lang } = useI18n();
  const t = m.address;
  const setter = onValue;
  const form = { errorFor };
  return (
    <>
      <TextField
        id={FIELD_IDS.unit}
        name="unit"
        label={t.unitLabel}
        width="short"
        autoComplete="address-line2"
        value={values.unit}
        onValue={setter("unit")}
        error={form.errorFor("unit")}
      />
      <TextField
        id={FIELD_IDS.streetNumber}
        name="streetNumber"
        label={t.streetNumberLabel}
        width="short"
        value={values.streetNumber}
        onValue={setter("streetNumber")}
        error={form.errorFor("streetNumber")}
      />
      <TextField
        id={FIELD_IDS.streetName}
        name="streetName"
        label={t.streetNameLabel}
        width="full"
        value={values.streetName}
        onValue={setter("streetName")}
        error={form.errorFor("streetName")}
      />
      <TextField
        id={FIELD_IDS.city}
        name="city"
        label={t.cityLabel}
        autoComplete="address-level2"
        value={values.city}
        onValue={setter("city")}
        error={form.errorFor("city")}
      />
      <SelectField
        id={FIELD_IDS.province}
        name="province"
        label={t.provinceLabel}
        placeholder={t.provincePlaceholder}
        autoComplete="address-level1"
        options={PROVINCES.map((p) => ({ value: p.code, label: p[lang] }))}
        value={values.province}
        onValue={setter("province")}
        error={form.errorFor("province")}
      />
      <TextField
        id={FIELD_IDS.postalCode}
        name="postalCode"
        label={t.postalCodeLabel}
        hint={t.postalCodeHint}
        width="short"
        autoComplete="postal-code"
        code
        value={values.postalCode}
        onValue={setter("postalCode")}
        error={form.errorFor("postalCode")}
      />
    </>
  );
}

/** The address form, filled with what is on file. */
function AddressForm({ person, familySize }: { person: PersonDetail; familySize: number }) {
  const { m, lang } = useI18n();
  const t = m.address;
  const heading = headingFor(person, t);
  const [values, setValues] = useState<AddressValues>(() => ({
    unit: person.address?.unit ?? "",
    streetNumber: person.address?.streetNumber ?? "",
    streetName: person.address?.streetName ?? "",
    city: person.address?.city ?? "",
    province: person.address?.province ?? "",
    postalCode: person.address?.postalCode ?? "",
  }));
  const [sameForFamily, setSameForFamily] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  usePageTitle(heading, form.errors.length > 0);

  const setter = (field: AddressField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  async function saveAddress(event: Event) {
    event.preventDefault();
    if (busy) return;
    const body: AddressInput = { ...values, sameForFamily: familySize > 1 && sameForFamily };
    const problems = fieldProblems(values);
    if (problems.length > 0) {
      form.show(problems);
      return;
    }
    setBusy(true);
    const result = await apiRequest<AddressSaved>(`/api/persons/${person.id}/address`, { lang, body });
    setBusy(false);
    if (result.ok) {
      form.clear();
      const count = result.data.appliedTo.length;
      setFlash("addressSaved", count > 1 ? { count } : person.isSelf ? {} : { name: fullName(person) });
      navigate("/home");
      return;
    }
    form.show(inPageOrder(errorsFromApi(result.error)));
  }

  return (
    <>
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={fieldId} />
      <PageHeading>{heading}</PageHeading>
      <p>{t.intro}</p>
      <form noValidate onSubmit={saveAddress}>
        <AddressFields values={values} onValue={setter} errorFor={form.errorFor} />
        {familySize > 1 && (
          <div class="field">
            <Checkbox
              id={FIELD_IDS.sameForFamily}
              label={t.sameForFamilyLabel}
              checked={sameForFamily}
              onChange={setSameForFamily}
            />
          </div>
        )}
        <div class="form-actions">
          <Button busy={busy}>{t.submit}</Button>
        </div>
      </form>
      <p>
        <Link href="/home">{m.common.backToTasks}</Link>
      </p>
    </>
  );
}

/** After submit the address is shown, not edited here: a change is a new address, on its own page (address-change). */
function SubmittedAddress({ person }: { person: PersonDetail }) {
  const { m, lang } = useI18n();
  const t = m.address;
  const heading = headingFor(person, t);
  usePageTitle(heading);
  const address = person.address;
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <div class="notice notice--info">
        <p>{t.submittedText}</p>
      </div>
      {address && (
        <dl class="facts">
          <div>
            <dt>{t.addressLabel}</dt>
            <dd>
              <span class="address-line">{streetLine(address)}</span>
              <span class="address-line">
                {address.city}, {provinceName(address.province, lang)}
              </span>
              <span class="address-line">{address.postalCode}</span>
            </dd>
          </div>
        </dl>
      )}
      <p>
        <Link href={`/persons/${person.id}/address-change`}>{t.changeLink}</Link>
      </p>
      <p>
        <Link href="/home">{m.common.backToTasks}</Link>
      </p>
    </>
  );
}

/**
 * How many persons the account acts for: "Use this address for everyone" only
 * makes sense when there are others. Null while loading; 1 if it cannot be
 * known (the option is then left out, which is safe).
 */
function useFamilySize(): number | null {
  const load = usePersons();
  if (load.state === "loading") return null;
  return load.state === "loaded" ? load.data.persons.length : 1;
}

/** `/persons/:id/address`: a person's mailing address in Canada, where the PR card is sent. */
export default function AddressPage({ personId }: { personId: number }) {
  const { m } = useI18n();
  const load = usePerson(personId);
  // Loaded alongside the person, so the form does not grow a checkbox after it is shown.
  const familySize = useFamilySize();
  if (isNotFound(load)) return <NotFoundPage />;
  const waiting = load.state === "loading" || (load.state === "loaded" && !load.data.submitted && familySize === null);
  return (
    <div class="narrow">
      {waiting && <PersonLoading title={m.address.headingSelf} />}
      {load.state === "failed" && <PersonLoadFailed title={m.address.headingSelf} message={load.error.message} />}
      {load.state === "loaded" && load.data.submitted && <SubmittedAddress person={load.data} />}
      {load.state === "loaded" && !load.data.submitted && familySize !== null && (
        <AddressForm person={load.data} familySize={familySize} />
      )}
    </div>
  );
}
