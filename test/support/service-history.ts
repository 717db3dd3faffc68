// A seeded history for the service standards and /transparency (issue 17 point 4): persons
// taken through the steps at chosen times, written straight into D1 (the real paths cannot go
// back in time). Each person gets an application, an account, a presence declaration, a photo
// with the automatic checks' verdict, a submission, and as far as the spec says: the officer's
// photo decision, PR confirmation (an e-CoPR row), the card produced and mailed.
import {
  accounts,
  applications,
  cards,
  documents,
  officers,
  persons,
  photos,
  presenceDeclarations,
  reviewDecisions,
  submissions,
} from "../../schema/index.ts";
import { db, digits, unique } from "./factories.ts";

const DAY = 86_400_000;

export interface HistorySpec {
  /** When the photo was submitted, in days before `now` (fractions allowed). */
  submittedDaysAgo: number;
  verdict: "pass" | "warn" | "fail";
  /** The officer's photo decision, days after the submission; none: still waiting. */
  decision?: { afterDays: number; outcome: "photo_accepted" | "photo_returned"; reasons?: string[] };
  /** PR confirmed, days after the photo's acceptance. */
  confirmedAfterDays?: number;
  /** Card produced, days after the photo's acceptance (a calendar date). */
  producedAfterDays?: number;
  /** Card mailed, days after its production (a calendar date). */
  mailedAfterDays?: number;
}

/** One officer for the seeded decisions. */
export async function historyOfficer(): Promise<number> {
  const id = unique();
  const [row] = await db()
    .insert(officers)
    .values({
      email: `history-officer${id}@cic.gc.ca`,
      name: "History Officer",
      passwordHash: "not-a-hash",
      totpSecret: "JBSWY3DPEHPK3PXP",
      mustChangePassword: 0,
    })
    .returning({ id: officers.id });
  return row!.id;
}

const iso = (ms: number) => new Date(ms).toISOString();
const day = (ms: number) => iso(ms).slice(0, 10);

/**
 * Writes one person per spec; returns what identifies them (names, UCIs, numbers, emails,
 * references) so a test can look for any of it where it must not be.
 */
export async function seedHistory(specs: readonly HistorySpec[], now: number, officerId: number) {
  const identifiers: string[] = [];
  for (const spec of specs) {
    const id = unique();
    const applicationNumber = `H${digits(id, 9)}`;
    const uci = digits(id * 7 + 3, 10);
    const email = `history${id}@example.com`;
    const familyName = `Historia${id}`;
    const reference = `PR-H${digits(id, 8)}`;
    identifiers.push(applicationNumber, uci, email, familyName, reference);
    const [application] = await db().insert(applications).values({ applicationNumber }).returning();
    const [person] = await db()
      .insert(persons)
      .values({
        applicationId: application!.id,
        uci,
        role: "principal",
        givenNames: "Seeded",
        familyName,
        dateOfBirth: "1985-02-03",
        email,
        language: "en",
      })
      .returning();
    const [account] = await db()
      .insert(accounts)
      .values({ username: `PR-H${id}`, personId: person!.id, email, language: "en", passwordHash: "not-a-hash" })
      .returning();
    await seedSteps(spec, { personId: person!.id, accountId: account!.id, key: id }, now, officerId);
  }
  return { identifiers };
}

/**
 * Takes one existing person (with the account that acts for them) through the spec's steps:
 * a presence declaration, a photo, a submission, and the decisions, e-CoPR and card after it.
 */
export async function seedSteps(
  spec: HistorySpec,
  who: { personId: number; accountId: number; key: number },
  now: number,
  officerId: number,
) {
  const submittedAt = now - spec.submittedDaysAgo * DAY;
  const [declaration] = await db()
    .insert(presenceDeclarations)
    .values({
      personId: who.personId,
      declaredByAccountId: who.accountId,
      declaredByPersonId: who.personId,
      statementVersion: "1",
      declaredOn: day(submittedAt),
    })
    .returning();
  const outcome = spec.decision?.outcome;
  const [photo] = await db()
    .insert(photos)
    .values({
      personId: who.personId,
      objectKey: `photos/history-${who.key}`,
      sha256: "0".repeat(64),
      format: "jpeg",
      width: 1000,
      height: 1400,
      byteSize: 200_000,
      checksJson: "[]",
      verdict: spec.verdict,
      state: outcome === "photo_accepted" ? "accepted" : outcome === "photo_returned" ? "returned" : "submitted",
    })
    .returning();
  const [submission] = await db()
    .insert(submissions)
    .values({
      personId: who.personId,
      reference: `PR-H${digits(who.key, 8)}`,
      kind: "initial",
      photoId: photo!.id,
      declarationId: declaration!.id,
      addressJson: "{}",
      submittedByAccountId: who.accountId,
      submittedAt: iso(submittedAt),
    })
    .returning();
  if (!spec.decision) return;
  const decidedAt = submittedAt + spec.decision.afterDays * DAY;
  await db()
    .insert(reviewDecisions)
    .values({
      submissionId: submission!.id,
      officerId,
      decision: spec.decision.outcome,
      reasonsJson: JSON.stringify(spec.decision.reasons ?? []),
      decidedAt: iso(decidedAt),
    });
  if (spec.decision.outcome !== "photo_accepted") return;
  if (spec.confirmedAfterDays !== undefined) {
    const confirmedAt = decidedAt + spec.confirmedAfterDays * DAY;
    await db()
      .insert(reviewDecisions)
      .values({ submissionId: submission!.id, officerId, decision: "pr_confirmed", decidedAt: iso(confirmedAt) });
    await db()
      .insert(documents)
      .values({
        personId: who.personId,
        kind: "ecopr",
        objectKey: `documents/history-${who.key}`,
        verificationCode: `HIST${who.key}`,
        issuedByOfficerId: officerId,
        issuedAt: iso(confirmedAt),
      });
  }
  if (spec.producedAfterDays !== undefined) {
    const producedAt = decidedAt + spec.producedAfterDays * DAY;
    const mailedAt = spec.mailedAfterDays === undefined ? null : producedAt + spec.mailedAfterDays * DAY;
    await db()
      .insert(cards)
      .values({
        personId: who.personId,
        producedAt: day(producedAt),
        mailedAt: mailedAt === null ? null : day(mailedAt),
        mailedRecordedAt: mailedAt === null ? null : iso(mailedAt),
        updatedAt: iso(mailedAt ?? producedAt),
      });
  }
}
