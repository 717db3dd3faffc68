import { useState } from "preact/hooks";
import {
  InviteRepresentativeBody,
  type InviteRepresentativeInput,
  isPaid,
  LICENCE_BODIES,
  type LicenceBody,
  REPRESENTATIVE_KINDS,
  type RepresentativeGrant,
  type RepresentativeInvited,
  type RepresentativeKind,
  type RepresentativeList,
} from "../../../shared/api/representatives.ts";
import { schemaProblems } from "../../../shared/api/problems.ts";
import { Button } from "../../components/button/index.tsx";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { Loading } from "../../components/loading/index.tsx";
import { Notice } from "../../components/notice/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { PersonLoadFailed } from "../../components/person-load/index.tsx";
import { RadioGroup } from "../../components/radio-group/index.tsx";
import { SelectField } from "../../components/select-field/index.tsx";
import { TextField } from "../../components/text-field/index.tsx";
import { apiRequest } from "../../lib/api.ts";
import { format, formatLongDate } from "../../lib/format.ts";
import { errorsFromApi, type FormError, useFormErrors } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { isNotFound, useApi } from "../../lib/use-api.ts";
import NotFoundPage from "../not-found/index.tsx";

const FIELD_IDS: Record<string, string> = {
  name: "representative-name",
  email: "representative-email",
  kind: "representative-kind-lawyer",
  licenceBody: "representative-licence-body",
  licenceNumber: "representative-licence-number",
  language: "representative-language-en",
};

/** The page's own words for each problem the invitation's schema can find (the worker's rules, run before sending). */
function problemText(field: string, code: string): FormError["message"] {
  return (m) => {
    const e = m.representatives.errors;
    if (field === "name") return code === "too_long" ? e.nameTooLong : e.nameRequired;
    if (field === "email") return code === "invalid" ? m.errors.emailInvalid : m.errors.emailRequired;
    if (field === "kind") return e.kindRequired;
    if (field === "licenceBody") return e.licenceBodyRequired;
    if (field === "licenceNumber") return code === "invalid" ? e.licenceNumberInvalid : e.licenceNumberRequired;
    return e.languageRequired;
  };
}

/** One grant: who, what kind and licence, since when, its state, every action, and the way to end it. */
function GrantItem({ grant, onRevoked }: { grant: RepresentativeGrant; onRevoked: (name: string) => void }) {
  const { m, lang } = useI18n();
  const t = m.representatives;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = `grant-${grant.grantId}`;

  async function revoke() {
    if (busy) return;
    setBusy(true);
    const result = await apiRequest("/api/representatives/revoke", { lang, body: { grantId: grant.grantId } });
    setBusy(false);
    if (result.ok) {
      setConfirming(false);
      onRevoked(grant.name);
      return;
    }
    setProblem(result.error.message);
  }

  return (
    <section class="representative" aria-labelledby={headingId}>
      <h3 id={headingId}>{grant.name}</h3>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt class="summary-list__key">{t.stateLabel}</dt>
          <dd class="summary-list__value">{t.states[grant.state]}</dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t.kindLabel}</dt>
          <dd class="summary-list__value">{t.kinds[grant.kind]}</dd>
        </div>
        {grant.licence && (
          <div class="summary-list__row">
            <dt class="summary-list__key">{t.licenceLabel}</dt>
            <dd class="summary-list__value">
              {format(t.licenceValue, { body: LICENCE_BODIES[grant.licence.body][lang], number: grant.licence.number })}
            </dd>
          </div>
        )}
        <div class="summary-list__row">
          <dt class="summary-list__key">{t.emailLabel}</dt>
          <dd class="summary-list__value summary-list__value--break">{grant.email}</dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t.sinceLabel}</dt>
          <dd class="summary-list__value">{formatLongDate(new Date(grant.since), lang)}</dd>
        </div>
      </dl>
      <h4>{t.actionsHeading}</h4>
      <ul class="representative__actions">
        {grant.actions.map((action, i) => (
          <li key={`${action.at}-${i}`}>
            <time dateTime={action.at}>{formatLongDate(new Date(action.at), lang)}</time>
            {" — "}
            {action.action === "revoked" && action.reason === "account_purged"
              ? t.revokedByPurge
              : t.actions[action.action]}
          </li>
        ))}
      </ul>
      {grant.state !== "revoked" &&
        (confirming ? (
          <Notice kind="warning">
            <p role="alert">{format(t.revokeConfirm, { name: grant.name })}</p>
            {problem && <p>{problem}</p>}
            <div class="form-actions">
              <Button type="button" busy={busy} onClick={() => void revoke()}>
                {t.revokeYes}
              </Button>
              <Button type="button" variant="secondary" onClick={() => setConfirming(false)}>
                {t.revokeNo}
              </Button>
            </div>
          </Notice>
        ) : (
          <div class="form-actions">
            <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
              {format(t.revoke, { name: grant.name })}
            </Button>
          </div>
        ))}
    </section>
  );
}

