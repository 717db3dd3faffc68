import { type SQL, and, asc, desc, eq, gt, inArray, notExists, or, sql } from "drizzle-orm";
import {
  applications,
  officers,
  persons,
  photos,
  reviewClaims,
  reviewDecisions,
  submissions,
} from "../../schema/index.ts";
import type { QueueFilter } from "../../shared/api/review.ts";
import { searchFold } from "../../shared/people/search-fold.ts";
import { dayOf } from "../../shared/service-standards/days.ts";
import { type ServiceStandard, clockFor } from "../../shared/service-standards/standards.ts";
import { auditInsert } from "./audit.ts";
import { type Database, addMinutes, nowIso } from "./db.ts";
import { currentIdentitySql, identityColumns, personColumns } from "./person-identity.ts";

/** How long an officer's claim on an item lasts without a decision. */
const CLAIM_MINUTES = 30;

/**
 * A person matching an officer's search (the query joins persons and applications): the
 * application number, the UCI or the name. Names: the query folded (accents and case gone,
 * shared/people/search-fold.ts) against the key the import stored, folded by the same function,
 * so "nguyen" finds "Nguyễn". Also as typed, ignoring case for ASCII letters only, with
 * SQLite's lower() on both sides: for persons imported before the key existed, whose key
 * migration 0010 could only lower(). Numbers: as typed, lower() too. instr(), not LIKE: D1
 * refuses LIKE patterns over 50 bytes (a long name was a 500), and the search text is never a
 * pattern (% and _ are literal).
 */
function personSearch(search: string): SQL {
  const contains = (column: SQL, text: string) => sql`instr(lower(${column}), lower(${text})) > 0`;
  const folded = searchFold(search);
  const digits = search.replace(/[\s-]/g, "");
  return or(
    contains(sql`${applications.applicationNumber}`, search),
    contains(sql`${persons.uci}`, digits),
    contains(currentIdentitySql.uci, digits),
    contains(sql`(${persons.givenNames} || ' ' || ${persons.familyName})`, search),
    contains(sql`(${currentIdentitySql.givenNames} || ' ' || ${currentIdentitySql.familyName})`, search),
    ...(folded ? [sql`instr(${persons.searchKey}, ${folded}) > 0`] : []),
  )!;
}

/**
 * Imported persons matching the search who have never submitted (decision 028): someone who
 * phoned or mailed a photo has no submission, so no queue item; the officer still finds them
 * and opens their page to record a follow-up.
 */
export async function personsNotSubmitted(db: Database, search: string) {
  const submitted = db.select({ id: submissions.id }).from(submissions).where(eq(submissions.personId, persons.id));
  return db
    .select({
      id: persons.id,
      givenNames: identityColumns.givenNames,
      familyName: identityColumns.familyName,
      uci: identityColumns.uci,
      applicationNumber: applications.applicationNumber,
    })
    .from(persons)
    .innerJoin(applications, eq(applications.id, persons.applicationId))
    .where(and(notExists(submitted), personSearch(search)))
    .orderBy(asc(persons.id))
    .limit(50)
    .all();
}

/**
 * Submissions waiting for a photo decision, oldest first, with who (if
 * anyone) has claimed them and their clock against the photo-review standard.
 * Oldest first is also by due day, so the items past their standard come
 * first (a later submission never falls due earlier). Search matches the
 * application number, the UCI or the name.
 */
export async function reviewQueue(
  db: Database,
  options: { filter?: QueueFilter; search?: string; now?: number; standard: ServiceStandard },
) {
  const current = nowIso(options.now);
  const decided = db
    .select({ id: reviewDecisions.id })
    .from(reviewDecisions)
    .where(
      and(
        eq(reviewDecisions.submissionId, submissions.id),
        inArray(reviewDecisions.decision, ["photo_accepted", "photo_returned"]),
      ),
    );
  const conditions = [notExists(decided)];
  if (options.filter === "new") conditions.push(eq(submissions.kind, "initial"));
  if (options.filter === "resubmitted") conditions.push(eq(submissions.kind, "photo_resubmission"));
  if (options.filter === "acknowledged_warnings") conditions.push(eq(photos.warningsAcknowledged, 1));
  if (options.filter === "warnings") conditions.push(eq(photos.verdict, "warn"));
  const search = options.search?.trim();
  if (search) conditions.push(personSearch(search));
  const rows = await db
    .select({
      submissionId: submissions.id,
      reference: submissions.reference,
      kind: submissions.kind,
      submittedAt: submissions.submittedAt,
      personId: persons.id,
      givenNames: identityColumns.givenNames,
      familyName: identityColumns.familyName,
      uci: identityColumns.uci,
      applicationNumber: applications.applicationNumber,
      verdict: photos.verdict,
      warningsAcknowledged: photos.warningsAcknowledged,
      exceptionReason: photos.exceptionReason,
      claimOfficer: officers.name,
      claimOfficerId: reviewClaims.officerId,
      claimExpiresAt: reviewClaims.expiresAt,
    })
    .from(submissions)
    .innerJoin(persons, eq(persons.id, submissions.personId))
    .innerJoin(applications, eq(applications.id, persons.applicationId))
    .innerJoin(photos, eq(photos.id, submissions.photoId))
    .leftJoin(reviewClaims, eq(reviewClaims.submissionId, submissions.id))
    .leftJoin(officers, eq(officers.id, reviewClaims.officerId))
    .where(and(...conditions))
    .orderBy(asc(submissions.submittedAt), asc(submissions.id))
    .limit(200)
    .all();
  const today = dayOf(current);
  return rows.map((r) => {
    const claimed = r.claimExpiresAt !== null && r.claimExpiresAt > current;
    const clock = clockFor(options.standard, r.submittedAt, today);
    return {
      submissionId: r.submissionId,
      reference: r.reference,
      kind: r.kind,
      submittedAt: r.submittedAt,
      ageHours: Math.floor((Date.parse(current) - Date.parse(r.submittedAt)) / 3_600_000),
      person: { id: r.personId, givenNames: r.givenNames, familyName: r.familyName, uci: r.uci },
      applicationNumber: r.applicationNumber,
      checks: r.verdict,
      warningsAcknowledged: r.warningsAcknowledged === 1,
      exception: r.exceptionReason,
      claimedBy: claimed ? { officerId: r.claimOfficerId!, name: r.claimOfficer!, until: r.claimExpiresAt! } : null,
      clock: { elapsed: clock.elapsed, days: clock.days, unit: clock.unit, dueOn: clock.dueOn, overdue: clock.overdue },
    };
  });
}

