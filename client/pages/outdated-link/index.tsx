import { Link } from "../../components/link/index.tsx";
import { Panel } from "../../components/panel/index.tsx";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";

/**
 * An emailed link of the old form, its token in the path
 * (`/invitation/<token>`, `/reset-password/<token>`). Tokens now travel in
 * the fragment only; such a link gets a clear message and is never sent on
 * to the API.
 */
export default function OutdatedLinkPage({ kind }: { kind: "invitation" | "resetPassword" }) {
  const { m } = useI18n();
  const t = m.outdatedLink;
  usePageTitle(t.title);
  return (
    <div class="narrow">
      <Panel heading={t.heading} kind="warning">
        <p>{kind === "invitation" ? t.invitationText : t.resetText}</p>
      </Panel>
      {kind === "invitation" ? (
        <p>{m.common.helpContact}</p>
      ) : (
        <p>
          <Link href="/forgot-password" class="button button--primary">
            {t.newResetLink}
          </Link>
        </p>
      )}
      <p>
        <Link href="/">{m.notFound.infoLink}</Link>
      </p>
    </div>
  );
}
