import type { RepresentativeList } from "../../../shared/api/representatives.ts";
import { useApi } from "../../lib/use-api.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { Link } from "../link/index.tsx";

/**
 * The account page's way to the representatives page (decision 026): shown only when the worker
 * answers the list, so a deployment with REPRESENTATIVE_ACCESS off (a 404) shows nothing at all.
 */
export function RepresentativesLink() {
  const { m } = useI18n();
  const load = useApi<RepresentativeList>("/api/representatives");
  if (load.state !== "loaded") return null;
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
