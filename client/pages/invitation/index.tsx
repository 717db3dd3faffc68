import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { Button } from "../../components/button/index.tsx";
import { Checkbox } from "../../components/checkbox/index.tsx";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { Loading } from "../../components/loading/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { Panel } from "../../components/panel/index.tsx";
import { RadioGroup } from "../../components/radio-group/index.tsx";
import { TextField } from "../../components/text-field/index.tsx";
import {
  apiRequest,
  type Invitation,
  type InvitationAnswer,
  type InvitationOutcome,
  type InvitationPerson,
} from "../../lib/api.ts";
import { format, formatDateTime, fullName } from "../../lib/format.ts";
import type { ApiError } from "../../lib/request.ts";
import { useApi } from "../../lib/use-api.ts";
import { tokenFromFragment } from "../../lib/fragment-token.ts";
import { errorsFromApi, useFormErrors, type FormError } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { isBlank, looksLikeEmail } from "../../lib/validate.ts";
import { FieldError } from "../../components/field-error/index.tsx";
import { AnotherWayForm } from "../../components/another-way/index.tsx";
import type { AnotherWayReceived } from "../../../shared/api/another-way.ts";

type YesNo = "yes" | "no";

const emailFieldId = (personId: number) => `email-${personId}`;
const separateFieldId = (personId: number) => `separate-${personId}`;

/**
 * The input an API field name refers to (`emails.12` → `email-12`);
 * `separateAccounts` as a whole points at the first checkbox.
 */
function fieldIdFor(field: string | undefined, firstSeparateId: number | undefined): string | undefined {
  if (field === undefined) return undefined;
  if (field === "usePortal") return "use-portal-yes";
  if (field === "inCanada") return "in-canada-yes";
  const email = /^emails\.(\d+)$/.exec(field);
  if (email) return emailFieldId(Number(email[1]));
  const separate = /^separateAccounts(?:\.(\d+))?$/.exec(field);
  if (separate?.[1] !== undefined) return separateFieldId(Number(separate[1]));
  if (separate && firstSeparateId !== undefined) return separateFieldId(firstSeparateId);
  return undefined;
}

function canHaveSeparateAccount(person: InvitationPerson): boolean {
  return person.isAdult && person.role === "dependant";
}

/**
 * `/invitation#token=…`: answer the invitation (use the portal? in Canada?
 * emails? separate accounts?). The token is read from the fragment and
 * posted, so it never sits in a URL the server logs.
 */
export default function InvitationPage() {
  const { m } = useI18n();
  const [token] = useState(() => tokenFromFragment());
  const load = useApi<Invitation>(token ? "/api/invitations/open" : null, { body: { token } });
  const [outcome, setOutcome] = useState<InvitationOutcome | null>(null);

  if (outcome) return <OutcomePanel outcome={outcome} token={token} />;
  if (!token)
    return <InvitationProblem error={{ code: "invitation_not_found", message: m.invitation.linkIncomplete }} />;
  if (load.state === "loading") return <LoadingInvitation />;
  if (load.state === "failed") return <InvitationProblem error={load.error} />;
  return <InvitationForm token={token} invitation={load.data} onAnswered={setOutcome} />;
}

function LoadingInvitation() {
  const { m } = useI18n();
  usePageTitle(m.invitation.title);
  return <Loading />;
}

function InvitationProblem({ error }: { error: ApiError }) {
  const { m } = useI18n();
  const t = m.invitation;
  const heading =
    error.code === "invitation_not_found"
      ? t.notFoundHeading
      : error.code === "invitation_used"
        ? t.usedHeading
        : error.code === "invitation_expired"
          ? t.expiredHeading
          : t.loadingFailed;
  usePageTitle(heading);
  return (
    <div class="narrow">
      <PageHeading>{heading}</PageHeading>
      <p class="lede">{error.message}</p>
      <p>{m.common.helpContact}</p>
      <p>
        <Link href="/">{m.notFound.infoLink}</Link>
      </p>
    </div>
  );
}

