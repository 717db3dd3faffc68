import { Link } from "../../components/link/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { PersonLoadFailed, PersonLoading } from "../../components/person-load/index.tsx";
import type { Lang, Messages } from "../../i18n/index.ts";
import { returnReasonText } from "../../../shared/photo/return-reasons.ts";
import type { PersonDetail, StatusEvent, StatusTimeline } from "../../lib/api.ts";
import { format, formatLongDate, fullName } from "../../lib/format.ts";
import { durationText } from "../../lib/service-standards.ts";
import type { StandardClock } from "../../../shared/service-standards/standards.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { isNotFound, useApi, type ApiLoad } from "../../lib/use-api.ts";
import { usePerson } from "../../lib/use-person.ts";
import NotFoundPage from "../not-found/index.tsx";

type T = Messages["status"];

/** `GET /api/persons/:id/status`, once per visit. */
function useTimeline(personId: number): ApiLoad<StatusTimeline> {
  return useApi<StatusTimeline>(`/api/persons/${personId}/status`);
}

/** `at` is an instant (ISO) or a calendar date (`YYYY-MM-DD`); both in the long form of the page language. */
function eventDate(at: string, lang: Lang): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return formatLongDate(at, lang);
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : formatLongDate(date, lang);
}

function eventTitle(event: StatusEvent, t: T): string {
  switch (event.type) {
    case "submitted":
      return event.kind === "photo_resubmission" ? t.events.resubmitted : t.events.submitted;
    case "photo_returned":
      return t.events.photoReturned;
    case "photo_accepted":
      return t.events.photoAccepted;
    case "pr_confirmed":
      return t.events.prConfirmed;
    case "card_produced":
      return t.events.cardProduced;
    case "card_mailed":
      return t.events.cardMailed;
  }
}

/** The e-CoPR to download, which one it replaced after a correction, and where to report an error in it (decision 027). */
function DownloadLink({
  personId,
  t,
  replaces,
}: {
  personId: number;
  t: T;
  replaces: StatusTimeline["ecoprReplaces"];
}) {
  const { m, lang } = useI18n();
  return (
    <>
      {replaces && (
        <p class="status-replaces">
          {format(t.replaces, {
            date: formatLongDate(replaces.issuedOn, lang, "UTC"),
            code: replaces.verificationCode,
          })}
        </p>
      )}
      <p>
        <a class="download-link" href={`/api/persons/${personId}/documents/ecopr`} download>
          {t.download}
        </a>
      </p>
      <p>
        <Link href={`/persons/${personId}/ecopr-correction`}>{m.ecoprCorrection.reportLink}</Link>
      </p>
    </>
  );
}

/** One step of the file: what happened, when, and what it means. */
function EventItem({
  event,
  personId,
  timeline,
  current,
}: {
  event: StatusEvent;
  personId: number;
  timeline: StatusTimeline;
  current: boolean;
}) {
  const { m, lang } = useI18n();
  const t = m.status;
  return (
    <li class={current ? "timeline__item timeline__item--current" : "timeline__item"}>
      <h3 class="timeline__title">{eventTitle(event, t)}</h3>
      <p class="timeline__date">
        <time dateTime={event.at}>{format(t.onDate, { date: eventDate(event.at, lang) })}</time>
      </p>
      {event.type === "submitted" && <p>{format(t.explain.submitted, { reference: event.reference })}</p>}
      {event.type === "photo_returned" && (
        <>
          <p>{t.explain.photoReturned}</p>
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
          {current && (
            <p>
              <Link href={`/persons/${personId}/photo`}>{t.uploadLink}</Link>
            </p>
          )}
        </>
      )}
      {event.type === "photo_accepted" && <p>{t.explain.photoAccepted}</p>}
      {event.type === "pr_confirmed" && (
        <>
          <p>{t.explain.prConfirmed}</p>
          {timeline.proofAvailable && <DownloadLink personId={personId} t={t} replaces={timeline.ecoprReplaces} />}
        </>
      )}
      {event.type === "card_produced" && <p>{t.explain.cardProduced}</p>}
      {event.type === "card_mailed" && <p>{t.explain.cardMailed}</p>}
    </li>
  );
}

/** "What comes next" for the latest step. */
function NextStep({ latest, personId, timeline }: { latest: StatusEvent; personId: number; timeline: StatusTimeline }) {
  const { m, lang } = useI18n();
  const t = m.status;
  const target = timeline.cardTargetDate
    ? format(t.next.target, { date: formatLongDate(timeline.cardTargetDate, lang) })
    : null;
  const cardPending = !timeline.events.some((e) => e.type === "card_produced" || e.type === "card_mailed");
  switch (latest.type) {
    case "submitted":
      return <p>{t.next.submitted}</p>;
    case "photo_returned":
      return (
        <>
          <p>{t.next.photoReturned}</p>
          <p>
            <Link href={`/persons/${personId}/photo`}>{t.uploadLink}</Link>
          </p>
        </>
      );
    case "photo_accepted":
      return (
        <>
          <p>{t.next.photoAccepted}</p>
          {target && <p>{target}</p>}
        </>
      );
    case "pr_confirmed":
      return (
        <>
          <p>{t.next.prConfirmed}</p>
          {target && cardPending && <p>{target}</p>}
          {timeline.proofAvailable && <DownloadLink personId={personId} t={t} replaces={timeline.ecoprReplaces} />}
        </>
      );
    case "card_produced":
      return <p>{t.next.cardProduced}</p>;
    case "card_mailed":
      return <p>{t.next.cardMailed}</p>;
  }
}

