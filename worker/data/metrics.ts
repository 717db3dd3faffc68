import { eq, sql } from "drizzle-orm";
import {
  anotherWayOutcomes,
  anotherWayRequests,
  cards,
  documents,
  photos,
  reviewDecisions,
  submissions,
} from "../../schema/index.ts";
import { dayOfMs } from "../../shared/service-standards/days.ts";
import { standardOutcomes } from "../../shared/service-standards/figures.ts";
import type { ServiceStandards } from "../../shared/service-standards/standards.ts";
import type { Database } from "./db.ts";
import { serviceHistory } from "./service-figures.ts";

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * What supervisors watch: where items stand, how long decisions take, why
 * photos are returned, and how often officers and the automatic checks
 * disagree — an accepted photo the checks warned about, or a returned photo
 * the checks passed. Disagreement is how the portal learns whether its
 * checks are right. And, for each service standard, how many steps met it
 * (every step that ended, and every open one already past its due day).
 */
export async function reviewMetrics(db: Database, standards: ServiceStandards, now = Date.now()) {
  const decided = await db
    .select({
      decision: reviewDecisions.decision,
      reasonsJson: reviewDecisions.reasonsJson,
      decidedAt: reviewDecisions.decidedAt,
      submittedAt: submissions.submittedAt,
      verdict: photos.verdict,
      exceptionReason: photos.exceptionReason,
    })
    .from(reviewDecisions)
    .innerJoin(submissions, eq(submissions.id, reviewDecisions.submissionId))
    .innerJoin(photos, eq(photos.id, submissions.photoId))
    .all();
  const photoDecisions = decided.filter((d) => d.decision !== "pr_confirmed");
  const returned = photoDecisions.filter((d) => d.decision === "photo_returned");
  const accepted = photoDecisions.filter((d) => d.decision === "photo_accepted");
  const reasons: Record<string, number> = {};
  for (const d of returned) for (const r of JSON.parse(d.reasonsJson) as string[]) reasons[r] = (reasons[r] ?? 0) + 1;
  const [{ total }] = (await db.select({ total: sql<number>`count(*)` }).from(submissions).all()) as [
    { total: number },
  ];
  const [{ confirmed }] = (await db.select({ confirmed: sql<number>`count(*)` }).from(documents).all()) as [
    { confirmed: number },
  ];
  const [cardCounts] = (await db
    .select({ produced: sql<number>`count(${cards.producedAt})`, mailed: sql<number>`count(${cards.mailedAt})` })
    .from(cards)
    .all()) as [{ produced: number; mailed: number }];
  const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  const history = await serviceHistory(db, null);
  // Photos sent with an explanation of a rule they cannot meet, and requests for another way, counted
  // apart (decision 028): they are not the automatic checks' mistakes, and supervisors watch them.
  const exceptionRows = await db
    .select({ reason: photos.exceptionReason })
    .from(submissions)
    .innerJoin(photos, eq(photos.id, submissions.photoId))
    .where(sql`${photos.exceptionReason} is not null`)
    .all();
  const byReason: Record<string, number> = {};
  for (const r of exceptionRows) byReason[r.reason!] = (byReason[r.reason!] ?? 0) + 1;
  const requests = await db
    .select({ kind: anotherWayRequests.kind, closedAt: anotherWayRequests.closedAt })
    .from(anotherWayRequests)
    .all();
  const outcomes = await db
    .select({ outcome: anotherWayOutcomes.outcome, n: sql<number>`count(*)` })
    .from(anotherWayOutcomes)
    .groupBy(anotherWayOutcomes.outcome)
    .all();
  const requestsByKind: Record<string, number> = {};
  for (const r of requests) requestsByKind[r.kind] = (requestsByKind[r.kind] ?? 0) + 1;
  return {
    standards: standardOutcomes(history.steps, standards, dayOfMs(now), null),
    counts: {
      submissions: total,
      awaitingDecision: total - photoDecisions.length,
      photosAccepted: accepted.length,
      photosReturned: returned.length,
      prConfirmed: confirmed,
      cardsProduced: cardCounts.produced,
      cardsMailed: cardCounts.mailed,
    },
    medianHoursToDecision: median(
      photoDecisions.map((d) => (Date.parse(d.decidedAt) - Date.parse(d.submittedAt)) / 3_600_000),
    ),
    returnRate: rate(returned.length, photoDecisions.length),
    returnsByReason: reasons,
    exceptions: {
      submitted: exceptionRows.length,
      accepted: accepted.filter((d) => d.exceptionReason !== null).length,
      returned: returned.filter((d) => d.exceptionReason !== null).length,
      byReason,
    },
    anotherWay: {
      requests: requests.length,
      open: requests.filter((r) => r.closedAt === null).length,
      byKind: requestsByKind,
      outcomes: Object.fromEntries(outcomes.map((o) => [o.outcome, o.n])),
    },
    disagreement: {
      acceptedDespiteWarnings: accepted.filter((d) => d.verdict === "warn").length,
      returnedThoughChecksPassed: returned.filter((d) => d.verdict === "pass").length,
      rate: rate(
        accepted.filter((d) => d.verdict === "warn").length + returned.filter((d) => d.verdict === "pass").length,
        photoDecisions.length,
      ),
    },
  };
}
