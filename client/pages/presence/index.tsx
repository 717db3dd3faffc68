import { useState } from "preact/hooks";
import { Button } from "../../components/button/index.tsx";
import { Checkbox } from "../../components/checkbox/index.tsx";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { PersonLoadFailed, PersonLoading } from "../../components/person-load/index.tsx";
import { apiRequest, type PersonDetail, type PresenceDeclaration } from "../../lib/api.ts";
import { setFlash } from "../../lib/flash.ts";
import { format, formatLongDate, fullName } from "../../lib/format.ts";
import { navigate } from "../../lib/router.ts";
import { errorsFromApi, useFormErrors } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { isNotFound } from "../../lib/use-api.ts";
import { usePerson } from "../../lib/use-person.ts";
import NotFoundPage from "../not-found/index.tsx";
import { FieldError } from "../../components/field-error/index.tsx";

/** The declaration form: the legal text, one checkbox, "Save and continue". */
function DeclarationForm({ person }: { person: PersonDetail }) {
  const { m, lang } = useI18n();
  const t = m.presence;
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  const name = fullName(person);
  usePageTitle(person.isSelf ? t.headingSelf : format(t.headingFor, { name }), form.errors.length > 0);

  // The date the person reads is today where they are (they declare they are in Canada now).
  const today = formatLongDate(new Date(), lang);
  const statement = person.isSelf
    ? format(t.statementSelf, { date: today })
    : format(t.statementFor, { name, date: today });

  async function declare(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    // An unticked box is sent too: the server's message (with the person's name) is the one shown.
    const result = await apiRequest<PresenceDeclaration>(`/api/persons/${person.id}/presence`, {
      lang,
      // The date the person read is recorded, not the server's UTC date.
      body: { confirm: confirmed, localDate: localIsoDate(new Date()) },
    });
    setBusy(false);
    if (result.ok) {
      form.clear();
      setFlash("presenceDeclared", person.isSelf ? {} : { name });
      navigate("/home");
      return;
    }
    form.show(errorsFromApi(result.error));
  }

  const error = form.errorFor("confirm");
  return (
    <>
      <ErrorSummary
        errors={form.errors}
        attempt={form.attempt}
        idFor={(field) => (field === "confirm" ? "confirm" : undefined)}
      />
      <PageHeading>{person.isSelf ? t.headingSelf : format(t.headingFor, { name })}</PageHeading>
      <p>{t.intro}</p>
      <form noValidate onSubmit={declare}>
        <h2 class="declaration__heading">{t.declarationHeading}</h2>
        <p class="declaration" id="declaration-text">
          {statement}
        </p>
        <div class={error ? "field field--error" : "field"}>
          <FieldError id="confirm-error" error={error} />
          <Checkbox
            id="confirm"
            label={t.confirmLabel}
            checked={confirmed}
            onChange={setConfirmed}
            describedBy={error ? "declaration-text confirm-error" : "declaration-text"}
            invalid={Boolean(error)}
          />
        </div>
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

/** Already declared: when, and the way back. A declaration cannot be made twice. */
function AlreadyDeclared({ person, declaration }: { person: PersonDetail; declaration: PresenceDeclaration }) {
  const { m, lang } = useI18n();
  const t = m.presence;
  const name = fullName(person);
  const heading = person.isSelf ? t.headingSelf : format(t.headingFor, { name });
  usePageTitle(heading);
  const date = formatLongDate(declaration.declaredOn, lang);
  // The principal declares for family members; a person with their own account declares for themself.
  const text =
    !person.isSelf && declaration.byThemself
      ? format(t.declaredOnByThemself, { name, date })
      : format(t.declaredOn, { date });
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <div class="notice notice--success">
        <p>{text}</p>
      </div>
      <p>
        <Link href="/home">{m.common.backToTasks}</Link>
      </p>
    </>
  );
}

/** A date as YYYY-MM-DD in the browser's own time zone. */
function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `/persons/:id/presence`: declare that a person is in Canada today. */
export default function PresencePage({ personId }: { personId: number }) {
  const { m } = useI18n();
  const load = usePerson(personId);
  if (isNotFound(load)) return <NotFoundPage />;
  return (
    <div class="narrow">
      {load.state === "loading" && <PersonLoading title={m.presence.headingSelf} />}
      {load.state === "failed" && <PersonLoadFailed title={m.presence.headingSelf} message={load.error.message} />}
      {load.state === "loaded" &&
        (load.data.presence ? (
          <AlreadyDeclared person={load.data} declaration={load.data.presence} />
        ) : (
          <DeclarationForm person={load.data} />
        ))}
    </div>
  );
}
