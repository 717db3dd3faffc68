import { useEffect, useState } from "preact/hooks";
import { FilterForm, showFiltersInAddress } from "../../../components/filter-form/index.tsx";
import { SelectField } from "../../../components/select-field/index.tsx";
import { TextField } from "../../../components/text-field/index.tsx";
import { Loading } from "../../../components/loading/index.tsx";
import { OfficerFacts } from "../../components/facts/index.tsx";
import { Notice } from "../../../components/notice/index.tsx";
import { useOfficerSession } from "../../components/session/index.ts";
import { PageHeading } from "../../../components/page-heading/index.tsx";
import { format, formatDateTime, formatLongDate, fullName } from "../../../lib/format.ts";
import { durationText } from "../../../lib/service-standards.ts";
import { QUEUE_FILTERS, isQueueFilter, type QueueFilter } from "../../../../shared/api/review.ts";
import { type NotSubmittedPerson, type QueueAnswer, reviewRequest, type QueueItem } from "../../api.ts";
import { navigate } from "../../../lib/router.ts";
import { useI18n } from "../../../lib/use-i18n.ts";
import { usePageTitle } from "../../../lib/use-page-title.ts";

function filterFromUrl(): QueueFilter {
  const value = new URLSearchParams(location.search).get("filter");
  return isQueueFilter(value) ? value : "all";
}

/**
 * `/review`: submissions waiting for a photo decision, oldest first (so those
 * past the photo-review standard first, each flagged), with who holds each
 * claim and until when. The filter and search live in the address,
 * so Back and a reload keep them. A search also lists the imported persons
 * it matches who never submitted, each a link to their page (decision 028).
 */
