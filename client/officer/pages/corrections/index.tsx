import { useState } from "preact/hooks";
import {
  CORRECTION_FIELD_LABELS,
  CORRECTION_LIST_STATUSES,
  type CorrectionListItem,
} from "../../../../shared/api/corrections.ts";
import { FilterForm, showFiltersInAddress } from "../../../components/filter-form/index.tsx";
import { PageHeading } from "../../../components/page-heading/index.tsx";
import { SelectField } from "../../../components/select-field/index.tsx";
import { format, formatDateTime, formatLongDate } from "../../../lib/format.ts";
import { durationText } from "../../../lib/service-standards.ts";
import { useApi } from "../../../lib/use-api.ts";
import { useI18n } from "../../../lib/use-i18n.ts";
import { usePageTitle } from "../../../lib/use-page-title.ts";
import { OfficerItemList, OfficerListItem } from "../../components/item-list/index.tsx";
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
      <OfficerItemList items={items} problem={problem} texts={t}>
        {(item) => (
          <OfficerListItem
            key={item.id}
            name={item.name}
            href={`/review/corrections/${item.personId}?lang=${lang}`}
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
            tags={[
              ...(item.status !== "pending" ? [{ text: t.decisions[item.status] }] : []),
              // Past the corrections' standard (decision 025), in words, never colour alone.
              ...(item.clock?.overdue ? [{ text: t.overdue, overdue: true }] : []),
            ]}
          />
        )}
      </OfficerItemList>
    </>
  );
}
