import { useState } from "preact/hooks";
import {
  CORRECTION_FIELDS,
  CORRECTION_FIELD_LABELS,
  type PersonCorrections,
  REFUSAL_MAX_LENGTH,
  RefuseCorrectionBody,
} from "../../../../shared/api/corrections.ts";
import { schemaProblems } from "../../../../shared/api/problems.ts";
import { Button } from "../../../components/button/index.tsx";
import { ErrorSummary } from "../../../components/error-summary/index.tsx";
import { Loading } from "../../../components/loading/index.tsx";
import { Notice } from "../../../components/notice/index.tsx";
import { PageHeading } from "../../../components/page-heading/index.tsx";
import { TextAreaField } from "../../../components/text-area-field/index.tsx";
import { format, formatDateTime, formatLongDate } from "../../../lib/format.ts";
import { isNotFound, useApi } from "../../../lib/use-api.ts";
import { errorsFromApi, useFormErrors } from "../../../lib/use-form-errors.ts";
import { useI18n } from "../../../lib/use-i18n.ts";
import { usePageTitle } from "../../../lib/use-page-title.ts";
import NotFoundPage from "../../../pages/not-found/index.tsx";
import { OfficerFacts } from "../../components/facts/index.tsx";
import { reviewRequest } from "../../api.ts";

type Report = PersonCorrections["corrections"][number];
const REASON_ID = "correction-reason";

/** The report waiting for a decision: accept (a new e-CoPR) or refuse with a reason sent as written. */
function Decide({
  personId,
  report,
  reader,
  onDecided,
}: {
  personId: number;
  report: Report;
  reader: "en" | "fr";
  onDecided: (decision: "accepted" | "refused") => void;
}) {
  const { m, lang } = useI18n();
  const t = m.officer.corrections;
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();

  async function decide(decision: "accept" | "refuse") {
    if (busy) return;
    // The route's own rule (RefuseCorrectionBody), before sending, in this page's words.
    if (decision === "refuse" && schemaProblems(RefuseCorrectionBody, { correctionId: report.id, reason }).length > 0) {
      form.show([{ field: "reason", message: (messages) => messages.officer.corrections.reasonRequired }]);
      return;
    }
    setBusy(true);
    const result = await reviewRequest<{ decision: "accepted" | "refused" }>(
      `/review/api/persons/${personId}/corrections/${decision}`,
      { lang, body: decision === "accept" ? { correctionId: report.id } : { correctionId: report.id, reason } },
    );
    setBusy(false);
    if (result.ok) {
      form.clear();
      onDecided(result.data.decision);
      return;
    }
    form.show(errorsFromApi(result.error));
  }

  return (
    <section class="correction-decision" aria-labelledby={`decide-${report.id}`}>
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={() => REASON_ID} />
      <h3 id={`decide-${report.id}`} class="visually-hidden">
        {t.status}
      </h3>
      <p>{t.acceptHint}</p>
      <div class="form-actions">
        <Button type="button" busy={busy} onClick={() => void decide("accept")}>
          {t.accept}
        </Button>
      </div>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void decide("refuse");
        }}
      >
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t.refuseLegend}</legend>
          <TextAreaField
            id={REASON_ID}
            name="reason"
            label={t.reasonLabel}
            hint={format(t.reasonHint, { language: t.languages[reader] })}
            error={form.errorFor("reason")}
            value={reason}
            onValue={setReason}
            maxLength={REFUSAL_MAX_LENGTH}
          />
          <div class="form-actions">
            <Button variant="secondary" busy={busy}>
              {t.refuse}
            </Button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}

function ReportView({
  data,
  report,
  onDecided,
}: {
  data: PersonCorrections;
  report: Report;
  onDecided: (decision: "accepted" | "refused") => void;
}) {
  const { m, lang } = useI18n();
  const t = m.officer.corrections;
  const evidence = `/review/api/persons/${data.person.id}/corrections/evidence?correction=${report.id}`;
  return (
    <li class="correction-report">
      <h2 class="correction-report__heading">
        {format(t.reportHeading, { date: formatDateTime(report.requestedAt, lang) })}
      </h2>
      <OfficerFacts
        class="queue__facts"
        facts={[
          [t.field, CORRECTION_FIELD_LABELS[report.field][lang]],
          [t.printedValue, report.printedValue],
          [t.askedValue, <strong key="asked">{report.correctValue}</strong>],
          [t.requestedBy, report.requestedBy],
          [t.status, t.decisions[report.status]],
          [
            t.decidedAt,
            report.decidedAt && report.decidedBy
              ? format(t.decidedBy, { name: report.decidedBy, date: formatDateTime(report.decidedAt, lang) })
              : null,
          ],
          [t.reason, report.refusalReason],
        ]}
      />
      <h3>{t.documentHeading}</h3>
      {report.hasDocument ? (
        <p>
          <img class="correction-evidence" src={evidence} alt={t.documentAlt} />
          <br />
          <a href={evidence} target="_blank" rel="noopener">
            {t.openDocument}
          </a>
        </p>
      ) : (
        <p>{t.noDocument}</p>
      )}
      {report.status === "pending" && (
        <Decide personId={data.person.id} report={report} reader={data.person.language} onDecided={onDecided} />
      )}
    </li>
  );
}

/**
 * `/review/corrections/:personId`: what the e-CoPR in force prints, each report of an error with
 * its supporting document, and the decision on the one waiting (decision 027).
 */
export default function OfficerCorrectionPage({ personId }: { personId: number }) {
  const { m, lang } = useI18n();
  const t = m.officer.corrections;
  const [decided, setDecided] = useState<"accepted" | "refused" | null>(null);
  const load = useApi<PersonCorrections>(`/review/api/persons/${personId}/corrections`, {
    request: reviewRequest,
    key: decided,
  });
  const heading = load.state === "loaded" ? format(t.personHeading, { name: load.data.person.name }) : t.title;
  usePageTitle(heading);
  if (isNotFound(load)) return <NotFoundPage />;
  return (
    <>
      <p>
        <a href={`/review/corrections?lang=${lang}`}>{t.backToList}</a>
      </p>
      <PageHeading>{heading}</PageHeading>
      {decided && (
        <Notice kind="success">
          <p role="status">{decided === "accepted" ? t.accepted : t.refused}</p>
        </Notice>
      )}
      {load.state === "loading" && <Loading />}
      {load.state === "failed" && (
        <div class="notice notice--warning" role="alert">
          <p>{load.error.message}</p>
        </div>
      )}
      {load.state === "loaded" && (
        <>
          <OfficerFacts class="queue__facts" facts={[[t.applicationNumber, load.data.person.applicationNumber]]} />
          <h2>{t.printedHeading}</h2>
          {load.data.current ? (
            <>
              <p>{format(t.printedIssued, { date: formatLongDate(load.data.current.issuedOn, lang, "UTC") })}</p>
              <OfficerFacts
                class="queue__facts"
                facts={CORRECTION_FIELDS.map((field) => [
                  CORRECTION_FIELD_LABELS[field][lang],
                  {
                    given_names: load.data.current!.givenNames,
                    family_name: load.data.current!.familyName,
                    date_of_birth: load.data.current!.dateOfBirth,
                    uci: load.data.current!.uci,
                  }[field],
                ])}
              />
            </>
          ) : (
            <p>{t.noEcopr}</p>
          )}
          <ol class="correction-reports">
            {load.data.corrections.map((report) => (
              <ReportView key={report.id} data={load.data} report={report} onDecided={setDecided} />
            ))}
          </ol>
        </>
      )}
    </>
  );
}
