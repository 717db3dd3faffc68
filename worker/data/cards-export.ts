import { and, eq, isNull } from "drizzle-orm";
import { applications, cards, persons, photos, reviewDecisions, submissions } from "../../schema/index.ts";
import type { Database } from "./db.ts";

/**
 * Persons whose photo was accepted and whose card has not been mailed: the
 * batch for the card producer, with the address as submitted and the key of
 * the accepted photo in R2.
 */
export async function cardsToProduce(db: Database) {
  const rows = await db
    .select({
      personId: persons.id,
      uci: persons.uci,
      givenNames: persons.givenNames,
      familyName: persons.familyName,
      dateOfBirth: persons.dateOfBirth,
      applicationNumber: applications.applicationNumber,
      addressJson: submissions.addressJson,
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
    .leftJoin(cards, eq(cards.personId, persons.id))
    .where(and(eq(reviewDecisions.decision, "photo_accepted"), isNull(cards.mailedAt)))
    .orderBy(reviewDecisions.decidedAt)
    .all();
  return rows.map((r) => ({ ...r, address: JSON.parse(r.addressJson) as Record<string, string | null> }));
}

export async function personByUci(db: Database, uci: string) {
  return db.select().from(persons).where(eq(persons.uci, uci)).get();
}
