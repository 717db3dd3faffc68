import { and, eq, isNull, sql } from "drizzle-orm";
import { addresses, applications, cards, persons, photos, reviewDecisions, submissions } from "../../schema/index.ts";
import { type Database, nowIso } from "./db.ts";
import { currentIdentitySql, identityColumns, personColumns } from "./person-identity.ts";

/**
 * Persons whose photo was accepted and whose card has not been mailed: the
 * batch for the card producer, with the latest mailing address (a change made
 * after submitting counts) and the key of the accepted photo in R2.
 *
 * Including a person starts their card's production (cards.production_started_at,
 * kept from the first batch): from then on the address cannot change (decision
 * 024). The start is written in the same D1 batch (one transaction) as the
 * read, before it, so a change either lands before and is in this batch, or
 * comes after and is refused: never accepted and left out.
 */
export async function cardsToProduce(db: Database, now = Date.now()) {
  const accepted = and(eq(reviewDecisions.decision, "photo_accepted"), isNull(cards.mailedAt));
  const startedAt = nowIso(now);
  // Every column of cards in the table's order; a card row already there keeps its first start.
  const markStarted = db
    .insert(cards)
    .select(
      sql`select ${submissions.personId}, null, null, null, null, ${startedAt}, ${startedAt}
        from ${reviewDecisions}
        join ${submissions} on ${submissions.id} = ${reviewDecisions.submissionId}
        left join ${cards} on ${cards.personId} = ${submissions.personId}
        where ${accepted}`,
    )
    .onConflictDoUpdate({
      target: cards.personId,
      set: { productionStartedAt: startedAt, updatedAt: startedAt },
      setWhere: sql`${cards.productionStartedAt} is null`,
    });
  const latestAddress = db
    .select({ personId: addresses.personId, id: sql<number>`max(${addresses.id})`.as("latest_id") })
    .from(addresses)
    .groupBy(addresses.personId)
    .as("latest_address");
  const read = db
    .select({
      personId: persons.id,
      // The identity in force: a corrected e-CoPR's, not the import's (decision 027).
      ...identityColumns,
      applicationNumber: applications.applicationNumber,
      unit: addresses.unit,
      streetNumber: addresses.streetNumber,
      streetName: addresses.streetName,
      city: addresses.city,
      province: addresses.province,
      postalCode: addresses.postalCode,
      photoKey: photos.objectKey,
      photoFormat: photos.format,
      acceptedAt: reviewDecisions.decidedAt,
      mailedAt: cards.mailedAt,
    })
    .from(reviewDecisions)
    .innerJoin(submissions, eq(submissions.id, reviewDecisions.submissionId))
    .innerJoin(persons, eq(persons.id, submissions.personId))
    .innerJoin(applications, eq(applications.id, persons.applicationId))
    .innerJoin(photos, eq(photos.id, submissions.photoId))
    .innerJoin(latestAddress, eq(latestAddress.personId, persons.id))
    .innerJoin(addresses, eq(addresses.id, latestAddress.id))
    .leftJoin(cards, eq(cards.personId, persons.id))
    .where(accepted)
    .orderBy(reviewDecisions.decidedAt);
  const [, rows] = await db.batch([markStarted, read]);
  return rows.map(({ unit, streetNumber, streetName, city, province, postalCode, ...r }) => ({
    ...r,
    address: { unit, streetNumber, streetName, city, province, postalCode },
  }));
}

/** The person whose UCI in force (a corrected one, as the export wrote it) is this one. */
export async function personByUci(db: Database, uci: string) {
  return db.select(personColumns).from(persons).where(eq(currentIdentitySql.uci, uci)).get();
}
