import { format, formatDateTime } from "../../../lib/format.ts";
import type { ReviewItem } from "../../api.ts";
import { useI18n } from "../../../lib/use-i18n.ts";

/** Every submission of this person, newest first, with the decisions made on each (earlier returns and their reasons). */
export function OfficerItemHistory({ item }: { item: ReviewItem }) {
  const { m, lang } = useI18n();
  const t = m.officer.history;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t.heading}</h2>
      <ol class="timeline officer-history">
        {item.history.map((entry) => (
          <li
            key={entry.submissionId}
            class={`timeline__item${entry.submissionId === item.submission.id ? " timeline__item--current" : ""}`}
          >
            <p class="timeline__title">
              {format(entry.kind === "initial" ? t.submitted : t.resubmitted, { reference: entry.reference })}
              {entry.submissionId === item.submission.id && <span class="tag">{t.thisOne}</span>}
            </p>
            <p class="timeline__date">{formatDateTime(entry.submittedAt, lang)}</p>
            {entry.decisions.map((decision, index) => (
              <div key={index} class="officer-history__decision">
                <p>
                  <strong>{t.decisions[decision.decision as keyof typeof t.decisions] ?? decision.decision}</strong>{" "}
                  {format(t.by, { officer: decision.officer, date: formatDateTime(decision.decidedAt, lang) })}
                </p>
                {decision.reasons.length > 0 && (
                  <ul>
                    {decision.reasons.map((reason) => (
                      <li key={reason}>{m.officer.reasons[reason as keyof typeof m.officer.reasons] ?? reason}</li>
                    ))}
                  </ul>
                )}
                {decision.note && (
                  <p class="timeline__note">
                    <span class="timeline__note-label">{t.note}</span> {decision.note}
                  </p>
                )}
              </div>
            ))}
            {entry.decisions.length === 0 && <p class="small">{t.noDecision}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