/**
 * Claims an item for an officer. One statement decides: the claim is taken
 * when there is none, it expired, or it is already this officer's. Returns
 * the holder when someone else has it.
 */
export async function claimSubmission(db: Database, submissionId: number, officerId: number, now = Date.now()) {
  const claimedAt = nowIso(now);
  const expiresAt = addMinutes(claimedAt, CLAIM_MINUTES);
  const taken = await db
    .insert(reviewClaims)
    .values({ submissionId, officerId, claimedAt, expiresAt })
    .onConflictDoUpdate({
      target: reviewClaims.submissionId,
      set: { officerId, claimedAt, expiresAt },
      setWhere: or(sql`${reviewClaims.expiresAt} <= ${claimedAt}`, eq(reviewClaims.officerId, officerId)),
    })
    .returning({ officerId: reviewClaims.officerId });
  if (taken.length === 1) {
    await db.batch([
      auditInsert(db, {
        actorKind: "officer",
        actorId: officerId,
        action: "review.claim",
        subjectKind: "submission",
        subjectId: submissionId,
      }),
    ]);
    return { ok: true as const, expiresAt };
  }
  const holder = await db
    .select({ officerId: reviewClaims.officerId, name: officers.name, expiresAt: reviewClaims.expiresAt })
    .from(reviewClaims)
    .innerJoin(officers, eq(officers.id, reviewClaims.officerId))
    .where(eq(reviewClaims.submissionId, submissionId))
    .get();
  return { ok: false as const, holder: holder! };
}

/** True when this officer holds a live claim on the item. */
export async function holdsClaim(
  db: Database,
  submissionId: number,
  officerId: number,
  now = Date.now(),
): Promise<boolean> {
  const claim = await db.select().from(reviewClaims).where(eq(reviewClaims.submissionId, submissionId)).get();
  return Boolean(claim && claim.officerId === officerId && claim.expiresAt > nowIso(now));
}

/** The live claim on a submission, with the holder's name, if any. */
export async function liveClaim(db: Database, submissionId: number, now = Date.now()) {
  return db
    .select({ officerId: reviewClaims.officerId, name: officers.name, until: reviewClaims.expiresAt })
    .from(reviewClaims)
    .innerJoin(officers, eq(officers.id, reviewClaims.officerId))
    .where(and(eq(reviewClaims.submissionId, submissionId), gt(reviewClaims.expiresAt, nowIso(now))))
    .get();
}

/** Everything an officer needs to decide one item, and the person's history. */
export async function reviewItem(db: Database, submissionId: number) {
  const submission = await db.select().from(submissions).where(eq(submissions.id, submissionId)).get();
  if (!submission) return null;
  const person = (await db.select(personColumns).from(persons).where(eq(persons.id, submission.personId)).get())!;
  const application = (await db.select().from(applications).where(eq(applications.id, person.applicationId)).get())!;
  const photo = (await db.select().from(photos).where(eq(photos.id, submission.photoId)).get())!;
  const declaration = await db.query.presenceDeclarations.findFirst({
    where: (d, { eq: equal }) => equal(d.id, submission.declarationId),
  });
  const declaredBy = declaration
    ? await db.select(personColumns).from(persons).where(eq(persons.id, declaration.declaredByPersonId)).get()
    : undefined;
  const history = await db
    .select({
      submissionId: submissions.id,
      reference: submissions.reference,
      kind: submissions.kind,
      submittedAt: submissions.submittedAt,
      photoId: submissions.photoId,
    })
    .from(submissions)
    .where(eq(submissions.personId, person.id))
    .orderBy(desc(submissions.id))
    .all();
  const decisions = history.length
    ? await db
        .select({
          submissionId: reviewDecisions.submissionId,
          decision: reviewDecisions.decision,
          reasonsJson: reviewDecisions.reasonsJson,
          note: reviewDecisions.note,
          decidedAt: reviewDecisions.decidedAt,
          officer: officers.name,
        })
        .from(reviewDecisions)
        .innerJoin(officers, eq(officers.id, reviewDecisions.officerId))
        .where(
          inArray(
            reviewDecisions.submissionId,
            history.map((h) => h.submissionId),
          ),
        )
        .orderBy(asc(reviewDecisions.id))
        .all()
    : [];
  return { submission, person, application, photo, declaration, declaredBy, history, decisions };
}