export default function OfficerQueuePage() {
  const { m, lang } = useI18n();
  const t = m.officer.queue;
  const session = useOfficerSession();
  usePageTitle(t.title);
  const [filter, setFilter] = useState<QueueFilter>(filterFromUrl);
  const [search, setSearch] = useState(() => new URLSearchParams(location.search).get("q") ?? "");
  const [applied, setApplied] = useState({ filter, search });
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [notSubmitted, setNotSubmitted] = useState<NotSubmittedPerson[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [claiming, setClaiming] = useState<number | null>(null);

  const age = (hours: number) =>
    hours < 1
      ? t.ageUnderHour
      : hours < 48
        ? format(t.ageHours, { hours })
        : format(t.ageDays, { days: Math.floor(hours / 24) });

  async function load(next: { filter: QueueFilter; search: string }) {
    const query = new URLSearchParams({ filter: next.filter });
    if (next.search.trim()) query.set("q", next.search.trim());
    const result = await reviewRequest<QueueAnswer>(`/review/api/queue?${query}`, { lang });
    if (result.ok) {
      setItems(result.data.items);
      setNotSubmitted(result.data.notSubmitted);
    } else setProblem(result.error.message);
  }

  useEffect(() => {
    load(applied);
  }, [applied]);

  function apply() {
    showFiltersInAddress({ filter, q: search });
    setProblem(null);
    setApplied({ filter, search });
  }

  async function claimAndOpen(item: QueueItem) {
    if (claiming !== null) return;
    setClaiming(item.submissionId);
    const result = await reviewRequest(`/review/api/items/${item.submissionId}/claim`, { lang, method: "POST" });
    setClaiming(null);
    if (result.ok) {
      navigate(`/review/items/${item.submissionId}`);
      return;
    }
    // Someone else claimed it since the list was loaded: say who, and show the list as it is now.
    setProblem(result.error.message);
    await load(applied);
    document.getElementById("queue-problem")?.focus();
  }

  return (
    <>
      <PageHeading>{t.heading}</PageHeading>
      <p>{t.intro}</p>
      <FilterForm class="queue-filters" role="search" label={t.searchRegion} applyLabel={t.apply} onApply={apply}>
        <SelectField
          id="queue-filter"
          label={t.filterLabel}
          value={filter}
          onValue={(value) => setFilter(value as QueueFilter)}
          options={QUEUE_FILTERS.map((f) => ({ value: f, label: t.filters[f] }))}
        />
        <TextField
          id="queue-search"
          type="search"
          label={t.searchLabel}
          hint={t.searchHint}
          value={search}
          onValue={setSearch}
          verbatim
        />
      </FilterForm>

      {problem && (
        <div class="notice notice--warning" id="queue-problem" tabIndex={-1} role="alert">
          <p>{problem}</p>
        </div>
      )}

      {items === null ? (
        <Loading />
      ) : (
        <>
          <p class="queue-count" role="status">
            {items.length === 1 ? t.countOne : format(t.count, { count: items.length })}
          </p>
          {items.length === 0 ? (
            <Notice kind="info">
              <p>{t.empty}</p>
            </Notice>
          ) : (
            <ol class="queue">
              {items.map((item) => {
                const mine = item.claimedBy?.officerId === session.id;
                const someoneElse = item.claimedBy !== null && !mine;
                const name = fullName(item.person);
                return (
                  <li key={item.submissionId} class="queue__item">
                    <h2 class="queue__name">
                      <a href={`/review/items/${item.submissionId}?lang=${lang}`}>{name}</a>
                    </h2>
                    <OfficerFacts
                      class="queue__facts"
                      facts={[
                        [t.applicationNumber, item.applicationNumber],
                        [t.uci, item.person.uci],
                        [t.submitted, `${formatDateTime(item.submittedAt, lang)} (${age(item.ageHours)})`],
                        [
                          t.standard,
                          format(t.standardValue, {
                            elapsed: durationText(m, item.clock.unit, item.clock.elapsed),
                            date: formatLongDate(item.clock.dueOn, lang),
                          }),
                        ],
                        [
                          t.claim,
                          item.claimedBy === null
                            ? t.unclaimed
                            : format(mine ? t.claimedByYou : t.claimedBy, {
                                name: item.claimedBy.name,
                                time: formatDateTime(item.claimedBy.until, lang),
                              }),
                        ],
                      ]}
                    />
                    <p class="queue__tags">
                      <span class={`tag tag--${item.kind === "initial" ? "new" : "resubmitted"}`}>
                        {t.kinds[item.kind]}
                      </span>
                      <span class={`tag tag--checks-${item.checks}`}>{t.checks[item.checks]}</span>
                      {item.clock.overdue && <span class="tag tag--overdue">{t.overdue}</span>}
                      {item.warningsAcknowledged && <span class="tag tag--acknowledged">{t.acknowledged}</span>}
                      {item.exception && (
                        <span class="tag tag--exception">
                          {format(m.anotherWay.officer.exceptionTag, {
                            reason: m.anotherWay.officer.reasons[item.exception],
                          })}
                        </span>
                      )}
                    </p>
                    {!someoneElse && (
                      <button
                        type="button"
                        class="button button--primary queue__claim"
                        aria-disabled={claiming !== null ? "true" : undefined}
                        onClick={() => claimAndOpen(item)}
                      >
                        {mine ? t.open : t.claimAndOpen}
                        <span class="visually-hidden"> {name}</span>
                      </button>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
          {notSubmitted.length > 0 && (
            <section aria-labelledby="not-submitted-heading">
              <h2 id="not-submitted-heading">{t.notSubmittedHeading}</h2>
              <p>{t.notSubmittedIntro}</p>
              <ul class="queue">
                {notSubmitted.map((person) => (
                  <li key={person.id} class="queue__item">
                    <h3 class="queue__name">
                      <a href={`/review/persons/${person.id}?lang=${lang}`}>{fullName(person)}</a>
                    </h3>
                    <OfficerFacts
                      class="queue__facts"
                      facts={[
                        [t.applicationNumber, person.applicationNumber],
                        [t.uci, person.uci],
                      ]}
                    />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </>
  );
}
