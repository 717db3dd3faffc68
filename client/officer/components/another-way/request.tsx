import { useState } from "preact/hooks";
import { format, formatDateTime, formatLongDate, fullName } from "../../../lib/format.ts";
import { durationText } from "../../../lib/service-standards.ts";
import { useI18n } from "../../../lib/use-i18n.ts";
import { reviewRequest } from "../../api.ts";
import { uploadMailedPhoto } from "../../another-way-api.ts";
import { OfficerListItem } from "../item-list/index.tsx";
import type { AnotherWayItem, OutcomeRecorded } from "../../../../shared/api/another-way.ts";

/**
 * One open request for another way (decision 028), on the follow-up list and on the person's decision
 * page: what the person asked and why, its service standard until first answered (decision 025), what
 * was recorded so far, and the outcomes to record: contacted, appointment set, or the scan of a photo
 * received by mail (the same checks as an upload).
 */
export function AnotherWayRequest({
  item,
  onRecorded,
  onDecisionPage = false,
}: {
  item: AnotherWayItem;
  onRecorded: (name: string) => void;
  /** On the person's decision page: the name is a level-3 heading and no link leads to the page itself. */
  onDecisionPage?: boolean;
}) {
  const { m, lang } = useI18n();
  const t = m.anotherWay.officer;
  const name = fullName(item.person);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; checks: string[] } | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const scanId = `scan-${item.requestId}`;
  const problemId = `scan-problem-${item.requestId}`;

  async function record(outcome: "contacted" | "appointment_set") {
    if (busy) return;
    setBusy(true);
    const result = await reviewRequest<OutcomeRecorded>(`/review/api/another-way/${item.requestId}/outcome`, {
      lang,
      body: { outcome },
    });
    setBusy(false);
    if (result.ok) onRecorded(name);
    else setProblem({ message: result.error.message, checks: [] });
  }

  async function upload(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (!file) {
      setProblem({ message: t.scanRequired, checks: [] });
      document.getElementById(scanId)?.focus();
      return;
    }
    setBusy(true);
    const result = await uploadMailedPhoto(item.requestId, file, lang);
    setBusy(false);
    if (result.ok) onRecorded(name);
    else
      setProblem({
        message: result.error.message,
        checks: result.checks.filter((c) => c.verdict === "fail").map((c) => c.message),
      });
  }

  return (
    <OfficerListItem
      class="another-way-item"
      name={name}
      href={null}
      level={onDecisionPage ? 3 : 2}
      tags={item.clock?.overdue ? [{ text: m.officer.followUp.overdue, overdue: true }] : []}
      facts={[
        [m.officer.followUp.applicationNumber, item.applicationNumber],
        [m.officer.followUp.uci, item.person.uci],
        [t.kindLabel, t.kinds[item.kind]],
        [t.sourceLabel, t.sources[item.source]],
        [m.officer.followUp.since.another_way, formatDateTime(item.createdAt, lang)],
        [
          m.officer.followUp.standard,
          item.clock
            ? format(m.officer.followUp.standardValue, {
                elapsed: durationText(m, item.clock.unit, item.clock.elapsed),
                date: formatLongDate(item.clock.dueOn, lang),
              })
            : t.answered,
        ],
        [t.reasonLabel, <span class="verbatim">{item.reason}</span>],
        [
          t.outcomesLabel,
          item.outcomes.length === 0 ? (
            t.noOutcome
          ) : (
            <ul class="plain-list">
              {item.outcomes.map((o) => (
                <li key={`${o.outcome}-${o.recordedAt}`}>
                  {format(t.outcomeLine, {
                    outcome: t.outcomes[o.outcome],
                    date: formatDateTime(o.recordedAt, lang),
                    officer: o.officer,
                  })}
                </li>
              ))}
            </ul>
          ),
        ],
      ]}
    >
      {problem && (
        <div class="notice notice--warning" role="alert" id={problemId}>
          <p>{problem.checks.length ? t.scanFailed : problem.message}</p>
          {problem.checks.length > 0 && (
            <ul>
              {problem.checks.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <div class="form-actions">
        <button
          type="button"
          class="button button--secondary"
          aria-disabled={busy ? "true" : undefined}
          onClick={() => record("contacted")}
        >
          {t.recordContacted}
        </button>
        <button
          type="button"
          class="button button--secondary"
          aria-disabled={busy ? "true" : undefined}
          onClick={() => record("appointment_set")}
        >
          {t.recordAppointment}
        </button>
      </div>
      {item.photoOpen ? (
        <form noValidate onSubmit={upload} class="another-way-scan">
          <div class="field">
            <label class="field__label" for={scanId}>
              {t.scanLabel}
            </label>
            <div class="field__hint" id={`${scanId}-hint`}>
              {t.scanHint}
            </div>
            <input
              id={scanId}
              class="file-input"
              type="file"
              accept="image/jpeg,image/png"
              aria-describedby={problem ? `${scanId}-hint ${problemId}` : `${scanId}-hint`}
              onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
            />
          </div>
          <div class="form-actions">
            <button type="submit" class="button button--primary" aria-disabled={busy ? "true" : undefined}>
              {t.uploadScan}
            </button>
          </div>
        </form>
      ) : (
        <p class="small">{t.photoClosed}</p>
      )}
      {item.submissionId !== null && !onDecisionPage && (
        <p>
          <a href={`/review/items/${item.submissionId}?lang=${lang}`}>{t.openDecision}</a>
        </p>
      )}
    </OfficerListItem>
  );
}
