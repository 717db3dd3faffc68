import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { cards, documents, reviewDecisions, submissions } from "../../schema/index.ts";
import { addDays, type Database } from "./db.ts";

import type { TimelineEvent } from "../../shared/api/persons.ts";

/**
 * A person's status, oldest first: each submission and what officers did
 * with it, then the card. `cardTargetDate` is the promised production date
 * (photo acceptance + CARD_TARGET_DAYS) until the card is produced.
 */
export async function timelineFor(db: Database, personId: number, cardTargetDays: number) {
  const sent = await db
    .select()
    .from(submissions)
    .where(eq(submissions.personId, personId))
    .orderBy(asc(submissions.id))
    .all();
  const decisions = sent.length
    ? await db
        .select()
        .from(reviewDecisions)
        .where(
          inArray(
            reviewDecisions.submissionId,
            sent.map((s) => s.id),
          ),
        )
        .orderBy(asc(reviewDecisions.id))
        .all()
    : [];
  const card = await db.select().from(cards).where(eq(cards.personId, personId)).get();
  const proof = await db.select({ id: documents.id }).from(documents).where(eq(documents.personId, personId)).get();
  // The e-CoPR in force and, after an accepted correction, the one it replaced (decision 027).
  const [, replaced] = await db
    .select({ issuedAt: documents.issuedAt, verificationCode: documents.verificationCode })
    .from(documents)
    .where(and(eq(documents.personId, personId), eq(documents.kind, "ecopr")))
    .orderBy(desc(documents.id))
    .limit(2)
    .all();
  const events: TimelineEvent[] = [];
  for (const s of sent) events.push({ type: "submitted", at: s.submittedAt, reference: s.reference, kind: s.kind });
  for (const d of decisions) {
    if (d.decision === "photo_accepted") events.push({ type: "photo_accepted", at: d.decidedAt });
    else if (d.decision === "photo_returned")
      events.push({
        type: "photo_returned",
        at: d.decidedAt,
        reasons: JSON.parse(d.reasonsJson) as string[],
        note: d.note,
      });
    else events.push({ type: "pr_confirmed", at: d.decidedAt });
  }
  if (card?.producedAt) events.push({ type: "card_produced", at: card.producedAt });
  if (card?.mailedAt) events.push({ type: "card_mailed", at: card.mailedAt });
  // Card dates are days (YYYY-MM-DD), decisions are instants: a day sorts
  // as its end, so a card produced today follows today's decisions.
  const sortKey = (at: string) => (at.length === 10 ? `${at}T23:59:59.999Z` : at);
  events.sort((a, b) => sortKey(a.at).localeCompare(sortKey(b.at)));
  const accepted = events.find((e) => e.type === "photo_accepted");
  return {
    events,
    proofAvailable: Boolean(proof),
    ecoprReplaces: replaced
      ? { issuedOn: replaced.issuedAt.slice(0, 10), verificationCode: replaced.verificationCode }
      : null,
    cardTargetDate: accepted && !card?.producedAt ? addDays(accepted.at, cardTargetDays).slice(0, 10) : null,
  };
}
