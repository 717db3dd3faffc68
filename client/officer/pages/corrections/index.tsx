import { useState } from "preact/hooks";
import {
  CORRECTION_FIELD_LABELS,
  CORRECTION_LIST_STATUSES,
  type CorrectionListItem,
} from "../../../../shared/api/corrections.ts";
import { FilterForm, showFiltersInAddress } from "../../../components/filter-form/index.tsx";
import { Loading } from "../../../components/loading/index.tsx";
import { Notice } from "../../../components/notice/index.tsx";
import { PageHeading } from "../../../components/page-heading/index.tsx";
import { SelectField } from "../../../components/select-field/index.tsx";
import { format, formatDateTime, formatLongDate } from "../../../lib/format.ts";
import { durationText } from "../../../lib/service-standards.ts";
import { useApi } from "../../../lib/use-api.ts";
import { useI18n } from "../../../lib/use-i18n.ts";
import { usePageTitle } from "../../../lib/use-page-title.ts";
import { OfficerFacts } from "../../components/facts/index.tsx";
import { reviewRequest } from "../../api.ts";

type ListStatus = (typeof CORRECTION_LIST_STATUSES)[number];

function statusFromUrl(): ListStatus {
  const value = new URLSearchParams(location.search).get("status");
  return value === "decided" ? "decided" : "pending";
}

/**
 * `/review/corrections`: the reports of an error in an e-CoPR (decision 027), waiting ones oldest
 * first, or decided ones newest first. Each opens the person's corrections page, where it is decided.
 */
export default function OfficerCorrectionsPage() {
  const { m, lang } = useI18n();
  const t = m.officer.corrections;
  usePageTitle(t.title);
  const [status, setStatus] = useState<ListStatus>(statusFromUrl);
  const [applied, setApplied] = useState<ListStatus>(status);
  const load = useApi<{ items: CorrectionListItem[] }>(`/review/api/corrections?status=${applied}`, {
    request: reviewRequest,
  });
  const items = load.state === "loaded" ? load.data.items : null;
  const problem = load.state === "failed" ? load.error.message : null;

  return (
    <>
      <PageHeading>{t.heading}</PageHeading>
      <p>{t.intro}</p>
      <FilterForm
        class="queue-filters"
        applyLabel={t.apply}
        onApply={() => {
          showFiltersInAddress({ status });
          setApplied(status);
        }}
      >
        <SelectField
          id="corrections-status"
          label={t.statusLabel}
          value={status}
          onValue={(value) => setStatus(value === "decided" ? "decided" : "pending")}
          options={CORRECTION_LIST_STATUSES.map((s) => ({ value: s, label: t.statuses[s] }))}
        />
      </FilterForm>
      {problem && (
        <div class="notice notice--warning" role="alert">
          <p>{problem}</p>
        </div>
      )}
      {items === null ? (
        problem ? null : (
          <Loading />
        )
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
              {items.map((item) => (
                <li key={item.id} class="queue__item">
                  <h2 class="queue__name">
                    <a href={`/review/corrections/${item.personId}?lang=${lang}`}>{item.name}</a>
                  </h2>
                  <OfficerFacts
                    class="queue__facts"
                    facts={[
                      [t.applicationNumber, item.applicationNumber],
                      [t.uci, item.uci],
                      [t.field, CORRECTION_FIELD_LABELS[item.field][lang]],
                      [t.requestedAt, formatDateTime(item.requestedAt, lang)],
                      [
                        t.standard,
                        item.clock
                          ? format(t.standardValue, {
                              elapsed: durationText(m, item.clock.unit, item.clock.elapsed),
                              date: formatLongDate(item.clock.dueOn, lang),
                            })
                          : null,
                      ],
                      [t.decidedAt, item.decidedAt ? formatDateTime(item.decidedAt, lang) : null],
                    ]}
                  />
                  {(item.status !== "pending" || item.clock?.overdue) && (
                    <p class="queue__tags">
                      {item.status !== "pending" && <span class="tag">{t.decisions[item.status]}</span>}
                      {/* Past the corrections' standard (decision 025), in words, never colour alone. */}
                      {item.clock?.overdue && <span class="tag tag--overdue">{t.overdue}</span>}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </>
  );
}