/** The invitation: who, at which address, what kind, the licence of a paid one, the emails' first language. */
function InviteForm({ onInvited }: { onInvited: (text: string) => void }) {
  const { m, lang } = useI18n();
  const t = m.representatives;
  const form = useFormErrors();
  const [values, setValues] = useState<InviteRepresentativeInput>({
    name: "",
    email: "",
    kind: "",
    licenceBody: "",
    licenceNumber: "",
    language: lang,
  });
  const [busy, setBusy] = useState(false);
  const set = (field: keyof InviteRepresentativeInput) => (value: string) => setValues({ ...values, [field]: value });
  const kind = (REPRESENTATIVE_KINDS as readonly string[]).includes(values.kind ?? "")
    ? (values.kind as RepresentativeKind)
    : null;
  const bodies = (Object.keys(LICENCE_BODIES) as LicenceBody[]).filter((body) => LICENCE_BODIES[body].kind === kind);

  async function invite(event: Event) {
    event.preventDefault();
    if (busy) return;
    const body = kind && isPaid(kind) ? values : { ...values, licenceBody: "", licenceNumber: "" };
    const problems = schemaProblems(InviteRepresentativeBody, body).map(
      (problem): FormError => ({ field: problem.field, message: problemText(problem.field, problem.code) }),
    );
    if (problems.length > 0) {
      form.show(problems);
      return;
    }
    setBusy(true);
    const result = await apiRequest<RepresentativeInvited>("/api/representatives/invite", { lang, body });
    setBusy(false);
    if (result.ok) {
      form.clear();
      const name = (values.name ?? "").trim();
      onInvited(format(result.data.outcome === "access_given" ? t.accessGiven : t.invited, { name }));
      setValues({ name: "", email: "", kind: "", licenceBody: "", licenceNumber: "", language: lang });
      return;
    }
    form.show(errorsFromApi(result.error));
  }

  return (
    <section aria-labelledby="invite-heading">
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={(field) => FIELD_IDS[field ?? "name"]} />
      <h2 id="invite-heading">{t.inviteHeading}</h2>
      <p>{t.inviteIntro}</p>
      <form noValidate method="post" onSubmit={invite}>
        <TextField
          id="representative-name"
          name="name"
          label={t.nameLabel}
          autoComplete="off"
          value={values.name ?? ""}
          onValue={set("name")}
          error={form.errorFor("name")}
        />
        <TextField
          id="representative-email"
          name="email"
          type="email"
          label={t.emailFieldLabel}
          autoComplete="off"
          verbatim
          width="full"
          value={values.email ?? ""}
          onValue={set("email")}
          error={form.errorFor("email")}
        />
        <RadioGroup
          idPrefix="representative-kind"
          name="kind"
          legend={t.kindLegend}
          value={kind}
          options={REPRESENTATIVE_KINDS.map((value) => ({ value, label: t.kinds[value] }))}
          onChange={(value) => setValues({ ...values, kind: value, licenceBody: "" })}
          error={form.errorFor("kind")}
        />
        {kind && isPaid(kind) && (
          <>
            <SelectField
              id="representative-licence-body"
              name="licenceBody"
              label={t.licenceBodyLabel}
              placeholder={t.licenceBodyPlaceholder}
              value={values.licenceBody ?? ""}
              onValue={set("licenceBody")}
              options={bodies.map((body) => ({ value: body, label: LICENCE_BODIES[body][lang] }))}
              error={form.errorFor("licenceBody")}
            />
            <TextField
              id="representative-licence-number"
              name="licenceNumber"
              label={t.licenceNumberLabel}
              hint={t.licenceNumberHint}
              code
              width="short"
              value={values.licenceNumber ?? ""}
              onValue={set("licenceNumber")}
              error={form.errorFor("licenceNumber")}
            />
          </>
        )}
        <RadioGroup
          idPrefix="representative-language"
          name="language"
          legend={t.languageLegend}
          value={values.language === "fr" ? "fr" : "en"}
          options={[
            { value: "en", label: <span lang="en">{t.languageEnglish}</span> },
            { value: "fr", label: <span lang="fr">{t.languageFrench}</span> },
          ]}
          onChange={set("language")}
          error={form.errorFor("language")}
          inline
        />
        <div class="form-actions">
          <Button busy={busy}>{t.invite}</Button>
        </div>
      </form>
    </section>
  );
}

/** `/representatives`: who can follow the applicant's file, every action, invite, revoke (decision 026). */
export default function RepresentativesPage() {
  const { m } = useI18n();
  const t = m.representatives;
  const [version, setVersion] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useApi<RepresentativeList>("/api/representatives", { key: version });
  usePageTitle(t.title);
  // REPRESENTATIVE_ACCESS off: the route is unknown, and so is the page.
  if (isNotFound(load)) return <NotFoundPage />;
  if (load.state === "failed") return <PersonLoadFailed title={t.heading} message={load.error.message} />;
  const done = (text: string) => {
    setNotice(text);
    setVersion((n) => n + 1);
  };
  return (
    <div class="narrow">
      <PageHeading>{t.heading}</PageHeading>
      <div role="status">
        {notice && (
          <Notice kind="success">
            <p>{notice}</p>
          </Notice>
        )}
      </div>
      <p class="lede">{t.intro}</p>
      <p>{t.canSee}</p>
      <p>{t.cannotDo}</p>
      <h2>{t.listHeading}</h2>
      {load.state === "loading" ? (
        <Loading />
      ) : (
        <>
          {load.data.representatives.length === 0 && <p>{t.none}</p>}
          {load.data.representatives.map((grant) => (
            <GrantItem key={grant.grantId} grant={grant} onRevoked={(name) => done(format(t.revoked, { name }))} />
          ))}
        </>
      )}
      <InviteForm onInvited={done} />
      <p>
        <Link href="/account">{m.account.heading}</Link>
      </p>
    </div>
  );
}
