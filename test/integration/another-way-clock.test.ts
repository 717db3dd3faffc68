// Needs its own workerd and storage: the supervisors' metrics count every request for another way in D1.
// A request for another way waits on its own service standard (decision 025's configurable standards,
// `ANOTHER_WAY_BUSINESS_DAYS`, 5 business days) until an officer's first answer (decision 028): the
// person's status shows it, the officers' follow-up list puts waiting requests first, due first,
// and flags those past it, and the supervisors' metrics count the share met.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { anotherWayRequests } from "../../schema/index.ts";
import type { AnotherWayItem } from "../../shared/api/another-way.ts";
import { businessDaysBetween } from "../../shared/service-standards/business-days.ts";
import { addCalendarDays } from "../../shared/service-standards/days.ts";
import { db, signedInApplicant } from "../support/factories.ts";
import { signedInOfficer } from "../support/officers.ts";

const today = () => new Date().toISOString().slice(0, 10);
/** Noon UTC of the latest day with `n` business days after it up to today. */
function businessDaysAgo(n: number) {
  let day = today();
  while (businessDaysBetween(day, today()) < n) day = addCalendarDays(day, -1);
  return `${day}T12:00:00.000Z`;
}

interface Clock {
  standard: string;
  days: number;
  unit: string;
  elapsed: number;
  overdue: boolean;
}

/** A signed-in applicant's request from the photo page, made `ago` business days back. */
async function requestMade(ago: number, kind = "paper") {
  const applicant = await signedInApplicant();
  const person = applicant.persons[0]!;
  expect(
    (await applicant.browser.post(`/api/persons/${person.id}/another-way`, { kind, reason: "I need paper forms." }))
      .status,
  ).toBe(202);
  const [row] = await db().select().from(anotherWayRequests).where(eq(anotherWayRequests.personId, person.id)).all();
  if (ago > 0)
    await env.DB.prepare("UPDATE another_way_requests SET created_at = ? WHERE id = ?")
      .bind(businessDaysAgo(ago), row!.id)
      .run();
  return { applicant, person, requestId: row!.id };
}

async function clocksOf(made: Awaited<ReturnType<typeof requestMade>>) {
  const response = await made.applicant.browser.get(`/api/persons/${made.person.id}/status`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { clocks: Clock[] }).clocks;
}

describe("the standard for a request for another way", () => {
  it("the person's status shows the standard and the business days so far, late past it, and nothing once answered", async () => {
    const fresh = await requestMade(0);
    expect(await clocksOf(fresh)).toEqual([
      expect.objectContaining({ standard: "another_way", days: 5, unit: "business", elapsed: 0, overdue: false }),
    ]);
    const late = await requestMade(7);
    expect(await clocksOf(late)).toEqual([
      expect.objectContaining({ standard: "another_way", elapsed: 7, overdue: true }),
    ]);
    const officer = await signedInOfficer();
    expect(
      (await officer.browser.post(`/review/api/another-way/${late.requestId}/outcome`, { outcome: "contacted" }))
        .status,
    ).toBe(200);
    expect(await clocksOf(late)).toEqual([]);
  });

  it("the follow-up list: waiting requests first, due first, flagged past the standard; answered ones after", async () => {
    const answered = await requestMade(12);
    const late = await requestMade(8);
    const recent = await requestMade(1);
    const officer = await signedInOfficer();
    await officer.browser.post(`/review/api/another-way/${answered.requestId}/outcome`, { outcome: "contacted" });
    const response = await officer.browser.get("/review/api/follow-up?stage=another_way");
    expect(response.status).toBe(200);
    const ours = ((await response.json()) as { items: AnotherWayItem[] }).items.filter((i) =>
      [answered.requestId, late.requestId, recent.requestId].includes(i.requestId),
    );
    expect(ours.map((i) => i.requestId)).toEqual([late.requestId, recent.requestId, answered.requestId]);
    expect(ours[0]!.clock).toMatchObject({ standard: "another_way", elapsed: 8, overdue: true });
    expect(ours[1]!.clock).toMatchObject({ elapsed: 1, overdue: false });
    expect(ours[2]!.clock).toBeNull();
  });

  it("the supervisors' metrics count requests answered in time as met, and late or still waiting past it as not met", async () => {
    const supervisor = await signedInOfficer("Sam Supervisor", "supervisor");
    type Outcome = { standard: string; met: number; judged: number; days: number; unit: string };
    const read = async () =>
      ((await (await supervisor.browser.get("/review/api/metrics")).json()) as { standards: Outcome[] }).standards.find(
        (o) => o.standard === "another_way",
      )!;
    const before = await read();
    expect(before).toMatchObject({ days: 5, unit: "business" });
    const officer = await signedInOfficer();
    // Answered the same day: met. Waiting 9 business days: not met. Waiting 2: not judged yet.
    const quick = await requestMade(0);
    await officer.browser.post(`/review/api/another-way/${quick.requestId}/outcome`, { outcome: "appointment_set" });
    await requestMade(9);
    await requestMade(2);
    const after = await read();
    expect({ met: after.met - before.met, judged: after.judged - before.judged }).toEqual({ met: 1, judged: 2 });
  });
});
