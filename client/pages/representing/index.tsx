import { useState } from "preact/hooks";
import type { RepresentingOverview } from "../../../shared/api/representatives.ts";
import { Button } from "../../components/button/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { Loading } from "../../components/loading/index.tsx";
import { Notice } from "../../components/notice/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { PersonLoadFailed } from "../../components/person-load/index.tsx";
import { apiRequest } from "../../lib/api.ts";
import { setFlash } from "../../lib/flash.ts";
import { format, formatLongDate, fullName } from "../../lib/format.ts";
import { navigate } from "../../lib/router.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { isNotFound, useApi } from "../../lib/use-api.ts";
import NotFoundPage from "../not-found/index.tsx";
import { TaskStatuses } from "../represented-person/tasks.tsx";

/** Who is signed in, and the way out: the representative's session is not an applicant's, so the header does not show it. */
export function RepresentativeBar({ name, username }: { name: string; username: string }) {
  const { m, lang } = useI18n();
  const t = m.representing;
  const [busy, setBusy] = useState(false);
  async function signOut() {
    if (busy) return;
    setBusy(true);
    await apiRequest<void>("/api/auth/sign-out", { lang, method: "POST" });
    setFlash("signedOut");
    navigate("/sign-in");
  }
  return (
    <div class="representative-bar">
      <p>{format(t.signedInAs, { name, username })}</p>
      <Button type="button" variant="secondary" busy={busy} onClick={() => void signOut()}>
        {t.signOut}
      </Button>
    </div>
  );
}

/** `/representing`: the files a representative follows, read-only (decision 026). */
export default function RepresentingPage() {
  const { m, lang } = useI18n();
  const t = m.representing;
  const load = useApi<RepresentingOverview>("/api/representing");
  usePageTitle(t.title);
  if (isNotFound(load)) return <NotFoundPage />;
  if (load.state === "failed") return <PersonLoadFailed title={t.heading} message={load.error.message} />;
  if (load.state === "loading")
    return (
      <div class="narrow">
        <PageHeading>{t.heading}</PageHeading>
        <Loading />
      </div>
    );
  const { representative, persons } = load.data;
  return (
    <div class="narrow">
      <RepresentativeBar name={representative.name} username={representative.username} />
      <PageHeading>{t.heading}</PageHeading>
      <Notice kind="info">
        <p>{t.readOnly}</p>
      </Notice>
      {persons.length === 0 && <p>{t.none}</p>}
      {persons.map((person) => (
        <section key={person.id} class="representative" aria-labelledby={`person-${person.id}`}>
          <h2 id={`person-${person.id}`}>{fullName(person)}</h2>
          <p class="small">{format(t.since, { date: formatLongDate(new Date(person.since), lang) })}</p>
          <TaskStatuses tasks={person.tasks} headingLevel={3} />
          <p>
            <Link href={`/representing/persons/${person.id}`}>{format(t.statusLink, { name: fullName(person) })}</Link>
          </p>
        </section>
      ))}
    </div>
  );
}
