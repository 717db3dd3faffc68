import { eq } from "drizzle-orm";
import { cards } from "../../schema/index.ts";
import type { Database } from "./db.ts";

/** A person's card row (produced and mailed dates), if one was recorded. */
export async function findCard(db: Database, personId: number) {
  return db.select().from(cards).where(eq(cards.personId, personId)).get();
}

/**
 * Whether the person's card is in production: included in a `cards export`
 * batch, or recorded produced or mailed. From then on the mailing address no
 * longer changes in the portal (the trigger of migration 0011 holds the same
 * rule in the database).
 */
export async function cardProductionStarted(db: Database, personId: number): Promise<boolean> {
  const card = await findCard(db, personId);
  return Boolean(card && (card.productionStartedAt || card.producedAt || card.mailedAt));
}
