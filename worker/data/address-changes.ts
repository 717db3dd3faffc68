import { eq } from "drizzle-orm";
import { accounts } from "../../schema/index.ts";
import type { Address } from "../../shared/address/address.ts";
import { addressChangedEmail } from "../email/templates.ts";
import type { AppEnv } from "../env.ts";
import { templateContext } from "../lib/config.ts";
import { auditInsert } from "./audit.ts";
import { cardProductionStarted } from "./cards.ts";
import type { Database } from "./db.ts";
import { addressChangeInsert, findAddress } from "./journey.ts";
import { ownNoticeAddress } from "./member-notices.ts";
import { representativeCopyAddresses } from "./representatives.ts";
import { outboxInsert } from "./outbox.ts";

type ChangeEnv = Pick<AppEnv, "EMAIL_FROM" | "PUBLIC_ORIGIN" | "HELP_EMAIL"> &
  Partial<Pick<AppEnv, "REPRESENTATIVE_ACCESS">>;

export type AddressChangeOutcome =
  | { ok: true; changed: true; changedAt: string; outboxIds: number[] }
  /** The address in force is already this one (a repeated request): nothing written. */
  | { ok: true; changed: false; changedAt: string }
  | { ok: false; reason: "card_in_production" };

const SAME_FIELDS = ["unit", "streetNumber", "streetName", "city", "province", "postalCode"] as const;

/** The address as the card and the emails print it, one line each. */
export function addressLines(a: Address): string[] {
  const street = `${a.streetNumber} ${a.streetName}`;
  return [a.unit ? `${a.unit}-${street}` : street, `${a.city} ${a.province}  ${a.postalCode}`];
}

/**
 * A change of mailing address after the person submitted (decision 024): a
 * new, dated row (the rows before it stay as they were), an audit row, and a
 * bilingual email to the acting account and to the person's own confirmed
 * address, in one batch. Refused once card production has started; the
 * trigger of migration 0011 refuses it too when an export starts production
 * between the check and the write.
 */
export async function changeAddress(
  db: Database,
  env: ChangeEnv,
  input: {
    person: { id: number; givenNames: string; familyName: string; email: string; actingAccountId: number | null };
    accountId: number;
    address: Address;
  },
  now = Date.now(),
): Promise<AddressChangeOutcome> {
  const { person, accountId, address } = input;
  if (await cardProductionStarted(db, person.id)) return { ok: false, reason: "card_in_production" };
  const current = await findAddress(db, person.id);
  if (current && SAME_FIELDS.every((f) => (current[f] ?? null) === (address[f] ?? null)))
    return { ok: true, changed: false, changedAt: current.updatedAt };

  const actingAccount = person.actingAccountId
    ? await db.select({ email: accounts.email }).from(accounts).where(eq(accounts.id, person.actingAccountId)).get()
    : undefined;
  const own = await ownNoticeAddress(db, person, actingAccount);
  const name = `${person.givenNames} ${person.familyName}`;
  const insert = addressChangeInsert(db, person.id, address, accountId, now);
  const email = (to: string, member: boolean, representative?: string) =>
    outboxInsert(db, env, {
      kind: "address_changed",
      to,
      email: addressChangedEmail(templateContext(env), {
        name,
        addressLines: addressLines(address),
        changedOn: new Date(now).toISOString().slice(0, 10),
        member,
        representative,
      }),
    });
  // ...and each representative's copy, addressed to them as the representative (decision 026).
  const representatives = await representativeCopyAddresses(db, env, person);
  const emails = [
    ...(actingAccount ? [email(actingAccount.email, false)] : []),
    ...(own ? [email(own, true)] : []),
    ...representatives.map((r) => email(r.email, false, r.name)),
  ];
  try {
    const results = await db.batch([
      insert,
      auditInsert(db, {
        actorKind: "applicant",
        actorId: accountId,
        action: "address.changed",
        subjectKind: "person",
        subjectId: person.id,
        // Where the row in force was: the officer reads the whole history on the decision page.
        details: { previousAddressId: current?.id ?? null },
      }),
      ...emails,
    ]);
    const [row] = results[0] as { id: number; updatedAt: string }[];
    const outboxIds = results.slice(2).flatMap((r) => (r as { id: number }[]).map((x) => x.id));
    return { ok: true, changed: true, changedAt: row!.updatedAt, outboxIds };
  } catch (error) {
    if (String(error).includes("card_production_started")) return { ok: false, reason: "card_in_production" };
    throw error;
  }
}
