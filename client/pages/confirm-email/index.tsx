import { useState } from "preact/hooks";
import { Button } from "../../components/button/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { Panel } from "../../components/panel/index.tsx";
import { apiRequest } from "../../lib/api.ts";
import type { ApiError } from "../../lib/request.ts";
import { tokenFromFragment } from "../../lib/fragment-token.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";

type State = { kind: "ready" } | { kind: "done" } | { kind: "failed"; error: ApiError };

/**
 * `/confirm-email#token=…`: the link sent to an address someone else typed
 * (e.g. an adult family member's). Opening the page changes nothing: the
 * person presses the button (a mail scanner following the link confirms
 * nothing), the token is posted from the fragment, and the account's
 * details are then emailed to the confirmed address.
 */
export default function ConfirmEmailPage() {
  const { m, lang } = useI18n();
  const t = m.confirmEmail;
  const [token] = useState(() => tokenFromFragment());
  const [state, setState] = useState<State>(() =>
    token
      ? { kind: "ready" }
      : { kind: "failed", error: { code: "email_confirmation_not_found", message: t.linkIncomplete } },
  );
  const [busy, setBusy] = useState(false);

  async function confirm(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    const result = await apiRequest<{ confirmed: true }>("/api/email-confirmations/confirm", { lang, body: { token } });
    setBusy(false);
    setState(result.ok ? { kind: "done" } : { kind: "failed", error: result.error });
  }

  if (state.kind === "done") return <Confirmed />;
  if (state.kind === "failed") return <LinkProblem error={state.error} />;
  return <ConfirmForm busy={busy} onSubmit={confirm} />;
}

function ConfirmForm({ busy, onSubmit }: { busy: boolean; onSubmit: (event: Event) => void }) {
  const t = useI18n().m.confirmEmail;
  usePageTitle(t.title);
  return (
    <div class="narrow">
      <PageHeading>{t.heading}</PageHeading>
      <p class="lede">{t.intro}</p>
      <form noValidate onSubmit={onSubmit}>
        <div class="form-actions">
          <Button busy={busy}>{t.submit}</Button>
        </div>
      </form>
    </div>
  );
}

function Confirmed() {
  const t = useI18n().m.confirmEmail;
  usePageTitle(t.doneTitle);
  return (
    <div class="narrow">
      <Panel heading={t.doneHeading}>
        <p>{t.doneText}</p>
      </Panel>
      <p>{t.doneNext}</p>
      <p>
        <Link href="/sign-in" class="button button--primary">
          {useI18n().m.resetPassword.signInLink}
        </Link>
      </p>
    </div>
  );
}

function LinkProblem({ error }: { error: ApiError }) {
  const { m } = useI18n();
  const t = m.confirmEmail;
  const heading =
    error.code === "email_confirmation_not_found"
      ? t.notFoundHeading
      : error.code === "email_confirmation_used"
        ? t.usedHeading
        : error.code === "email_confirmation_expired"
          ? t.expiredHeading
          : t.failedHeading;
  usePageTitle(heading);
  return (
    <div class="narrow">
      <Panel heading={heading} kind="warning">
        <p>{error.message}</p>
      </Panel>
      <p>{m.common.helpContact}</p>
      <p>
        <Link href="/">{m.notFound.infoLink}</Link>
      </p>
    </div>
  );
}
