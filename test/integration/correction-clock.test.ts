// Needs its own workerd and storage: the supervisors' metrics count every e-CoPR correction.
// A report of an error in an e-CoPR waits on its own service standard (decision 025's configurable
// standards, `CORRECTION_BUSINESS_DAYS`, 10 business days) until the officer's decision (decision
// 027): the person's status shows it, the officers' corrections list flags the reports past it
// (oldest, so due, first), and the supervisors' metrics count the share met.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, ecoprCorrections } from "../../schema/index.ts";
import { requestCorrection } from "../../worker/services/ecopr-correction.ts";
import { businessDaysBetween } from "../../shared/service-standards/business-days.ts";
import { addCalendarDays } from "../../shared/service-standards/days.ts";
import { db } from "../support/factories.ts";
import { decide, report, withEcopr } from "../support/ecopr-corrections.ts";
import { signedInOfficer } from "../support/officers.ts";

const today = () => new Date().toISOString().slice(0, 10);
/** Noon UTC of the latest day with `n` business days after it up to today. */
function businessDaysAgo(n: number) {
  let day = today();
  while (businessDaysBetween(day, today()) < n) day = addCalendarDays(day, -1);
  return Date.parse(`${day}T12:00:00.000Z`);
}

interface Clock {
  standard: string;
  days: number;
  unit: string;
  elapsed: number;
  dueOn: string;
  overdue: boolean;
}

/** A family with an e-CoPR and a report about it sent `ago` business days back (through the service, as the route does). */
async function reportedAgo(ago: number) {
  const family = await withEcopr();
  const { person } = family;
  if (ago === 0) {
    expect((await report(family.browser, person.id, { field: "given_names", correctValue: "Amarachi" })).status).toBe(
      201,
    );
  } else {
    const account = (await db().select().from(accounts).where(eq(accounts.personId, person.id)).get())!;
    const input = { personId: person.id, accountId: account.id, field: "given_names" as const, evidence: null };
    const sent = await requestCorrection(db(), env, { ...input, correctValue: "Amarachi" }, businessDaysAgo(ago));
    expect(sent.ok).toBe(true);
  }
  const row = (await db().select().from(ecoprCorrections).where(eq(ecoprCorrections.personId, person.id)).get())!;
  return { ...family, row };
}

async function correctionClock(family: Awaited<ReturnType<typeof reportedAgo>>) {
  const response = await family.browser.get(`/api/persons/${family.person.id}/status`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { clocks: Clock[] }).clocks.find((c) => c.standard === "correction");
}

describe("the standard for an e-CoPR correction", { timeout: 180_000 }, () => {
  it("the status, the officers' list and the supervisors' metrics follow the report until its decision", async () => {
    const late = await reportedAgo(12);
    const fresh = await reportedAgo(0);

    // The person's status page: the standard and the business days so far, late past it.
    expect(await correctionClock(fresh)).toMatchObject({
      standard: "correction",
      days: 10,
      unit: "business",
      elapsed: 0,
      overdue: false,
    });
    expect(await correctionClock(late)).toMatchObject({ days: 10, elapsed: 12, overdue: true });

    // The officers' list: each waiting report with its clock, the one past its standard first and flagged.
    const list = (await (await late.officer.browser.get("/review/api/corrections")).json()) as {
      items: { id: number; clock: Clock | null }[];
    };
    const ids = list.items.map((i) => i.id);
    expect(ids.indexOf(late.row.id)).toBeLessThan(ids.indexOf(fresh.row.id));
    expect(list.items.find((i) => i.id === late.row.id)?.clock).toMatchObject({ elapsed: 12, overdue: true });
    expect(list.items.find((i) => i.id === fresh.row.id)?.clock).toMatchObject({ elapsed: 0, overdue: false });

    // The supervisors' metrics: the fresh report decided today met it; the late one, still waiting past it, did not.
    expect((await decide(fresh.officer, fresh.person.id, "accept", { correctionId: fresh.row.id })).status).toBe(200);
    const supervisor = await signedInOfficer("Sam Supervisor", "supervisor");
    const metrics = (await (await supervisor.browser.get("/review/api/metrics")).json()) as {
      standards: { standard: string; days: number; met: number; judged: number }[];
    };
    expect(metrics.standards.find((s) => s.standard === "correction")).toMatchObject({ days: 10, met: 1, judged: 2 });

    // Decided: no clock on the status page, none on the decided list.
    expect(await correctionClock(fresh)).toBeUndefined();
    const decided = (await (await fresh.officer.browser.get("/review/api/corrections?status=decided")).json()) as {
      items: { id: number; clock: Clock | null }[];
    };
    expect(decided.items.find((i) => i.id === fresh.row.id)?.clock).toBeNull();
  });
});