function OutcomePanel({ outcome, token }: { outcome: InvitationOutcome; token: string | null }) {
  const { m } = useI18n();
  const t = m.invitation;
  if (outcome.outcome === "accepted") {
    return (
      <OutcomeLayout title={t.acceptedTitle}>
        <Panel heading={t.acceptedHeading}>
          <p>{outcome.accounts > 1 ? format(t.acceptedMany, { count: outcome.accounts }) : t.acceptedOne}</p>
          <p>{t.acceptedWatch}</p>
          {outcome.awaitingConfirmation > 0 && <p>{t.acceptedConfirmFirst}</p>}
        </Panel>
        <p>{t.acceptedNext}</p>
        <p>
          <Link href="/">{m.notFound.infoLink}</Link>
        </p>
      </OutcomeLayout>
    );
  }
  const declined = outcome.outcome === "declined";
  return (
    <OutcomeLayout title={declined ? t.declinedTitle : t.notInCanadaTitle}>
      <Panel heading={declined ? t.declinedHeading : t.notInCanadaHeading} kind="info">
        <p>{declined ? t.declinedText : t.notInCanadaText}</p>
      </Panel>
      <p>{m.common.helpContact}</p>
      {declined && token && <InvitationAnotherWay token={token} />}
    </OutcomeLayout>
  );
}

function OutcomeLayout({ title, children }: { title: string; children: ComponentChildren }) {
  usePageTitle(title);
  return <div class="narrow">{children}</div>;
}

interface InvitationFormProps {
  token: string;
  invitation: Invitation;
  onAnswered: (outcome: InvitationOutcome) => void;
}

