import { Link } from "../../components/link/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";

/** Any path the app does not know. */
export default function NotFoundPage() {
  const { m } = useI18n();
  const t = m.notFound;
  usePageTitle(t.title);
  return (
    <div class="narrow">
      <PageHeading>{t.heading}</PageHeading>
      <p class="lede">{t.text}</p>
      <ul class="link-list">
        <li>
          <Link href="/">{t.infoLink}</Link>
        </li>
        <li>
          <Link href="/home">{t.homeLink}</Link>
        </li>
      </ul>
    </div>
  );
}
