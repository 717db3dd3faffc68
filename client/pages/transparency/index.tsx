import type { ComponentChildren } from "preact";
import { Loading } from "../../components/loading/index.tsx";
import { Notice } from "../../components/notice/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import type { Messages } from "../../i18n/index.ts";
import { format, formatLongDate, formatNumber } from "../../lib/format.ts";
import { standardName } from "../../lib/service-standards.ts";
import { useApi } from "../../lib/use-api.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { type Cell, type PublicFigures, SUPPRESSED } from "../../../shared/service-standards/figures.ts";

type T = Messages["transparency"];

/** A count, a number of days or a share; "fewer than 10" where the figure rests on too few people. */
function useCells() {
  const { m, lang } = useI18n();
  const t = m.transparency;
  const text = (cell: Cell, show: (value: number) => string) => (cell === SUPPRESSED ? t.fewerThan10 : show(cell));
  return {
    count: (cell: Cell) => text(cell, (n) => formatNumber(n, lang)),
    days: (cell: Cell) => text(cell, (n) => (n === 1 ? t.daysOne : format(t.days, { count: formatNumber(n, lang) }))),
    share: (cell: Cell) => text(cell, (n) => formatNumber(n, lang, { style: "percent", maximumFractionDigits: 1 })),
  };
}

/** A table that scrolls sideways on a narrow screen rather than widening the page. */
function ScrollTable({ labelledBy, children }: { labelledBy: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard to scroll it (WCAG 2.1.1), as the audit table's
    <section class="table-scroll" tabIndex={0} aria-labelledby={labelledBy}>
      <table class="data-table figures-table">{children}</table>
    </section>
  );
}

function Steps({ figures, t }: { figures: PublicFigures; t: T }) {
  const cell = useCells();
  return (
    <section aria-labelledby="steps-heading">
      <h2 id="steps-heading">{t.stepsHeading}</h2>
      <p>{t.stepsIntro}</p>
      <ScrollTable labelledBy="steps-heading">
        <thead>
          <tr>
            <th scope="col">{t.stepColumn}</th>
            <th scope="col" class="data-table__number">
              {t.peopleColumn}
            </th>
            <th scope="col" class="data-table__number">
              {t.medianColumn}
            </th>
            <th scope="col" class="data-table__number">
              {t.p90Column}
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.steps.map((step) => (
            <tr key={step.step}>
              <th scope="row">{t.steps[step.step]}</th>
              <td class="data-table__number">{cell.count(step.people)}</td>
              <td class="data-table__number">{cell.days(step.medianDays)}</td>
              <td class="data-table__number">{cell.days(step.p90Days)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}

function Standards({ figures, t }: { figures: PublicFigures; t: T }) {
  const { m } = useI18n();
  const cell = useCells();
  return (
    <section aria-labelledby="standards-heading">
      <h2 id="standards-heading">{t.standardsHeading}</h2>
      <p>
        {t.standardsIntro} {m.serviceStandards.businessDaysNote}
      </p>
      <ScrollTable labelledBy="standards-heading">
        <thead>
          <tr>
            <th scope="col">{t.standardColumn}</th>
            <th scope="col" class="data-table__number">
              {t.peopleColumn}
            </th>
            <th scope="col" class="data-table__number">
              {t.metColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {figures.standards.map((standard) => (
            <tr key={standard.standard}>
              <th scope="row">{standardName(m, standard)}</th>
              <td class="data-table__number">{cell.count(standard.people)}</td>
              <td class="data-table__number">{cell.share(standard.met)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}

function Returns({ figures, t }: { figures: PublicFigures; t: T }) {
  const cell = useCells();
  const returns = figures.returns;
  return (
    <section aria-labelledby="returns-heading">
      <h2 id="returns-heading">{t.returnsHeading}</h2>
      <p>
        {returns.rate === SUPPRESSED
          ? format(t.returnsSummarySuppressed, { decisions: cell.count(returns.decisions) })
          : format(t.returnsSummary, {
              decisions: cell.count(returns.decisions),
              returned: cell.count(returns.returned),
              rate: cell.share(returns.rate),
            })}
      </p>
      <ScrollTable labelledBy="returns-heading">
        <thead>
          <tr>
            <th scope="col">{t.reasonColumn}</th>
            <th scope="col" class="data-table__number">
              {t.photosColumn}
            </th>
            <th scope="col" class="data-table__number">
              {t.shareColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {returns.byReason.map((reason) => (
            <tr key={reason.reason}>
              <th scope="row">{t.reasons[reason.reason as keyof T["reasons"]] ?? reason.reason}</th>
              <td class="data-table__number">{cell.count(reason.count)}</td>
              <td class="data-table__number">{cell.share(reason.rate)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}

function Agreement({ figures, t }: { figures: PublicFigures; t: T }) {
  const cell = useCells();
  const agreement = figures.agreement;
  return (
    <section aria-labelledby="agreement-heading">
      <h2 id="agreement-heading">{t.agreementHeading}</h2>
      <p>{t.agreementIntro}</p>
      <p>{format(t.agreed, { rate: cell.share(agreement.agreed) })}</p>
      <ScrollTable labelledBy="agreement-heading">
        <thead>
          <tr>
            <th scope="col">{t.verdictColumn}</th>
            <th scope="col" class="data-table__number">
              {t.acceptedColumn}
            </th>
            <th scope="col" class="data-table__number">
              {t.returnedColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {agreement.byVerdict.map((row) => (
            <tr key={row.verdict}>
              <th scope="row">{t.verdicts[row.verdict]}</th>
              <td class="data-table__number">{cell.count(row.accepted)}</td>
              <td class="data-table__number">{cell.count(row.returned)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}

/**
 * `/transparency`: public, no sign-in. The figures the daily job published
 * (worker/maintenance/public-figures.ts): how long each step takes, how often
 * each service standard is met, why photos are returned, and how often
 * officers agree with the automatic checks, over the last 90 days. Every cell
 * about fewer than 10 people comes suppressed from the server and reads
 * "fewer than 10" (decision 025).
 */
export default function TransparencyPage() {
  const { m, lang } = useI18n();
  const t = m.transparency;
  usePageTitle(t.title);
  const load = useApi<{ figures: PublicFigures | null }>("/api/transparency");
  const figures = load.state === "loaded" ? load.data.figures : null;
  return (
    <>
      <PageHeading>{t.title}</PageHeading>
      <p class="lede">{t.intro}</p>
      {load.state === "loading" && <Loading />}
      {load.state === "failed" && (
        <Notice kind="warning">
          <p>{t.loadFailed}</p>
        </Notice>
      )}
      {load.state === "loaded" && !figures && (
        <Notice kind="info">
          <p>{t.none}</p>
        </Notice>
      )}
      {figures && (
        <>
          <p>
            {format(t.period, {
              days: formatNumber(figures.windowDays, lang),
              from: formatLongDate(figures.from, lang),
              to: formatLongDate(figures.computedOn, lang),
            })}
          </p>
          <p>{t.privacy}</p>
          <Steps figures={figures} t={t} />
          <Standards figures={figures} t={t} />
          <Returns figures={figures} t={t} />
          <Agreement figures={figures} t={t} />
        </>
      )}
    </>
  );
}
