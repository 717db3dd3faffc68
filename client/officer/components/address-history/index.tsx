import { format, formatLongDate } from "../../../lib/format.ts";
import type { ReviewItem } from "../../api.ts";
import { useI18n } from "../../../lib/use-i18n.ts";

type Lines = Partial<
  Record<"unit" | "streetNumber" | "streetName" | "city" | "province" | "postalCode", string | null>
>;

function AddressLines({ address }: { address: Lines }) {
  return (
    <>
      <span class="address-line">
        {address.unit
          ? `${address.unit}-${address.streetNumber} ${address.streetName}`
          : `${address.streetNumber ?? ""} ${address.streetName ?? ""}`}
      </span>
      <span class="address-line">
        {address.city} {address.province} {address.postalCode}
      </span>
    </>
  );
}

/**
 * The mailing address the card goes to (the newest one given) and, when the applicant changed it
 * after submitting, every earlier one with its date (decision 024). A purged person has no rows:
 * the submission's own snapshot is shown, as before.
 */
export function OfficerAddressHistory({ item }: { item: ReviewItem }) {
  const { m, lang } = useI18n();
  const t = m.officer.item;
  const [current, ...earlier] = item.addressHistory;
  return (
    <section aria-labelledby="address-heading">
      <h2 id="address-heading">{t.addressHeading}</h2>
      <p class="officer-address">
        <AddressLines address={current ?? item.submission.address} />
      </p>
      {current && <p class="small">{format(t.addressSince, { date: formatLongDate(current.since, lang) })}</p>}
      {earlier.length > 0 && (
        <>
          <h3 id="address-earlier-heading">{t.addressEarlierHeading}</h3>
          <p>{t.addressEarlierIntro}</p>
          <ol class="officer-address-history" aria-labelledby="address-earlier-heading">
            {earlier.map((address) => (
              <li key={address.since}>
                <p class="officer-address">
                  <AddressLines address={address} />
                  <span class="address-line small">
                    {format(t.addressGiven, { date: formatLongDate(address.since, lang) })}
                  </span>
                </p>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