function InvitationForm({ token, invitation, onAnswered }: InvitationFormProps) {
  const { m, lang } = useI18n();
  const t = m.invitation;
  const [usePortal, setUsePortal] = useState<YesNo | null>(null);
  const [inCanada, setInCanada] = useState<YesNo | null>(null);
  const [emails, setEmails] = useState<Record<number, string>>(() =>
    Object.fromEntries(invitation.persons.map((p) => [p.id, p.email])),
  );
  const [separate, setSeparate] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  usePageTitle(t.title, form.errors.length > 0);

  const accepting = usePortal === "yes" && inCanada === "yes";
  const adultDependants = invitation.persons.filter(canHaveSeparateAccount);
  /**
   * An address is needed for whoever gets an account (the principal, an adult
   * with a separate account) and is kept for anyone who already had one; a
   * family member with none on file (a child, often) may stay without.
   */
  const emailRequired = (person: InvitationPerson) =>
    person.role === "principal" || separate.includes(person.id) || !isBlank(person.email);
  const idFor = (field: string | undefined) => fieldIdFor(field, adultDependants[0]?.id);

  function clientProblems(): FormError[] {
    const problems: FormError[] = [];
    if (usePortal === null) problems.push({ field: "usePortal", message: (m) => m.errors.usePortalRequired });
    if (usePortal === "yes" && inCanada === null)
      problems.push({ field: "inCanada", message: (m) => m.errors.inCanadaRequired });
    if (accepting) {
      for (const person of invitation.persons) {
        const email = emails[person.id] ?? "";
        const name = fullName(person);
        if (isBlank(email) && !emailRequired(person)) continue;
        if (isBlank(email))
          problems.push({
            field: `emails.${person.id}`,
            message: (m) => format(m.errors.personEmailRequired, { name }),
          });
        else if (!looksLikeEmail(email))
          problems.push({
            field: `emails.${person.id}`,
            message: (m) => format(m.errors.personEmailInvalid, { name }),
          });
      }
    }
    return problems;
  }

  async function sendAnswers(event: Event) {
    event.preventDefault();
    if (busy) return;
    const problems = clientProblems();
    if (problems.length > 0) {
      form.show(problems);
      return;
    }
    const answer: InvitationAnswer = {
      usePortal: usePortal === "yes",
      inCanada: usePortal === "yes" ? inCanada === "yes" : null,
      // A blank optional address is left out: the server then keeps what it has.
      emails: accepting
        ? Object.fromEntries(
            invitation.persons
              .filter((p) => !isBlank(emails[p.id] ?? ""))
              .map((p) => [String(p.id), (emails[p.id] ?? "").trim()]),
          )
        : {},
      separateAccounts: accepting ? separate.filter((id) => adultDependants.some((p) => p.id === id)) : [],
    };
    setBusy(true);
    const result = await apiRequest<InvitationOutcome>("/api/invitations/answer", { lang, body: { token, ...answer } });
    setBusy(false);
    if (result.ok) {
      onAnswered(result.data);
      return;
    }
    form.show(errorsFromApi(result.error));
  }

  const yesNo = [
    { value: "yes", label: m.common.yes },
    { value: "no", label: m.common.no },
  ];

  return (
    <div class="narrow">
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={idFor} />
      <PageHeading>{t.heading}</PageHeading>
      <dl class="facts">
        <div>
          <dt>{t.applicationNumber}</dt>
          <dd>{invitation.applicationNumber}</dd>
        </div>
        <div>
          <dt>{t.answerBy}</dt>
          <dd>{formatDateTime(invitation.expiresAt, lang)}</dd>
        </div>
      </dl>
      <p class="lede">{t.intro}</p>
      <form noValidate onSubmit={sendAnswers}>
        <RadioGroup
          idPrefix="use-portal"
          name="usePortal"
          legend={t.usePortalLegend}
          hint={t.usePortalHint}
          value={usePortal}
          options={yesNo}
          onChange={(value) => setUsePortal(value as YesNo)}
          error={form.errorFor("usePortal")}
          inline
        />
        {usePortal === "yes" && (
          <RadioGroup
            idPrefix="in-canada"
            name="inCanada"
            legend={t.inCanadaLegend}
            hint={t.inCanadaHint}
            value={inCanada}
            options={yesNo}
            onChange={(value) => setInCanada(value as YesNo)}
            error={form.errorFor("inCanada")}
            inline
          />
        )}
        {accepting && (
          <div class="field">
            <fieldset class="fieldset" aria-describedby="people-hint">
              <legend class="fieldset__legend">{t.peopleLegend}</legend>
              <div class="field__hint" id="people-hint">
                {t.peopleHint}
              </div>
              <ul class="people">
                {invitation.persons.map((person) => {
                  const name = fullName(person);
                  return (
                    <li class="person" key={person.id}>
                      <p class="person__name">
                        {name} <span class="tag">{person.role === "principal" ? t.principal : t.dependant}</span>
                      </p>
                      <TextField
                        id={emailFieldId(person.id)}
                        label={format(emailRequired(person) ? t.emailLabel : t.emailLabelOptional, { name })}
                        type="email"
                        autoComplete={person.role === "principal" ? "email" : "off"}
                        verbatim
                        width="full"
                        value={emails[person.id] ?? ""}
                        onValue={(value) => setEmails((all) => ({ ...all, [person.id]: value }))}
                        error={form.errorFor(`emails.${person.id}`)}
                      />
                    </li>
                  );
                })}
              </ul>
            </fieldset>
          </div>
        )}
        {accepting && adultDependants.length > 0 && (
          <div class={form.errorFor("separateAccounts") ? "field field--error" : "field"}>
            <fieldset class="fieldset" aria-describedby="separate-hint">
              <legend class="fieldset__legend">{t.separateHeading}</legend>
              <div class="field__hint" id="separate-hint">
                {t.separateHint}
              </div>
              <FieldError id="separate-error" error={form.errorFor("separateAccounts")} />
              <div class="choices">
                {adultDependants.map((person) => (
                  <Checkbox
                    key={person.id}
                    id={separateFieldId(person.id)}
                    label={format(t.separateLabel, { name: fullName(person) })}
                    checked={separate.includes(person.id)}
                    onChange={(checked) =>
                      setSeparate((ids) => {
                        const others = ids.filter((id) => id !== person.id);
                        return checked ? [...others, person.id] : others;
                      })
                    }
                    describedBy={form.errorFor("separateAccounts") ? "separate-error" : undefined}
                  />
                ))}
              </div>
            </fieldset>
          </div>
        )}
        <div class="form-actions">
          <Button busy={busy}>{t.submit}</Button>
        </div>
      </form>
      <InvitationAnotherWay token={token} />
    </div>
  );
}

/**
 * "Cannot use the portal?": ask for another way (decision 028). The link's token, in the body as
 * for the answer, ties the request to the invitation's principal; nobody needs to sign in.
 */
function InvitationAnotherWay({ token }: { token: string }) {
  const { m, lang } = useI18n();
  return (
    <details class="another-way-details">
      <summary>{m.anotherWay.invitationSummary}</summary>
      <AnotherWayForm
        idPrefix="invitation-another-way"
        heading={false}
        send={(body) =>
          apiRequest<AnotherWayReceived>("/api/another-way/invitation", { lang, body: { token, ...body } })
        }
      />
    </details>
  );
}
