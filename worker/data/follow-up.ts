import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { applications, cards, persons, reviewDecisions, submissions } from "../../schema/index.ts";
import type { AnotherWayItem } from "../../shared/api/another-way.ts";
import type { FollowUpStage } from "../../shared/api/review.ts";
import { openAnotherWayRequests, outcomesOf, photoOpenFor } from "./another-way.ts";
import { dayOf, dayOfMs } from "../../shared/service-standards/days.ts";
import { type ServiceStandard, type ServiceStandards, clockFor } from "../../shared/service-standards/standards.ts";
import type { Database } from "./db.ts";
import { identityColumns } from "./person-identity.ts";

/**
 * What is left after the photo decision, so no accepted person is forgotten:
 * - "confirm": photo accepted, PR status not yet confirmed (no e-CoPR);
 * - "card": PR confirmed, card not yet recorded as mailed.
 * The queue lists only items waiting for a photo decision; this is the officers'
 * way back to everyone else. Oldest first by the decision that put them here.
 * Each item carries the clock of the standard it waits on: the e-CoPR's at
 * "confirm"; at "card", the card's production (from the photo's acceptance)
 * until it is produced, then its mailing (decision 025).
 */
export async function followUpList(
  db: Database,
  stage: Exclude<FollowUpStage, "another_way">,
  standards: ServiceStandards,
  now = Date.now(),
) {
  // The person's latest decision of each kind, through any of their submissions.
  const decidedAt = (decision: "photo_accepted" | "pr_confirmed") =>
    sql<
      string | null
    >`(select max(d.decided_at) from ${reviewDecisions} d join ${submissions} s2 on s2.id = d.submission_id
      where s2.person_id = ${persons.id} and d.decision = ${decision})`;
  // The submission whose photo was accepted: its decision page offers confirm PR and the card.
  const acceptedSubmission = sql<number>`(select d.submission_id from ${reviewDecisions} d join ${submissions} s2 on s2.id = d.submission_id
      where s2.person_id = ${persons.id} and d.decision = 'photo_accepted' order by d.decided_at desc, d.id desc limit 1)`;
  const accepted = decidedAt("photo_accepted");
  const confirmed = decidedAt("pr_confirmed");
  const since = stage === "confirm" ? accepted : confirmed;
  const rows = await db
    .select({
      submissionId: acceptedSubmission,
      since,
      personId: persons.id,
      ...identityColumns,
      applicationNumber: applications.applicationNumber,
      cardProducedAt: cards.producedAt,
      acceptedAt: accepted,
    })
    .from(persons)
    .innerJoin(applications, eq(applications.id, persons.applicationId))
    .leftJoin(cards, eq(cards.personId, persons.id))
    .where(
      stage === "confirm"
        ? and(sql`${accepted} is not null`, sql`${confirmed} is null`)
        : and(sql`${confirmed} is not null`, isNull(cards.mailedAt)),
    )
    .orderBy(asc(since), asc(persons.id))
    .limit(200)
    .all();
  const today = dayOfMs(now);
  return rows.map((r) => {
    const clock =
      stage === "confirm"
        ? clockFor(standards.ecopr, r.since!, today)
        : r.cardProducedAt
          ? clockFor(standards.card_mailed, r.cardProducedAt, today)
          : clockFor(standards.card_produced, dayOf(r.acceptedAt!), today);
    return {
      submissionId: r.submissionId,
      since: r.since!,
      person: { id: r.personId, givenNames: r.givenNames, familyName: r.familyName, uci: r.uci },
      applicationNumber: r.applicationNumber,
      cardProducedAt: r.cardProducedAt,
      clock,
    };
  });
}

/**
 * The follow-up's third stage (decision 028): open requests for another way, each with the outcomes
 * recorded so far, the person's latest submission (for the decision page) and whether a photo
 * received by mail can be put in for them now. A request waits on its standard until its first
 * answer (decision 025): those waiting come first, due first, each with its clock; those answered
 * (contacted, still open) after them, oldest first. With `personId`, one person's (the decision page).
 */
export async function anotherWayFollowUp(
  db: Database,
  standard: ServiceStandard,
  options: { personId?: number; now?: number } = {},
): Promise<AnotherWayItem[]> {
  const rows = await openAnotherWayRequests(db, options.personId);
  const outcomes = await outcomesOf(
    db,
    rows.map((r) => r.request.id),
  );
  const today = dayOfMs(options.now ?? Date.now());
  const items = await Promise.all(
    rows.map(async (r) => {
      const [latest, photoOpen] = await Promise.all([
        db
          .select({ id: submissions.id })
          .from(submissions)
          .where(eq(submissions.personId, r.person.id))
          .orderBy(desc(submissions.id))
          .get(),
        photoOpenFor(db, r.person.id),
      ]);
      const own = outcomes
        .filter((o) => o.requestId === r.request.id)
        .map(({ outcome, recordedAt, officer }) => ({ outcome, recordedAt, officer }));
      return {
        requestId: r.request.id,
        kind: r.request.kind,
        source: r.request.source,
        reason: r.request.reason,
        createdAt: r.request.createdAt,
        person: r.person,
        applicationNumber: r.applicationNumber,
        submissionId: latest?.id ?? null,
        outcomes: own,
        photoOpen,
        clock: own.length === 0 ? clockFor(standard, r.request.createdAt, today) : null,
      };
    }),
  );
  // Stable: rows came oldest first, so equal due days keep that order.
  return items.sort((a, b) => {
    if (a.clock && b.clock) return a.clock.dueOn < b.clock.dueOn ? -1 : a.clock.dueOn > b.clock.dueOn ? 1 : 0;
    return a.clock ? -1 : b.clock ? 1 : 0;
  });
}
