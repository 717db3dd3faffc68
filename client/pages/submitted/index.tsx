import { useState } from "preact/hooks";
import { Link } from "../../components/link/index.tsx";
import { Panel } from "../../components/panel/index.tsx";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";

/**
 * `/persons/:id/submitted?ref=…`: the confirmation after "Submit documents",
 * with the reference number and what happens next. The reference comes from
 * the address, so a reload still shows it.
 */
export default function SubmittedPage({ personId }: { personId: number }) {
  const { m } = useI18n();
  const t = m.submitted;
  const [reference] = useState(() => new URLSearchParams(location.search).get("ref")?.trim() ?? "");
  usePageTitle(t.title);
  return (
    <div class="narrow">
      <Panel heading={t.heading}>
        {reference ? (
          <p class="panel__reference">
            {t.referenceLabel}
            <br />
            <strong>{reference}</strong>
          </p>
        ) : (
          <p>{t.referenceMissing}</p>
        )}
      </Panel>
      <p>{t.next.email}</p>
      <h2>{t.nextHeading}</h2>
      <ul>
        <li>{t.next.review}</li>
        <li>{t.next.accepted}</li>
        <li>{t.next.returned}</li>
      </ul>
      <p>{t.next.follow}</p>
      <p>
        <Link href={`/persons/${personId}/status`}>{t.statusLink}</Link>
      </p>
      <p>
        <Link href="/home">{t.homeLink}</Link>
      </p>
    </div>
  );
}
