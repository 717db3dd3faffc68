import { desc, sql } from "drizzle-orm";
import { publicFigures } from "../../schema/index.ts";
import type { PhotoDecisionRecord, PublicFigures, StepRecord } from "../../shared/service-standards/figures.ts";
import type { Database } from "./db.ts";

/**
 * Every step a person went through since `since` (an ISO instant or day;
 * everything when null), and every step still open whatever its age, as
 * start and end pairs for the service standards (shared/service-standards/):
 * photo review per submission, the e-CoPR, the card's production and its
 * mailing per person. With it, the photo decisions made since `since` and
 * what the automatic checks had said. Counts and days only leave this
 * function: no id, name or reference.
 */
export async function serviceHistory(db: Database, since: string | null) {
  const from = since ?? "";
  const reviews = await db.all<{
    submitted_at: string;
    decided_at: string | null;
    decision: "photo_accepted" | "photo_returned" | null;
    reasons_json: string | null;
    verdict: "pass" | "warn" | "fail";
  }>(sql`select s.submitted_at, d.decided_at, d.decision, d.reasons_json, p.verdict
    from submissions s
    join photos p on p.id = s.photo_id
    left join review_decisions d on d.submission_id = s.id and d.decision in ('photo_accepted', 'photo_returned')
    where d.id is null or d.decided_at >= ${from}`);
  // A person's steps after their photo's acceptance. Those whose card was
  // mailed before `since` (and confirmed before it) are finished and left out.
  const persons = await db.all<{
    accepted: string;
    confirmed: string | null;
    produced: string | null;
    mailed: string | null;
  }>(sql`select * from (
      select
        (select max(d.decided_at) from review_decisions d join submissions s on s.id = d.submission_id
          where s.person_id = p.id and d.decision = 'photo_accepted') as accepted,
        (select min(d.decided_at) from review_decisions d join submissions s on s.id = d.submission_id
          where s.person_id = p.id and d.decision = 'pr_confirmed') as confirmed,
        c.produced_at as produced,
        c.mailed_at as mailed
      from persons p left join cards c on c.person_id = p.id)
    where accepted is not null
      and (mailed is null or substr(mailed, 1, 10) >= substr(${from}, 1, 10)
        or confirmed is null or confirmed >= ${from})`);

  // Requests for another way until their first answer (decision 028): answered since `since`, or not yet.
  const requests = await db.all<{ created_at: string; answered_at: string | null }>(sql`select * from (
      select r.created_at,
        (select min(o.recorded_at) from another_way_outcomes o where o.request_id = r.id) as answered_at
      from another_way_requests r)
    where answered_at is null or answered_at >= ${from}`);

  const steps: StepRecord[] = reviews.map((r) => ({ step: "photo_review", start: r.submitted_at, end: r.decided_at }));
  for (const p of persons) {
    steps.push({ step: "ecopr", start: p.accepted, end: p.confirmed });
    steps.push({ step: "card_produced", start: p.accepted, end: p.produced });
    if (p.produced) steps.push({ step: "card_mailed", start: p.produced, end: p.mailed });
  }
  for (const r of requests) steps.push({ step: "another_way", start: r.created_at, end: r.answered_at });
  // Reports of an error in an e-CoPR until the officer's decision (decision 027): decided since `since`, or not yet.
  const corrections = await db.all<{
    requested_at: string;
    decided_at: string | null;
  }>(sql`select requested_at, decided_at
    from ecopr_corrections where decided_at is null or decided_at >= ${from}`);
  for (const c of corrections) steps.push({ step: "correction", start: c.requested_at, end: c.decided_at });
  const decisions: PhotoDecisionRecord[] = reviews
    .filter((r) => r.decision !== null)
    .map((r) => ({
      decision: r.decision!,
      reasons: JSON.parse(r.reasons_json ?? "[]") as string[],
      verdict: r.verdict,
    }));
  return { steps, decisions };
}

/** Stores a day's public figures (the maintenance job; a second run the same day replaces them). */
export async function savePublicFigures(db: Database, figures: PublicFigures, computedAt: string) {
  const row = { day: figures.computedOn, figuresJson: JSON.stringify(figures), computedAt };
  await db
    .insert(publicFigures)
    .values(row)
    .onConflictDoUpdate({ target: publicFigures.day, set: { figuresJson: row.figuresJson, computedAt } });
}

/** The newest public figures, or null before the job first ran. */
export async function latestPublicFigures(db: Database): Promise<PublicFigures | null> {
  const row = await db.select().from(publicFigures).orderBy(desc(publicFigures.day)).limit(1).get();
  return row ? (JSON.parse(row.figuresJson) as PublicFigures) : null;
}
