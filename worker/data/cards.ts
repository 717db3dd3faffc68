import { eq } from "drizzle-orm";
import { cards } from "../../schema/index.ts";
import type { Database } from "./db.ts";

/** A person's card row (produced and mailed dates), if one was recorded. */
export async function findCard(db: Database, personId: number) {
  return db.select().from(cards).where(eq(cards.personId, personId)).get();
}
