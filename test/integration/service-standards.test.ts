// Needs its own workerd and storage: the queue, the follow-up list and the metrics count every person past a standard.
// Service standards through the API (issue 17 point 4, decision 025): the clock the status
// page shows for the current step, the officers' queue and follow-up flagging items past
// their standard (oldest, so most overdue, first), and the supervisors' share of each
// standard met. Standards come from wrangler.toml [vars] (10 business days for the photo).
import { describe, expect, it } from "vitest";
import { addBusinessDays, businessDaysBetween } from "../../shared/service-standards/business-days.ts";
import { db, signedInApplicant, unique } from "../support/factories.ts";
import { useBindings } from "../support/faults.ts";
import { signedInOfficer } from "../support/officers.ts";
import { type HistorySpec, historyOfficer, seedHistory, seedSteps } from "../support/service-history.ts";

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

interface Clock {
  standard: string;
  days: number;
  unit: string;
  since: string;
  elapsed: number;
  dueOn: string;
  overdue: boolean;
}

type QueueItem = {
  submissionId: number;
  person: { familyName: string };
  clock: { elapsed: number; days: number; unit: string; dueOn: string; overdue: boolean };
};

async function queue(officer: Awaited<ReturnType<typeof signedInOfficer>>, q: string) {
  const response = await officer.browser.get(`/review/api/queue?q=${encodeURIComponent(q)}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { standard: { days: number; unit: string }; items: QueueItem[] };
}

/** A signed-in applicant whose own person went through the spec's steps (support/service-history.ts). */
async function applicantWith(spec: HistorySpec) {
  const applicant = await signedInApplicant();
  const person = applicant.persons[0]!;
  const account = await db().query.accounts.findFirst({ where: (a, { eq }) => eq(a.personId, person.id) });
  await seedSteps(
    spec,
    { personId: person.id, accountId: account!.id, key: unique() },
    Date.now(),
    await historyOfficer(),
  );
  const status = async () =>
    (await (await applicant.browser.get(`/api/persons/${person.id}/status`)).json()) as { clocks: Clock[] };
  return { applicant, person, status };
}

describe("the status API's clock", () => {
  it("shows the photo-review standard and the business days since the submission, past the standard after 20 days", async () => {
    const { status } = await applicantWith({ submittedDaysAgo: 20, verdict: "pass" });
    const since = daysAgo(20);
    expect((await status()).clocks).toEqual([
      {
        standard: "photo_review",
        days: 10,
        unit: "business",
        since,
        elapsed: businessDaysBetween(since, today()),
        dueOn: addBusinessDays(since, 10),
        overdue: true,
      },
    ]);
  });

  it("shows none while the photo is back with the applicant, and the e-CoPR's and the card's after acceptance", async () => {
    const returned = await applicantWith({
      submittedDaysAgo: 5,
      verdict: "warn",
      decision: { afterDays: 1, outcome: "photo_returned", reasons: ["glare"] },
    });
    expect((await returned.status()).clocks).toEqual([]);
    const accepted = await applicantWith({
      submittedDaysAgo: 4,
      verdict: "pass",
      decision: { afterDays: 1, outcome: "photo_accepted" },
    });
    const since = daysAgo(3);
    expect((await accepted.status()).clocks.map((c) => [c.standard, c.days, c.unit, c.elapsed, c.overdue])).toEqual([
      ["ecopr", 10, "business", businessDaysBetween(since, today()), false],
      ["card_produced", 14, "calendar", 3, false],
    ]);
  });

  it("takes the standard from the configuration", async () => {
    const { applicant, status } = await applicantWith({ submittedDaysAgo: 0, verdict: "pass" });
    useBindings(applicant.browser, { PHOTO_REVIEW_BUSINESS_DAYS: "3" });
    expect((await status()).clocks[0]).toMatchObject({
      standard: "photo_review",
      days: 3,
      elapsed: 0,
      dueOn: addBusinessDays(today(), 3),
    });
  });
});

describe("the officers' queue and follow-up", () => {
  it("flag an item past its standard and list it before those still within it", async () => {
    const officerId = await historyOfficer();
    // Waiting 30 days (past 10 business days whatever the holidays), 1 day, and since now.
    const { identifiers } = await seedHistory(
      [
        { submittedDaysAgo: 1, verdict: "pass" },
        { submittedDaysAgo: 30, verdict: "warn" },
        { submittedDaysAgo: 0, verdict: "pass" },
      ],
      Date.now(),
      officerId,
    );
    const names = [identifiers[3]!, identifiers[8]!, identifiers[13]!]; // family names, in seeding order
    const officer = await signedInOfficer();
    const listed = await queue(officer, "Historia");
    expect(listed.standard).toMatchObject({ days: 10, unit: "business" });
    const mine = listed.items.filter((i) => names.includes(i.person.familyName));
    expect(mine.map((i) => names.indexOf(i.person.familyName))).toEqual([1, 0, 2]);
    expect(mine.map((i) => i.clock.overdue)).toEqual([true, false, false]);
    expect(mine[0]!.clock.elapsed).toBeGreaterThan(10);
    expect(mine[2]!.clock).toMatchObject({ elapsed: 0, days: 10, dueOn: addBusinessDays(today(), 10) });
  });

  it("follow-up flags an e-CoPR and a card past their standards", async () => {
    const officerId = await historyOfficer();
    const { identifiers } = await seedHistory(
      [
        // Accepted 30 days ago: no e-CoPR, no card: both past their standard.
        { submittedDaysAgo: 31, verdict: "pass", decision: { afterDays: 1, outcome: "photo_accepted" } },
        // Accepted today.
        { submittedDaysAgo: 0.01, verdict: "pass", decision: { afterDays: 0, outcome: "photo_accepted" } },
        // Confirmed, card produced 20 days ago and not mailed.
        {
          submittedDaysAgo: 40,
          verdict: "pass",
          decision: { afterDays: 1, outcome: "photo_accepted" },
          confirmedAfterDays: 2,
          producedAfterDays: 19,
        },
      ],
      Date.now(),
      officerId,
    );
    const [old, fresh, produced] = [identifiers[3]!, identifiers[8]!, identifiers[13]!];
    const officer = await signedInOfficer();
    type FollowUp = { items: { person: { familyName: string }; clock: Clock }[] };
    const confirm = (await (await officer.browser.get("/review/api/follow-up?stage=confirm")).json()) as FollowUp;
    const clockOf = (list: FollowUp, name: string) => list.items.find((i) => i.person.familyName === name)!.clock;
    expect(clockOf(confirm, old)).toMatchObject({ standard: "ecopr", overdue: true });
    expect(clockOf(confirm, fresh)).toMatchObject({ standard: "ecopr", overdue: false, elapsed: 0 });
    const card = (await (await officer.browser.get("/review/api/follow-up?stage=card")).json()) as FollowUp;
    expect(clockOf(card, produced)).toMatchObject({ standard: "card_mailed", days: 5, overdue: true });
  });
});

describe("the supervisors' metrics", () => {
  it("show the share of each standard met: ended steps in or out of time, and open ones past due as missed", async () => {
    const supervisor = await signedInOfficer("Sam Supervisor", "supervisor");
    type Outcome = { standard: string; met: number; judged: number; share: number | null };
    const read = async () =>
      Object.fromEntries(
        (
          (await (await supervisor.browser.get("/review/api/metrics")).json()) as { standards: Outcome[] }
        ).standards.map((o) => [o.standard, o]),
      );
    const before = await read();
    const officerId = await historyOfficer();
    await seedHistory(
      [
        // Reviewed in 1 and 2 days (met), in 30 days (missed); one waiting 30 days (missed).
        // The accepted one: PR confirmed the next day (met), its card produced 20 days later (missed).
        { submittedDaysAgo: 5, verdict: "pass", decision: { afterDays: 1, outcome: "photo_returned" } },
        {
          submittedDaysAgo: 40,
          verdict: "pass",
          decision: { afterDays: 2, outcome: "photo_accepted" },
          confirmedAfterDays: 1,
          producedAfterDays: 20,
        },
        { submittedDaysAgo: 60, verdict: "warn", decision: { afterDays: 30, outcome: "photo_returned" } },
        { submittedDaysAgo: 30, verdict: "pass" },
      ],
      Date.now(),
      officerId,
    );
    const after = await read();
    const delta = (id: string) => ({
      met: after[id]!.met - before[id]!.met,
      judged: after[id]!.judged - before[id]!.judged,
    });
    expect(delta("photo_review")).toEqual({ met: 2, judged: 4 });
    expect(delta("ecopr")).toEqual({ met: 1, judged: 1 });
    expect(delta("card_produced")).toEqual({ met: 0, judged: 1 });
    expect(after.photo_review!.share).toBeCloseTo(after.photo_review!.met / after.photo_review!.judged, 10);
    expect(after.card_produced).toMatchObject({ days: 14, unit: "calendar" });
  });
});
