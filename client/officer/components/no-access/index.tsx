import { Link } from "../../../components/link/index.tsx";
import { PageHeading } from "../../../components/page-heading/index.tsx";
import { useI18n } from "../../../lib/use-i18n.ts";
import { usePageTitle } from "../../../lib/use-page-title.ts";

/** Shown to an officer on a supervisors' page: why, and where to go instead. */
export function OfficerNoAccess() {
  const { m } = useI18n();
  const t = m.officer.noAccess;
  usePageTitle(t.title);
  return (
    <div class="narrow">
      <PageHeading>{t.title}</PageHeading>
      <p>{t.why}</p>
      <p>{t.ask}</p>
      <p>
        <Link href="/review">{t.back}</Link>
      </p>
    </div>
  );
}
