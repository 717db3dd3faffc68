import { useEffect, useState } from "preact/hooks";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { Loading } from "../../components/loading/index.tsx";
import { Notice } from "../../components/notice/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import type { Messages } from "../../i18n/index.ts";
import { apiRequest, type PersonWithTasks, type Session, type TaskStatus } from "../../lib/api.ts";
import { takeFlash, takeFlashParams, type FlashParams } from "../../lib/flash.ts";
import { format, formatParts, fullName } from "../../lib/format.ts";
import { navigate } from "../../lib/router.ts";
import { errorsFromApi, useFormErrors } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { TASK_ORDER, TASK_PATHS, type TaskName } from "../../lib/tasks.ts";

type SignedIn = Extract<Session, { signedIn: true }>;
/** The success notice a task page left for this visit, if any (its text follows the language). */
interface SavedNotices {
  passwordSaved: boolean;
  presenceDeclared: FlashParams | null;
  addressSaved: FlashParams | null;
  photoSaved: FlashParams | null;
}

function savedNoticeTexts(t: Messages["home"], saved: SavedNotices): string[] {
  const texts: string[] = [];
  if (saved.passwordSaved) texts.push(t.passwordSaved);
  const presence = saved.presenceDeclared;
  if (presence)
    texts.push(presence.name === undefined ? t.presenceDeclaredSelf : format(t.presenceDeclaredFor, presence));
  const address = saved.addressSaved;
  if (address) {
    if (address.count !== undefined) texts.push(format(t.addressSavedMany, address));
    else texts.push(address.name === undefined ? t.addressSavedSelf : format(t.addressSavedFor, address));
  }
  const photo = saved.photoSaved;
  if (photo) texts.push(photo.name === undefined ? t.photoSavedSelf : format(t.photoSavedFor, photo));
  return texts;
}

function TaskItem({ person, task, status }: { person: PersonWithTasks; task: TaskName; status: TaskStatus }) {
  const { m } = useI18n();
  const t = m.home;
  const label = person.isSelf ? t.tasks[task] : format(t.tasksFor[task], { name: fullName(person) });
  const statusId = `person-${person.id}-${task}-status`;
  const path = status === "cannot_start" ? undefined : TASK_PATHS[task](person.id);
  return (
    <li class={path ? "task-list__item task-list__item--link" : "task-list__item"}>
      <span class="task-list__name">
        {path ? (
          <Link href={path} class="task-list__link" describedBy={statusId}>
            {label}
          </Link>
        ) : (
          label
        )}
      </span>
      <span class="task-list__status" id={statusId}>
        <span class={`status status--${status.replace("_", "-")}`}>{t.statuses[status]}</span>
      </span>
    </li>
  );
}

/** One person's four tasks, under their name. */
function PersonTaskList({ person }: { person: PersonWithTasks }) {
  const { m } = useI18n();
  const t = m.home;
  const headingId = `person-${person.id}-heading`;
  return (
    <section class="task-group" aria-labelledby={headingId}>
      <h2 class="task-group__heading" id={headingId}>
        {fullName(person)}{" "}
        <span class={person.isSelf ? "tag tag--self" : "tag"}>{person.isSelf ? t.you : t.familyMember}</span>
      </h2>
      <ul class="task-list">
        {TASK_ORDER.map((task) => (
          <TaskItem key={task} person={person} task={task} status={person.tasks[task]} />
        ))}
      </ul>
      {(person.tasks.submit === "completed" || person.tasks.photo === "returned") && (
        <p class="task-group__status-link">
          <Link href={`/persons/${person.id}/status`}>
            {m.status.seeStatus}
            <span class="visually-hidden">
              {" "}
              {person.isSelf
                ? m.status.seeStatusHiddenSelf
                : format(m.status.seeStatusHiddenFor, { name: fullName(person) })}
            </span>
          </Link>
        </p>
      )}
    </section>
  );
}

/**
 * `/home`: the Permanent Residence Confirmation tab. For each person the
 * account acts for, the four tasks with a plain status; then what the portal
 * is not. "Your account" and "Sign out" are in the header (SiteHeader).
 */
export default function HomePage() {
  const { m, lang } = useI18n();
  const t = m.home;
  const [session, setSession] = useState<SignedIn | null>(null);
  const [persons, setPersons] = useState<PersonWithTasks[] | null>(null);
  const [saved] = useState<SavedNotices>(() => ({
    passwordSaved: takeFlash("passwordSaved"),
    presenceDeclared: takeFlashParams("presenceDeclared"),
    addressSaved: takeFlashParams("addressSaved"),
    photoSaved: takeFlashParams("photoSaved"),
  }));
  const form = useFormErrors();
  usePageTitle(t.title, form.errors.length > 0);

  useEffect(() => {
    let live = true;
    void (async () => {
      const sessionResult = await apiRequest<Session>("/api/session", { lang });
      if (!live) return;
      if (!sessionResult.ok) {
        form.show(errorsFromApi(sessionResult.error));
        return;
      }
      if (!sessionResult.data.signedIn) {
        navigate("/sign-in", { replace: true });
        return;
      }
      if (sessionResult.data.account.mustSetPassword) {
        navigate("/set-password", { replace: true });
        return;
      }
      setSession(sessionResult.data);
      const personsResult = await apiRequest<{ persons: PersonWithTasks[] }>("/api/persons", { lang });
      if (!live) return;
      if (personsResult.ok) setPersons(personsResult.data.persons);
      else form.show(errorsFromApi(personsResult.error));
    })();
    return () => {
      live = false;
    };
  }, []);

  const failed = form.errors.length > 0;
  const notices = session ? savedNoticeTexts(t, saved) : [];

  // One tree for every state, so what is shown before the data stays the same element after it.
  // As prerendered (decision 023): the heading and the introduction where they will stay, the
  // greeting's line held empty and the list's place held by the loading state, so the page's largest
  // text is painted before any script runs and nothing moves when the data comes.
  return (
    <div class="narrow">
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={() => undefined} />
      <PageHeading>{t.heading}</PageHeading>
      {notices.length > 0 && (
        <Notice kind="success">
          {notices.map((text) => (
            <p key={text}>{text}</p>
          ))}
        </Notice>
      )}
      {(session || !failed) && (
        <p class="lede">{session ? format(t.greeting, { name: session.account.name }) : "\u00a0"}</p>
      )}

      {persons === null ? (
        failed ? (
          session && <p>{t.loadFailed}</p>
        ) : (
          <>
            <p>{t.intro}</p>
            <Loading />
          </>
        )
      ) : (
        <>
          <p>{t.intro}</p>
          {persons.map((person) => (
            <PersonTaskList key={person.id} person={person} />
          ))}
        </>
      )}

      {session && (
        <>
          <h2>{t.notFor.heading}</h2>
          <ul>
            <li>{t.notFor.status}</li>
            <li>{formatParts(t.notFor.renew, { link: <a href={t.notFor.renewHref}>{t.notFor.renewLink}</a> })}</li>
            <li>{t.notFor.help}</li>
          </ul>
        </>
      )}
    </div>
  );
}
