import { useEffect, useState } from "preact/hooks";
import { Button } from "../../components/button/index.tsx";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { Loading } from "../../components/loading/index.tsx";
import { Notice } from "../../components/notice/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { apiRequest, type Session } from "../../lib/api.ts";
import { setFlash, takeFlash } from "../../lib/flash.ts";
import { format, fullName } from "../../lib/format.ts";
import { navigate } from "../../lib/router.ts";
import { errorsFromApi, useFormErrors } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";

type SignedIn = Extract<Session, { signedIn: true }>;

/**
 * `/home`: the signed-in start page. Who the account acts for, and the steps
 * ahead. (The task list with statuses comes with the tasks themselves.)
 */
export default function HomePage() {
  const { m, lang } = useI18n();
  const t = m.home;
  const [session, setSession] = useState<SignedIn | null>(null);
  const [passwordSaved] = useState(() => takeFlash("passwordSaved"));
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  usePageTitle(t.title, form.errors.length > 0);

  useEffect(() => {
    let live = true;
    void apiRequest<Session>("/api/session", { lang }).then((result) => {
      if (!live) return;
      if (!result.ok) {
        form.show(errorsFromApi(result.error));
      } else if (!result.data.signedIn) {
        navigate("/sign-in", { replace: true });
      } else if (result.data.account.mustSetPassword) {
        navigate("/set-password", { replace: true });
      } else {
        setSession(result.data);
      }
    });
    return () => {
      live = false;
    };
  }, []);

  async function signOut() {
    if (busy) return;
    setBusy(true);
    const result = await apiRequest<void>("/api/auth/sign-out", { lang, method: "POST" });
    setBusy(false);
    if (result.ok || result.error.code === "not_signed_in") {
      setFlash("signedOut");
      navigate("/sign-in");
      return;
    }
    form.show(errorsFromApi(result.error));
  }

  if (!session) {
    return (
      <div class="narrow">
        <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={() => undefined} />
        <PageHeading>{t.heading}</PageHeading>
        {form.errors.length === 0 && <Loading />}
      </div>
    );
  }

  return (
    <div class="narrow">
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={() => undefined} />
      <PageHeading>{t.heading}</PageHeading>
      {passwordSaved && (
        <Notice kind="success">
          <p>{t.passwordSaved}</p>
        </Notice>
      )}
      <p class="lede">{format(t.greeting, { username: session.account.username })}</p>

      <h2>{t.peopleHeading}</h2>
      <p>{t.peopleIntro}</p>
      <ul class="people people--summary">
        {session.persons.map((person) => (
          <li class="person" key={person.id}>
            <span class="person__name">{fullName(person)}</span>{" "}
            <span class={person.isSelf ? "tag tag--self" : "tag"}>{person.isSelf ? t.you : t.familyMember}</span>
          </li>
        ))}
      </ul>

      <h2>{t.stepsHeading}</h2>
      <p>{t.stepsIntro}</p>
      <ol class="steps">
        {Object.entries(t.steps).map(([key, text]) => (
          <li key={key}>{text}</li>
        ))}
      </ol>

      <div class="form-actions">
        <Button type="button" variant="secondary" busy={busy} onClick={() => void signOut()}>
          {t.signOut}
        </Button>
      </div>
    </div>
  );
}
