import { useEffect, useState } from "preact/hooks";
import { Link } from "../../../components/link/index.tsx";
import { Loading } from "../../../components/loading/index.tsx";
import { Notice } from "../../../components/notice/index.tsx";
import { PageHeading } from "../../../components/page-heading/index.tsx";
import { format, formatLongDate, fullName } from "../../../lib/format.ts";
import { useI18n } from "../../../lib/use-i18n.ts";
import { usePageTitle } from "../../../lib/use-page-title.ts";
import { OfficerAnotherWay } from "../../components/another-way/person-follow-up.tsx";
import { OfficerFacts } from "../../components/facts/index.tsx";
import { type OfficerPerson, reviewRequest } from "../../api.ts";

const TASKS = ["presence", "address", "photo", "submit"] as const;

/**
 * `/review/persons/:id`: any imported person, found by the queue's search (decision 028). For
 * someone who never submitted (who phoned, wrote, or mailed a photo) it says so, shows their
 * tasks, and offers the decision page's follow-up section; there is nothing to decide, so no
 * decision. A person who did submit is sent on to their decision page by a link.
 */
export default function OfficerPersonPage({ personId }: { personId: number }) {
  const { m, lang } = useI18n();
  const t = m.officer.person;
  const facts = m.officer.item;
  const [found, setFound] = useState<OfficerPerson | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  usePageTitle(found ? fullName(found.person) : t.titleLoading);

  // Loaded again after an outcome, keeping the page (and the follow-up's message) in place meanwhile.
  async function load() {
    const result = await reviewRequest<OfficerPerson>(`/review/api/persons/${personId}`, { lang });
    if (result.ok) setFound(result.data);
    else setLoadProblem(result.error.message);
  }

  useEffect(() => {
    load();
  }, [personId]);

  const back = (
    <p class="back-link">
      <Link href="/review">{facts.back}</Link>
    </p>
  );
  if (loadProblem) {
    return (
      <>
        {back}
        <PageHeading>{t.titleLoading}</PageHeading>
        <Notice kind="warning">
          <p>{loadProblem}</p>
        </Notice>
      </>
    );
  }
  if (!found) return <Loading />;
  const name = fullName(found.person);

  return (
    <>
      {back}
      <PageHeading>{name}</PageHeading>
      {found.submissionId === null ? (
        <Notice kind="info">
          <h2 class="notice__heading">{t.notSubmittedHeading}</h2>
          <p>{format(t.notSubmitted, { name })}</p>
        </Notice>
      ) : (
        <Notice kind="info">
          <p>{format(t.submitted, { name })}</p>
          <p>
            <Link href={`/review/items/${found.submissionId}`}>{t.openDecision}</Link>
          </p>
        </Notice>
      )}
      <OfficerFacts
        class="facts officer-facts"
        facts={[
          [facts.applicationNumber, found.applicationNumber],
          [facts.uci, found.person.uci],
          [facts.dateOfBirth, formatLongDate(found.person.dateOfBirth, lang, "UTC")],
          [facts.role, facts.roles[found.person.role]],
          [facts.language, facts.languages[found.person.language]],
        ]}
      />
      <section aria-labelledby="tasks-heading">
        <h2 id="tasks-heading">{t.tasksHeading}</h2>
        <OfficerFacts
          class="facts officer-facts"
          facts={TASKS.map((task) => [
            t.tasks[task],
            <span key={task} class={`status status--${found.tasks[task].replace("_", "-")}`}>
              {m.home.statuses[found.tasks[task]]}
            </span>,
          ])}
        />
      </section>
      {/* The same follow-up as on the decision page; an outcome may complete the photo task, so reload. */}
      <OfficerAnotherWay personId={found.person.id} onRecorded={load} />
    </>
  );
}
