import { useState } from "preact/hooks";
import { Loading } from "../../../components/loading/index.tsx";
import { Notice } from "../../../components/notice/index.tsx";
import { OfficerFacts } from "../../components/facts/index.tsx";
import { format, formatDateTime, fullName } from "../../../lib/format.ts";
import { useApi } from "../../../lib/use-api.ts";
import { useI18n } from "../../../lib/use-i18n.ts";
import { reviewRequest } from "../../api.ts";
import { uploadMailedPhoto } from "../../another-way-api.ts";
import type { AnotherWayItem, OutcomeRecorded } from "../../../../shared/api/another-way.ts";

/**
 * The follow-up list's third stage (decision 028): open requests for another way, each with what
 * the person asked and why, what was recorded so far, and the outcomes to record: contacted,
 * appointment set, or the scan of a photo received by mail (the same checks as an upload).
 */
export function AnotherWayRequests() {
  const { m } = useI18n();
  const t = m.anotherWay.officer;
  const [round, setRound] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const load = useApi<{ items: AnotherWayItem[] }>("/review/api/follow-up?stage=another_way", {
    request: reviewRequest,
    key: round,
  });
  if (load.state === "failed")
    return (
      <div class="notice notice--warning" role="alert">
        <p>{load.error.message}</p>
      </div>
    );
  if (load.state !== "loaded") return <Loading />;
  const items = load.data.items;
  return (
    <>
      <p>{t.intro}</p>
      <div aria-live="polite">
        {done && (
          <Notice kind="success">
            <p>{done}</p>
          </Notice>
        )}
      </div>
      <p class="queue-count" role="status">
        {items.length === 1 ? m.officer.followUp.countOne : format(m.officer.followUp.count, { count: items.length })}
      </p>
      {items.length === 0 ? (
        <Notice kind="info">
          <p>{m.officer.followUp.empty}</p>
        </Notice>
      ) : (
        <ol class="queue">
          {items.map((item) => (
            <AnotherWayRequest
              key={item.requestId}
              item={item}
              onRecorded={(name) => {
                setDone(format(t.recorded, { name }));
                setRound((n) => n + 1);
              }}
            />
          ))}
        </ol>
      )}
    </>
  );
}

function AnotherWayRequest({ item, onRecorded }: { item: AnotherWayItem; onRecorded: (name: string) => void }) {
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
    <li class="queue__item another-way-item">
      <h2 class="queue__name">{name}</h2>
      <OfficerFacts
        class="queue__facts"
        facts={[
          [m.officer.followUp.applicationNumber, item.applicationNumber],
          [m.officer.followUp.uci, item.person.uci],
          [t.kindLabel, t.kinds[item.kind]],
          [t.sourceLabel, t.sources[item.source]],
          [m.officer.followUp.since.another_way, formatDateTime(item.createdAt, lang)],
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
      />
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
      {item.submissionId !== null && (
        <p>
          <a href={`/review/items/${item.submissionId}?lang=${lang}`}>{t.openDecision}</a>
        </p>
      )}
    </li>
  );
}
