import { useI18n } from "../../lib/use-i18n.ts";
import { Link } from "../link/index.tsx";

/**
 * The account page's way to the representatives page (decision 026). The page shows it only when
 * the account's answer says the operator allows representatives, so with REPRESENTATIVE_ACCESS off
 * nothing on the page mentions them and no request is made to a route that answers 404.
 */
export function RepresentativesLink() {
  const { m } = useI18n();
  const t = m.representatives;
  return (
    <>
      <h2>{t.accountSection}</h2>
      <p>
        <Link href="/representatives">{t.accountLink}</Link>
      </p>
    </>
  );
}
