import { Loading } from "../../../components/loading/index.tsx";
import { Notice } from "../../../components/notice/index.tsx";
import { PageHeading } from "../../../components/page-heading/index.tsx";
import { format, formatNumber } from "../../../lib/format.ts";
import { standardName } from "../../../lib/service-standards.ts";
import { RETURN_REASON_IDS } from "../../../../shared/photo/return-reasons.ts";
import { ANOTHER_WAY_KINDS, EXCEPTION_REASONS, OUTCOMES } from "../../../../shared/api/another-way.ts";
import { reviewRequest, type ReviewMetrics } from "../../api.ts";
import { useApi } from "../../../lib/use-api.ts";
import { useI18n } from "../../../lib/use-i18n.ts";
import { usePageTitle } from "../../../lib/use-page-title.ts";

/**
 * `/review/metrics` (supervisors): where submissions stand, how long a
 * decision takes, why photos are returned, and how often officers and the
 * automatic checks disagreed (how the portal learns whether its checks are right),
 * and the share of each service standard met.
 */
export default function OfficerMetricsPage() {
  const { m, lang } = useI18n();
  const t = m.officer.metrics;
  const w = m.anotherWay.officer.metrics;
  usePageTitle(t.title);
  const load = useApi<ReviewMetrics>("/review/api/metrics", { request: reviewRequest });
  const metrics = load.state === "loaded" ? load.data : null;
  const problem = load.state === "failed" ? load.error.message : null;

  // Under an hour, hours would read "0 hours": say minutes instead.
  const duration = (hours: number | null) =>
    hours === null
      ? t.none
      : hours < 1
        ? format(t.minutes, { minutes: formatNumber(Math.round(hours * 60), lang) })
        : format(t.hours, { hours: formatNumber(hours, lang, { maximumFractionDigits: 1 }) });
  const percent = (rate: number | null) =>
    rate === null ? t.none : formatNumber(rate, lang, { style: "percent", maximumFractionDigits: 1 });

  if (problem) {
    return (
      <>
        <PageHeading>{t.heading}</PageHeading>
        <Notice kind="warning">
          <p>{problem}</p>
        </Notice>
      </>
    );
  }
  if (!metrics) return <Loading />;
  const counts = metrics.counts;
  const reasons = [
    ...RETURN_REASON_IDS.filter((r) => metrics.returnsByReason[r]),
    ...Object.keys(metrics.returnsByReason).filter((r) => !RETURN_REASON_IDS.includes(r as never)),
  ];

  return (
    <>
      <PageHeading>{t.heading}</PageHeading>
      <p>{t.intro}</p>

      <h2>{t.statesHeading}</h2>
      <dl class="metric-grid">
        {(Object.keys(t.counts) as (keyof typeof t.counts)[]).map((key) => (
          <div key={key} class="metric">
            <dt class="metric__label">{t.counts[key]}</dt>
            <dd class="metric__value">{formatNumber(counts[key], lang)}</dd>
          </div>
        ))}
      </dl>

      <h2>{t.timingHeading}</h2>
      <dl class="facts">
        <div>
          <dt>{t.medianHours}</dt>
          <dd>{duration(metrics.medianHoursToDecision)}</dd>
        </div>
        <div>
          <dt>{t.returnRate}</dt>
          <dd>{percent(metrics.returnRate)}</dd>
        </div>
      </dl>

      <h2 id="standards-heading">{t.standardsHeading}</h2>
      <p>
        {t.standardsIntro} {m.serviceStandards.businessDaysNote}
      </p>
      <table class="data-table" aria-labelledby="standards-heading">
        <thead>
          <tr>
            <th scope="col">{t.standardColumn}</th>
            <th scope="col" class="data-table__number">
              {t.metColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {metrics.standards.map((standard) => (
            <tr key={standard.standard}>
              <th scope="row">{standardName(m, standard)}</th>
              <td class="data-table__number">
                {format(t.metValue, {
                  met: formatNumber(standard.met, lang),
                  judged: formatNumber(standard.judged, lang),
                  share: percent(standard.share),
                })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 id="reasons-heading">{t.reasonsHeading}</h2>
      {reasons.length === 0 ? (
        <p>{t.noReturns}</p>
      ) : (
        <table class="data-table" aria-labelledby="reasons-heading">
          <thead>
            <tr>
              <th scope="col">{t.reasonColumn}</th>
              <th scope="col" class="data-table__number">
                {t.returnsColumn}
              </th>
            </tr>
          </thead>
          <tbody>
            {reasons.map((reason) => (
              <tr key={reason}>
                <th scope="row">{m.officer.reasons[reason as keyof typeof m.officer.reasons] ?? reason}</th>
                <td class="data-table__number">{formatNumber(metrics.returnsByReason[reason] ?? 0, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t.disagreementHeading}</h2>
      <p>{t.disagreementIntro}</p>
      <dl class="facts">
        <div>
          <dt>{t.acceptedDespiteWarnings}</dt>
          <dd>{formatNumber(metrics.disagreement.acceptedDespiteWarnings, lang)}</dd>
        </div>
        <div>
          <dt>{t.returnedThoughPassed}</dt>
          <dd>{formatNumber(metrics.disagreement.returnedThoughChecksPassed, lang)}</dd>
        </div>
        <div>
          <dt>{t.disagreementRate}</dt>
          <dd>{percent(metrics.disagreement.rate)}</dd>
        </div>
      </dl>

      {/* Counted apart (decision 028): photos sent with an explanation, and requests for another way. */}
      <h2>{w.exceptionsHeading}</h2>
      <p>{w.exceptionsIntro}</p>
      <dl class="facts">
        <div>
          <dt>{w.exceptionsSubmitted}</dt>
          <dd>{formatNumber(metrics.exceptions.submitted, lang)}</dd>
        </div>
        <div>
          <dt>{w.exceptionsAccepted}</dt>
          <dd>{formatNumber(metrics.exceptions.accepted, lang)}</dd>
        </div>
        <div>
          <dt>{w.exceptionsReturned}</dt>
          <dd>{formatNumber(metrics.exceptions.returned, lang)}</dd>
        </div>
        {EXCEPTION_REASONS.map((reason) => (
          <div key={reason}>
            <dt>{format(w.exceptionsBecause, { reason: m.anotherWay.officer.reasons[reason] })}</dt>
            <dd>{formatNumber(metrics.exceptions.byReason[reason] ?? 0, lang)}</dd>
          </div>
        ))}
      </dl>
      <h2>{w.requestsHeading}</h2>
      <dl class="facts">
        <div>
          <dt>{w.requestsTotal}</dt>
          <dd>{formatNumber(metrics.anotherWay.requests, lang)}</dd>
        </div>
        <div>
          <dt>{w.requestsOpen}</dt>
          <dd>{formatNumber(metrics.anotherWay.open, lang)}</dd>
        </div>
        {ANOTHER_WAY_KINDS.map((kind) => (
          <div key={kind}>
            <dt>{m.anotherWay.officer.kinds[kind]}</dt>
            <dd>{formatNumber(metrics.anotherWay.byKind[kind] ?? 0, lang)}</dd>
          </div>
        ))}
        {OUTCOMES.map((outcome) => (
          <div key={outcome}>
            <dt>{m.anotherWay.officer.outcomes[outcome]}</dt>
            <dd>{formatNumber(metrics.anotherWay.outcomes[outcome] ?? 0, lang)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
