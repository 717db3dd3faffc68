import { LICENCE_BODIES, type LicenceBody } from "../../../../shared/api/representatives.ts";
import { format, formatLongDate } from "../../../lib/format.ts";
import { useI18n } from "../../../lib/use-i18n.ts";
import type { ReviewItem } from "../../api.ts";

/**
 * The representatives the applicant gave access to, with a paid one's licence body and number
 * (decision 026). Nothing at all when there are none, or while REPRESENTATIVE_ACCESS is off (the
 * answer then has no `representatives`).
 */
export function OfficerRepresentatives({ item }: { item: ReviewItem }) {
  const { m, lang } = useI18n();
  const t = m.representatives;
  if (!item.representatives?.length) return null;
  return (
    <section aria-labelledby="representatives-heading">
      <h2 id="representatives-heading">{t.officer.heading}</h2>
      <p>{t.officer.intro}</p>
      <ul>
        {item.representatives.map((r) => {
          const body = r.licenceBody && Object.hasOwn(LICENCE_BODIES, r.licenceBody) ? r.licenceBody : null;
          return (
            <li key={`${r.name}-${r.since}`}>
              <strong>{r.name}</strong>, {t.kinds[r.kind]}
              {body && r.licenceNumber
                ? ` — ${format(t.officer.licence, { body: LICENCE_BODIES[body as LicenceBody][lang], number: r.licenceNumber })}`
                : ""}{" "}
              ({format(t.officer.since, { date: formatLongDate(new Date(r.since), lang) })})
            </li>
          );
        })}
      </ul>
    </section>
  );
}
