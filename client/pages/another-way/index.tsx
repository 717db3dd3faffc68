import { AnotherWayForm } from "../../components/another-way/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { apiRequest } from "../../lib/api.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import type { AnotherWayReceived } from "../../../shared/api/another-way.ts";

/**
 * `/another-way`: the sign-in help's way to ask for another way, without signing in (decision 028).
 * The account's email ties the request to the person; the answer is the same whatever it matches,
 * and the "we got your request" email goes only to that account's confirmed address.
 */
export default function AnotherWayPage() {
  const { m, lang } = useI18n();
  const t = m.anotherWay.page;
  usePageTitle(t.title);
  return (
    <div class="narrow">
      <PageHeading>{t.heading}</PageHeading>
      <p class="lede">{t.intro}</p>
      <p>{t.noAccount}</p>
      <AnotherWayForm
        idPrefix="another-way"
        withEmail
        summary
        heading={false}
        send={(body) => apiRequest<AnotherWayReceived>("/api/another-way/sign-in-help", { lang, body })}
      />
      <p>
        <Link href="/sign-in">{t.backToSignIn}</Link>
      </p>
    </div>
  );
}
