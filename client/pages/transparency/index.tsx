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

interface FiguresRow {
  key: string;
  label: string;
  values: string[];
}

/**
 * One table of figures on a computer; on a phone, where four columns cannot fit, the same
 * figures as one short list per row (its name, then each column's name and figure). Only one of
 * the two is displayed (CSS), so assistive technology meets each figure once.
 */
function FiguresTable({ labelledBy, columns, rows }: { labelledBy: string; columns: string[]; rows: FiguresRow[] }) {
  const [first, ...figures] = columns;
  return (
    <>
      <div class="table-scroll figures-wide">
        <table class="data-table figures-table" aria-labelledby={labelledBy}>
          <thead>
            <tr>
              <th scope="col">{first}</th>
              {figures.map((name) => (
                <th key={name} scope="col" class="data-table__number">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.values.map((value, index) => (
                  <td key={figures[index]} class="data-table__number">
                    {value}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="figures-narrow">
        {rows.map((row) => (
          <li key={row.key} class="figures-card">
            <p class="figures-card__name">{row.label}</p>
            <dl class="figures-card__figures">
              {row.values.map((value, index) => (
                <div key={figures[index]}>
                  <dt>{figures[index]}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

function Steps({ figures, t }: { figures: PublicFigures; t: T }) {
  const cell = useCells();
  return (
    <section aria-labelledby="steps-heading">
      <h2 id="steps-heading">{t.stepsHeading}</h2>
      <p>{t.stepsIntro}</p>
      <FiguresTable
        labelledBy="steps-heading"
        columns={[t.stepColumn, t.peopleColumn, t.medianColumn, t.p90Column]}
        rows={figures.steps.map((step) => ({
          key: step.step,
          label: t.steps[step.step],
          values: [cell.count(step.people), cell.days(step.medianDays), cell.days(step.p90Days)],
        }))}
      />
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
      <FiguresTable
        labelledBy="standards-heading"
        columns={[t.standardColumn, t.peopleColumn, t.metColumn]}
        rows={figures.standards.map((standard) => ({
          key: standard.standard,
          label: standardName(m, standard),
          values: [cell.count(standard.people), cell.share(standard.met)],
        }))}
      />
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
      <FiguresTable
        labelledBy="returns-heading"
        columns={[t.reasonColumn, t.photosColumn, t.shareColumn]}
        rows={returns.byReason.map((reason) => ({
          key: reason.reason,
          label: t.reasons[reason.reason as keyof T["reasons"]] ?? reason.reason,
          values: [cell.count(reason.count), cell.share(reason.rate)],
        }))}
      />
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
      <FiguresTable
        labelledBy="agreement-heading"
        columns={[t.verdictColumn, t.acceptedColumn, t.returnedColumn]}
        rows={agreement.byVerdict.map((row) => ({
          key: row.verdict,
          label: t.verdicts[row.verdict],
          values: [cell.count(row.accepted), cell.count(row.returned)],
        }))}
      />
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
