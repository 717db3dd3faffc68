import { useState } from "preact/hooks";
import { FilterForm, showFiltersInAddress } from "../../../components/filter-form/index.tsx";
import { SelectField } from "../../../components/select-field/index.tsx";
import { OfficerItemList, OfficerListItem } from "../../components/item-list/index.tsx";
import { PageHeading } from "../../../components/page-heading/index.tsx";
import { format, formatDateTime, formatLongDate, fullName } from "../../../lib/format.ts";
import { durationText } from "../../../lib/service-standards.ts";
import { FOLLOW_UP_STAGES, isFollowUpStage, type FollowUpStage } from "../../../../shared/api/review.ts";
import { reviewRequest, type FollowUpItem } from "../../api.ts";
import { useApi } from "../../../lib/use-api.ts";
import { AnotherWayRequests } from "./another-way.tsx";
import { useI18n } from "../../../lib/use-i18n.ts";
import { usePageTitle } from "../../../lib/use-page-title.ts";

function stageFromUrl(): FollowUpStage {
  const value = new URLSearchParams(location.search).get("stage");
  return isFollowUpStage(value) ? value : "confirm";
}

/**
 * `/review/follow-up`: the queue lists only photos waiting for a decision; this
 * lists everyone after it (PR status to confirm, card to mail), so no accepted
 * person is forgotten. Each links to the decision page, which offers what is left.
 */
export default function OfficerFollowUpPage() {
  const { m, lang } = useI18n();
  const t = m.officer.followUp;
  usePageTitle(t.title);
  const [stage, setStage] = useState<FollowUpStage>(stageFromUrl);
  const [applied, setApplied] = useState<FollowUpStage>(stage);
  // Requests for another way are their own list (decision 028).
  const load = useApi<{ items: FollowUpItem[] }>(
    applied === "another_way" ? null : `/review/api/follow-up?stage=${applied}`,
    { request: reviewRequest },
  );
  const items = load.state === "loaded" ? load.data.items : null;
  const problem = load.state === "failed" ? load.error.message : null;

  function apply() {
    showFiltersInAddress({ stage });
    setApplied(stage);
  }

  return (
    <>
      <PageHeading>{t.heading}</PageHeading>
      <p>{t.intro}</p>
      <FilterForm class="queue-filters" applyLabel={t.apply} onApply={apply}>
        <SelectField
          id="follow-up-stage"
          label={t.stageLabel}
          value={stage}
          onValue={(value) => setStage(value as FollowUpStage)}
          options={FOLLOW_UP_STAGES.map((s) => ({ value: s, label: t.stages[s] }))}
        />
      </FilterForm>

      {applied === "another_way" ? (
        <AnotherWayRequests />
      ) : (
        <OfficerItemList items={items} problem={problem} texts={t}>
          {(item) => (
            <OfficerListItem
              key={item.person.id}
              name={fullName(item.person)}
              href={`/review/items/${item.submissionId}?lang=${lang}`}
              facts={[
                [t.applicationNumber, item.applicationNumber],
                [t.uci, item.person.uci],
                [t.since[applied], formatDateTime(item.since, lang)],
                [
                  t.standard,
                  format(t.standardValue, {
                    elapsed: durationText(m, item.clock.unit, item.clock.elapsed),
                    date: formatLongDate(item.clock.dueOn, lang),
                  }),
                ],
                [
                  t.cardProduced,
                  applied === "card"
                    ? item.cardProducedAt
                      ? formatLongDate(item.cardProducedAt, lang)
                      : t.cardNotProduced
                    : null,
                ],
              ]}
              tags={item.clock.overdue ? [{ text: t.overdue, overdue: true }] : []}
            />
          )}
        </OfficerItemList>
      )}
    </>
  );
}
