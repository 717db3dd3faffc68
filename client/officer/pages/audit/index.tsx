import { useState } from "preact/hooks";
import { FilterForm, showFiltersInAddress } from "../../../components/filter-form/index.tsx";
import { SelectField } from "../../../components/select-field/index.tsx";
import { TextField } from "../../../components/text-field/index.tsx";
import { Loading } from "../../../components/loading/index.tsx";
import { Notice } from "../../../components/notice/index.tsx";
import { PageHeading } from "../../../components/page-heading/index.tsx";
import { format } from "../../../lib/format.ts";
import { reviewRequest, type AuditEntry } from "../../api.ts";
import { useApi } from "../../../lib/use-api.ts";
import { useI18n } from "../../../lib/use-i18n.ts";
import { usePageTitle } from "../../../lib/use-page-title.ts";

const FILTER_NAMES = ["actorKind", "actorId", "action", "subjectKind", "subjectId", "from", "to"] as const;
type Filters = Record<(typeof FILTER_NAMES)[number], string>;
const ACTOR_KINDS = ["", "officer", "admin", "applicant", "system"] as const;

function filtersFromUrl(): Filters {
  const query = new URLSearchParams(location.search);
  return Object.fromEntries(FILTER_NAMES.map((name) => [name, query.get(name) ?? ""])) as Filters;
}

/** Audit times to the second, in UTC like the log itself: "2026-11-23 20:15:03 UTC". */
function auditTime(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** Details are small JSON objects; shown as `key: value` pairs, nothing for `{}`. */
function describeDetails(details: unknown): string {
  if (details === null || typeof details !== "object") return "";
  return Object.entries(details as Record<string, unknown>)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
    .join("; ");
}

/**
 * `/review/audit` (supervisors): the append-only audit log, newest first,
 * filtered by who, what, the subject and dates. The filters live in the
 * address, so a filtered view can be shared with another supervisor.
 */
export default function OfficerAuditPage() {
  const { m } = useI18n();
  const t = m.officer.audit;
  usePageTitle(t.title);
  const [filters, setFilters] = useState<Filters>(filtersFromUrl);
  const [applied, setApplied] = useState<Filters>(filters);
  const query = new URLSearchParams();
  for (const name of FILTER_NAMES) if (applied[name].trim()) query.set(name, applied[name].trim());
  // Keyed by the applied filters themselves: "Apply" asks again even when they did not change.
  const load = useApi<{ entries: AuditEntry[] }>(`/review/api/audit?${query}`, {
    request: reviewRequest,
    key: applied,
  });
  const entries = load.state === "loaded" ? load.data.entries : null;
  const problem = load.state === "failed" ? load.error.message : null;

  function apply() {
    showFiltersInAddress(Object.fromEntries(FILTER_NAMES.map((name) => [name, filters[name]])));
    setApplied({ ...filters });
  }

  const text = (name: Exclude<(typeof FILTER_NAMES)[number], "actorKind">, hint?: string) => (
    <TextField
      id={`audit-${name}`}
      label={t.filters[name]}
      hint={hint}
      width="short"
      verbatim
      value={filters[name]}
      onValue={(value) => setFilters({ ...filters, [name]: value })}
    />
  );

  return (
    <>
      <PageHeading>{t.heading}</PageHeading>
      <p>{t.intro}</p>
      <FilterForm class="audit-filters" label={t.filtersLabel} applyLabel={t.apply} onApply={apply}>
        <SelectField
          id="audit-actorKind"
          label={t.filters.actorKind}
          value={filters.actorKind}
          onValue={(value) => setFilters({ ...filters, actorKind: value })}
          placeholder={t.anyActor}
          options={ACTOR_KINDS.filter((kind) => kind !== "").map((kind) => ({
            value: kind,
            label: t.actorKinds[kind],
          }))}
        />
        {text("actorId")}
        {text("action", t.actionHint)}
        {text("subjectKind")}
        {text("subjectId")}
        {text("from", t.dateHint)}
        {text("to", t.dateHint)}
      </FilterForm>

      {problem && (
        <Notice kind="warning">
          <p>{problem}</p>
        </Notice>
      )}
      {entries === null && !problem && <Loading />}
      {entries !== null && (
        <>
          <p role="status">{entries.length === 1 ? t.countOne : format(t.count, { count: entries.length })}</p>
          {entries.length > 0 && (
            <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="audit-caption">
              <table class="data-table">
                <caption id="audit-caption" class="visually-hidden">
                  {t.caption}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t.columns.when}</th>
                    <th scope="col">{t.columns.who}</th>
                    <th scope="col">{t.columns.action}</th>
                    <th scope="col">{t.columns.subject}</th>
                    <th scope="col">{t.columns.details}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry) => (
                    <tr key={entry.id}>
                      <td class="data-table__when">
                        <time dateTime={entry.createdAt}>{auditTime(entry.createdAt)}</time>
                      </td>
                      <td>
                        {t.actorKinds[entry.actorKind]} {entry.actorId ?? ""}
                      </td>
                      <td>
                        <code>{entry.action}</code>
                      </td>
                      <td>{entry.subjectKind ? `${entry.subjectKind} ${entry.subjectId ?? ""}` : "—"}</td>
                      <td class="data-table__details">
                        {describeDetails(entry.details)}
                        {entry.ip && <span class="data-table__ip">{format(t.ip, { ip: entry.ip })}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}
