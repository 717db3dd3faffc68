import type { RepresentedPersonStatus } from "../../../shared/api/representatives.ts";
import { Link } from "../../components/link/index.tsx";
import { Loading } from "../../components/loading/index.tsx";
import { Notice } from "../../components/notice/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { PersonLoadFailed } from "../../components/person-load/index.tsx";
import { returnReasonText } from "../../../shared/photo/return-reasons.ts";
import { format, formatLongDate, fullName } from "../../lib/format.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { isNotFound, useApi } from "../../lib/use-api.ts";
import NotFoundPage from "../not-found/index.tsx";
import { TaskStatuses } from "./tasks.tsx";

type StatusEvent = RepresentedPersonStatus["status"]["events"][number];

/** `at` is an instant or a calendar date (`YYYY-MM-DD`). */
function when(at: string, lang: "en" | "fr") {
  return /^\d{4}-\d{2}-\d{2}$/.test(at) ? formatLongDate(at, lang) : formatLongDate(new Date(at), lang);
}

function EventItem({ event }: { event: StatusEvent }) {
  const { m, lang } = useI18n();
  const t = m.status;
  const title =
    event.type === "submitted"
      ? event.kind === "photo_resubmission"
        ? t.events.resubmitted
        : t.events.submitted
      : {
          photo_returned: t.events.photoReturned,
          photo_accepted: t.events.photoAccepted,
          pr_confirmed: t.events.prConfirmed,
          card_produced: t.events.cardProduced,
          card_mailed: t.events.cardMailed,
        }[event.type];
  return (
    <li class="timeline__item">
      <h3 class="timeline__title">{title}</h3>
      <p class="timeline__date">
        <time dateTime={event.at}>{format(t.onDate, { date: when(event.at, lang) })}</time>
      </p>
      {event.type === "photo_returned" && (
        <>
          <ul>
            {event.reasons.map((reason) => (
              <li key={reason}>{returnReasonText(reason, lang)}</li>
            ))}
          </ul>
          {event.note && (
            <>
              <p class="timeline__note-label">{t.explain.noteLabel}</p>
              <blockquote class="timeline__note">{event.note}</blockquote>
            </>
          )}
        </>
      )}
    </li>
  );
}

/** `/representing/persons/:id`: one person's tasks, history and e-CoPR availability, read-only (decision 026). */
export default function RepresentedPersonPage({ personId }: { personId: number }) {
  const { m } = useI18n();
  const t = m.representing;
  const load = useApi<RepresentedPersonStatus>(`/api/representing/persons/${personId}`);
  const heading = load.state === "loaded" ? format(t.personHeading, { name: fullName(load.data) }) : t.title;
  usePageTitle(heading);
  if (isNotFound(load)) return <NotFoundPage />;
  if (load.state === "failed") return <PersonLoadFailed title={t.title} message={load.error.message} />;
  if (load.state === "loading")
    return (
      <div class="narrow">
        <PageHeading>{heading}</PageHeading>
        <Loading />
      </div>
    );
  const person = load.data;
  return (
    <div class="narrow">
      <PageHeading>{heading}</PageHeading>
      <Notice kind="info">
        <p>{t.readOnly}</p>
      </Notice>
      <TaskStatuses tasks={person.tasks} headingLevel={2} />
      <h2>{t.historyHeading}</h2>
      {person.status.events.length === 0 ? (
        <p>{t.noHistory}</p>
      ) : (
        <ol class="timeline">
          {person.status.events.map((event, i) => (
            <EventItem key={`${event.type}-${event.at}-${i}`} event={event} />
          ))}
        </ol>
      )}
      <p>{person.status.proofAvailable ? t.proofReady : t.proofNotReady}</p>
      <p>
        <Link href="/representing">{t.backToList}</Link>
      </p>
    </div>
  );
}
