import { useState } from "preact/hooks";
import { Link } from "../../components/link/index.tsx";
import { Panel } from "../../components/panel/index.tsx";
import { PersonLoading } from "../../components/person-load/index.tsx";
import type { PersonWithTasks } from "../../lib/api.ts";
import { format, fullName } from "../../lib/format.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { usePersons } from "../../lib/use-person.ts";
import NotFoundPage from "../not-found/index.tsx";
import { TASK_ORDER, TASK_PATHS } from "../../lib/tasks.ts";

/** One person whose documents are not submitted yet: their open tasks, each a link once it can start. */
function OpenPerson({ person }: { person: PersonWithTasks }) {
  const { m } = useI18n();
  const t = m.home;
  const name = fullName(person);
  const headingId = `open-person-${person.id}`;
  return (
    <li class="submitted-open__person">
      <h3 class="submitted-open__name" id={headingId}>
        {person.isSelf ? format(m.submitted.openYou, { name }) : name}
      </h3>
      <ul class="task-list" aria-labelledby={headingId}>
        {TASK_ORDER.filter((task) => person.tasks[task] !== "completed").map((task) => {
          const status = person.tasks[task];
          const label = person.isSelf ? t.tasks[task] : format(t.tasksFor[task], { name });
          const statusId = `open-${person.id}-${task}-status`;
          return (
            <li
              key={task}
              class={status === "cannot_start" ? "task-list__item" : "task-list__item task-list__item--link"}
            >
              <span class="task-list__name">
                {status === "cannot_start" ? (
                  label
                ) : (
                  <Link href={TASK_PATHS[task](person.id)} class="task-list__link" describedBy={statusId}>
                    {label}
                  </Link>
                )}
              </span>
              <span class="task-list__status" id={statusId}>
                <span class={`status status--${status.replace("_", "-")}`}>{t.statuses[status]}</span>
              </span>
            </li>
          );
        })}
      </ul>
    </li>
  );
}

/** For a family: who still has documents to submit, with links to their tasks; or that everyone is done. */
function FamilyProgress({ persons, personId }: { persons: PersonWithTasks[]; personId: number }) {
  const { m } = useI18n();
  const t = m.submitted;
  if (persons.length < 2) return null;
  const open = persons.filter((p) => p.id !== personId && p.tasks.submit !== "completed");
  if (open.length === 0) {
    return (
      <p class="submitted-open submitted-open--done">
        <strong>{t.allDone}</strong>
      </p>
    );
  }
  return (
    <section class="submitted-open" aria-labelledby="submitted-open-heading">
      <h2 id="submitted-open-heading">{t.openHeading}</h2>
      <p>{t.openIntro}</p>
      <ul class="submitted-open__people">
        {open.map((person) => (
          <OpenPerson key={person.id} person={person} />
        ))}
      </ul>
    </section>
  );
}

/**
 * `/persons/:id/submitted?ref=…`: the confirmation after "Submit documents",
 * naming whose documents they were, with the reference number, who on the
 * application still has tasks open (a principal must not think the whole
 * family is done), and what happens next. The reference comes from the
 * address, so a reload still shows it.
 */
export default function SubmittedPage({ personId }: { personId: number }) {
  const { m } = useI18n();
  const t = m.submitted;
  const [reference] = useState(() => new URLSearchParams(location.search).get("ref")?.trim() ?? "");
  const load = usePersons();
  const persons = load.state === "loaded" ? load.data.persons : null;
  const person = persons?.find((p) => p.id === personId) ?? null;
  // Without the names (the list could not load), the confirmation still stands, with the plain title.
  const heading = person ? (person.isSelf ? t.heading : format(t.headingFor, { name: fullName(person) })) : t.title;
  usePageTitle(heading);
  if (load.state === "loading") return <PersonLoading title={t.title} />;
  if (persons && !person) return <NotFoundPage />;
  return (
    <div class="narrow">
      <Panel heading={heading}>
        {reference ? (
          <p class="panel__reference">
            {t.referenceLabel}
            <br />
            <strong>{reference}</strong>
          </p>
        ) : (
          <p>{t.referenceMissing}</p>
        )}
      </Panel>
      <p>{t.next.email}</p>
      {persons && <FamilyProgress persons={persons} personId={personId} />}
      <h2>{t.nextHeading}</h2>
      <ul>
        <li>{t.next.review}</li>
        <li>{t.next.accepted}</li>
        <li>{t.next.returned}</li>
      </ul>
      <p>{t.next.follow}</p>
      <p>
        <Link href={`/persons/${personId}/status`}>{t.statusLink}</Link>
      </p>
      <p>
        <Link href="/home">{t.homeLink}</Link>
      </p>
    </div>
  );
}
