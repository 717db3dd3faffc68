import type { ComponentChildren } from "preact";
import { Link } from "../../components/link/index.tsx";
import { Notice } from "../../components/notice/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import type { Messages } from "../../i18n/index.ts";
import { format, formatLongDate, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import type { CheckCell } from "../../../shared/photo/accuracy/audit-table.ts";
import { PHOTO_ACCURACY } from "../../../shared/photo/accuracy/index.ts";

type T = Messages["photoAccuracy"];

/** A table that scrolls sideways on a narrow screen rather than widening the page. */
function ScrollTable({ labelledBy, children }: { labelledBy: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must be reachable by keyboard to scroll it (WCAG 2.1.1)
    <section class="table-scroll" tabIndex={0} aria-labelledby={labelledBy}>
      <table class="data-table figures-table">{children}</table>
    </section>
  );
}

const checkName = (t: T, id: string) => (t.checks as Record<string, string>)[id] ?? id;
const groupName = (t: T, id: string) => (t.groups as Record<string, string>)[id] ?? id;

/** Valid photos by skin-tone group: refused, warned, flagged; and the photos with a problem refused. */
function Groups({ t }: { t: T }) {
  const { lang } = useI18n();
  const { test, groups } = PHOTO_ACCURACY;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <section aria-labelledby="accuracy-groups">
      <h2 id="accuracy-groups">{t.groupsHeading}</h2>
      <p>{t.groupsIntro}</p>
      <ScrollTable labelledBy="accuracy-groups">
        <thead>
          <tr>
            <th scope="col">{t.groupColumn}</th>
            <th scope="col" class="data-table__number">
              {t.validColumn}
            </th>
            <th scope="col" class="data-table__number">
              {t.refusedColumn}
            </th>
            <th scope="col" class="data-table__number">
              {t.warnedColumn}
            </th>
            <th scope="col" class="data-table__number">
              {t.flaggedColumn}
            </th>
            <th scope="col" class="data-table__number">
              {t.wrongColumn}
            </th>
            <th scope="col" class="data-table__number">
              {t.wrongRefusedColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const c = test.groups[g]!;
            return (
              <tr key={g}>
                <th scope="row">{groupName(t, g)}</th>
                <td class="data-table__number">{n(c.valid)}</td>
                <td class="data-table__number">{n(c.refused)}</td>
                <td class="data-table__number">{n(c.warned)}</td>
                <td class="data-table__number">
                  {formatNumber(c.falseFlagPercent / 100, lang, { style: "percent", maximumFractionDigits: 1 })}
                </td>
                <td class="data-table__number">{n(c.wrong)}</td>
                <td class="data-table__number">{n(c.wrongRefused)}</td>
              </tr>
            );
          })}
        </tbody>
      </ScrollTable>
    </section>
  );
}

/** One measure of every check, by group: false refusals, false warnings or misses. */
function CheckTable({
  t,
  id,
  heading,
  pick,
}: {
  t: T;
  id: string;
  heading: string;
  pick: (c: CheckCell) => [number, number];
}) {
  const { lang } = useI18n();
  const { test, groups } = PHOTO_ACCURACY;
  const cell = (c: CheckCell) => {
    const [count, total] = pick(c);
    return total === 0
      ? t.noPhotos
      : format(t.ofCount, { count: formatNumber(count, lang), total: formatNumber(total, lang) });
  };
  return (
    <>
      <h3 id={id}>{heading}</h3>
      <ScrollTable labelledBy={id}>
        <thead>
          <tr>
            <th scope="col">{t.checkColumn}</th>
            {groups.map((g) => (
              <th scope="col" class="data-table__number" key={g}>
                {groupName(t, g)}
              </th>
            ))}
            <th scope="col" class="data-table__number">
              {t.allGroups}
            </th>
          </tr>
        </thead>
        <tbody>
          {test.checks.map((check) => (
            <tr key={check.id}>
              <th scope="row">{checkName(t, check.id)}</th>
              {groups.map((g) => (
                <td class="data-table__number" key={g}>
                  {cell(check.groups[g]!)}
                </td>
              ))}
              <td class="data-table__number">{cell(check.total)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </>
  );
}

function Rules({ t }: { t: T }) {
  const { rules, test } = PHOTO_ACCURACY;
  const { lang } = useI18n();
  return (
    <section aria-labelledby="accuracy-rules">
      <h2 id="accuracy-rules">{t.rulesHeading}</h2>
      <ul>
        {(["a", "b", "c", "d"] as const).map((rule) => (
          <li key={rule}>
            {t.rules[rule]} <strong>{rules[rule] ? t.ruleMet : t.ruleNotMet}</strong>
          </li>
        ))}
      </ul>
      {test.notMeasured.length > 0 && (
        <p>{format(t.notMeasured, { reasons: test.notMeasured.map((r) => checkName(t, r.id)).join(", ") })}</p>
      )}
      <p>
        {format(t.malformed, {
          count: formatNumber(test.malformed.refusedAsLabelled, lang),
          total: formatNumber(test.malformed.expected, lang),
        })}
      </p>
    </section>
  );
}

/**
 * `/photo-check/accuracy`: public. The latest audit of the photo checks on the project's own
 * labelled set (npm run audit:photos writes shared/photo/accuracy/accuracy.json), and plainly how
 * that set was made.
 */
export default function PhotoAccuracyPage() {
  const { m, lang } = useI18n();
  const t = m.photoAccuracy;
  usePageTitle(t.title);
  const { set, ranOn } = PHOTO_ACCURACY;
  const people = (split: string) =>
    set.faces
      .filter((f) => f.split === split)
      .map((f) => f.person)
      .join(", ");
  return (
    <div class="photo-accuracy">
      <PageHeading>{t.heading}</PageHeading>
      <p>{t.intro}</p>
      <p>{format(t.ranOn, { date: formatLongDate(ranOn, lang), images: formatNumber(set.images, lang) })}</p>
      <Notice kind="info">
        <p>{t.ownEvidence}</p>
      </Notice>
      <section aria-labelledby="accuracy-how">
        <h2 id="accuracy-how">{t.howHeading}</h2>
        <p>
          {format(t.realFaces, {
            count: formatNumber(set.realFaces, lang),
            people: set.faces.map((f) => f.person).join(", "),
          })}
        </p>
        <p>{t.synthetic}</p>
        <p>{t.labels}</p>
        <p>{format(t.split, { calibration: people("calibration"), test: people("test") })}</p>
      </section>
      <Groups t={t} />
      <section aria-labelledby="accuracy-checks">
        <h2 id="accuracy-checks">{t.checksHeading}</h2>
        <p>{t.checksIntro}</p>
        <CheckTable
          t={t}
          id="accuracy-false-refusals"
          heading={t.falseRefusalsHeading}
          pick={(c) => [c.falseRefusals, c.valid]}
        />
        <CheckTable
          t={t}
          id="accuracy-false-warnings"
          heading={t.falseWarningsHeading}
          pick={(c) => [c.falseWarnings, c.valid]}
        />
        <CheckTable t={t} id="accuracy-misses" heading={t.missesHeading} pick={(c) => [c.wrong - c.caught, c.wrong]} />
      </section>
      <Rules t={t} />
      <p>
        <Link href="/photo-check">{t.back}</Link>
      </p>
    </div>
  );
}