/**
 * The service standard of each step the portal owes the person now, and the
 * time it has taken so far, in plain words (decision 025). Nothing while the
 * next step is the applicant's own (a returned photo).
 */
function Clocks({ clocks }: { clocks: StandardClock[] }) {
  const { m } = useI18n();
  const t = m.status.clock;
  if (clocks.length === 0) return null;
  return (
    <div class="status-clocks">
      <h3 class="status-clocks__heading">{t.heading}</h3>
      {clocks.map((clock, index) => (
        <div key={`${clock.standard}-${index}`} class="status-clock">
          <p>
            {format(t.aim[clock.standard], { duration: durationText(m, clock.unit, clock.days) })}{" "}
            {clock.elapsed === 0
              ? clock.unit === "business"
                ? t.elapsedNoneBusiness
                : t.elapsedNoneCalendar
              : format(t.elapsed, { duration: durationText(m, clock.unit, clock.elapsed) })}
          </p>
          {clock.overdue && <p class="status-clock__overdue">{t.overdue}</p>}
        </div>
      ))}
      {clocks.some((c) => c.unit === "business") && (
        <p class="status-clocks__note">{m.serviceStandards.businessDaysNote}</p>
      )}
    </div>
  );
}

function StatusView({ person, timeline }: { person: PersonDetail; timeline: StatusTimeline }) {
  const { m } = useI18n();
  const t = m.status;
  const name = fullName(person);
  const heading = person.isSelf ? t.titleSelf : format(t.titleFor, { name });
  usePageTitle(heading);
  const events = timeline.events;
  const latest = events[events.length - 1];

  if (!latest) {
    return (
      <>
        <PageHeading>{heading}</PageHeading>
        <p class="lede">{person.isSelf ? t.notSubmittedSelf : format(t.notSubmittedFor, { name })}</p>
        <section class="notice notice--info status-next" aria-labelledby="status-next-heading">
          <h2 class="notice__heading" id="status-next-heading">
            {t.nextHeading}
          </h2>
          <p>{t.notSubmittedNext}</p>
          <p>
            <Link href="/home">{t.tasksLink}</Link>
          </p>
          <Clocks clocks={timeline.clocks} />
        </section>
      </>
    );
  }

  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <p class="lede">{person.isSelf ? t.intro : format(t.introFor, { name })}</p>
      <section class="notice notice--info status-next" aria-labelledby="status-next-heading">
        <h2 class="notice__heading" id="status-next-heading">
          {t.nextHeading}
        </h2>
        <NextStep latest={latest} personId={person.id} timeline={timeline} />
        <Clocks clocks={timeline.clocks} />
      </section>
      <h2>{t.timelineHeading}</h2>
      <ol class="timeline">
        {events.map((event, index) => (
          <EventItem
            key={`${event.type}-${index}`}
            event={event}
            personId={person.id}
            timeline={timeline}
            current={index === events.length - 1}
          />
        ))}
      </ol>
      {/* Until the card is made, the address can still change (decision 024); the page says when it no longer can. */}
      {!events.some((e) => e.type === "card_mailed") && (
        <p>
          <Link href={`/persons/${person.id}/address-change`}>{m.address.changeLink}</Link>
        </p>
      )}
      <p>
        <Link href="/home">{m.common.backToTasks}</Link>
      </p>
    </>
  );
}

/** `/persons/:id/status`: the steps of a person's file since they submitted, and what comes next. */
export default function StatusPage({ personId }: { personId: number }) {
  const { m } = useI18n();
  const load = usePerson(personId);
  const timelineLoad = useTimeline(personId);
  if (isNotFound(load) || isNotFound(timelineLoad)) return <NotFoundPage />;
  const failure = load.state === "failed" ? load.error : timelineLoad.state === "failed" ? timelineLoad.error : null;
  return (
    <div class="narrow">
      {failure && <PersonLoadFailed title={m.status.titleSelf} message={failure.message} />}
      {!failure && (load.state === "loading" || timelineLoad.state === "loading") && (
        <PersonLoading title={m.status.titleSelf} />
      )}
      {load.state === "loaded" && timelineLoad.state === "loaded" && (
        <StatusView person={load.data} timeline={timelineLoad.data} />
      )}
    </div>
  );
}
