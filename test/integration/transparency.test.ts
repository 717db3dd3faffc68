// Needs its own workerd and storage: the daily job's figures are over every person's steps.
// /transparency's figures (issue 17 point 4, decision 025): the daily maintenance job computes
// them from D1 over the last 90 days into public_figures, and GET /api/transparency serves the
// newest row to anyone. A seeded history (support/service-history.ts) of 33 persons gives
// figures known by hand; every cell under 10 people is "fewer_than_10"; no personal data.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { PublicFigures } from "../../shared/service-standards/figures.ts";
import { runMaintenance } from "../../worker/maintenance/index.ts";
import { Browser } from "../support/http.ts";
import { type HistorySpec, historyOfficer, seedHistory } from "../support/service-history.ts";

const DAY = 86_400_000;
const NOW = Date.now();
const F = "fewer_than_10";

// Photo review, calendar days: 20 quick reviews (1–5 days, 4 of each: met) and 10 slow ones
// (30–39 days: missed). Decisions all made 60 days ago.
const QUICK = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5];
const SLOW = [30, 31, 32, 33, 34, 35, 36, 37, 38, 39];
// After acceptance, for the 16 accepted persons (14 checks passed, 2 warned):
const ECOPR = [1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 8, 12, 30, 35]; // 2 still waiting
const PRODUCED = [5, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 20]; // 4 still waiting
const MAILED = [1, 1, 2, 2, 3, 3, 4, 20]; // 4 produced, not mailed yet

function history(): HistorySpec[] {
  const specs: HistorySpec[] = [];
  const decidedDaysAgo = 60;
  for (let i = 0; i < 16; i++) {
    const review = QUICK[i]!;
    specs.push({
      submittedDaysAgo: decidedDaysAgo + review,
      verdict: i < 14 ? "pass" : "warn",
      decision: { afterDays: review, outcome: "photo_accepted" },
      confirmedAfterDays: ECOPR[i],
      producedAfterDays: PRODUCED[i],
      mailedAfterDays: MAILED[i],
    });
  }
  // 14 returned: 3 whose checks passed (too dark), 11 whose checks warned (background).
  const returnedReviews = [...QUICK.slice(16), ...SLOW];
  for (let j = 0; j < 14; j++) {
    const review = returnedReviews[j]!;
    specs.push({
      submittedDaysAgo: decidedDaysAgo + review,
      verdict: j < 3 ? "pass" : "warn",
      decision: {
        afterDays: review,
        outcome: "photo_returned",
        reasons: j < 3 ? ["too_dark"] : ["background_not_white"],
      },
    });
  }
  // Waiting for review: one 40 days (past the standard), one since today.
  specs.push({ submittedDaysAgo: 40, verdict: "pass" }, { submittedDaysAgo: 0, verdict: "pass" });
  // Decided 120 days ago: outside the window, counted nowhere.
  specs.push({
    submittedDaysAgo: 122,
    verdict: "pass",
    decision: { afterDays: 2, outcome: "photo_returned", reasons: ["glare"] },
  });
  return specs;
}

async function published(browser = new Browser()) {
  const response = await browser.get("/api/transparency");
  expect(response.status).toBe(200);
  const text = await response.text();
  return { response, text, figures: (JSON.parse(text) as { figures: PublicFigures | null }).figures };
}

let identifiers: string[] = [];

beforeAll(async () => {
  identifiers = (await seedHistory(history(), NOW, await historyOfficer())).identifiers;
});

describe("/api/transparency", () => {
  it("answers anyone, no session, with no figures until the daily job has run", async () => {
    const { response, figures } = await published();
    expect(figures).toBeNull();
    expect(response.headers.get("Cache-Control")).toContain("no-store");
  });

  it("after the job: median and 90th percentile days of each step over the last 90 days", async () => {
    const report = await runMaintenance(env, NOW);
    expect(report.publicFigures.day).toBe(new Date(NOW).toISOString().slice(0, 10));
    const { figures } = await published();
    expect(figures!.windowDays).toBe(90);
    expect(figures!.steps).toEqual([
      // 1,1,1,1,2,2,2,2,…,5,5,5,5 then 30…39: the 15th and 16th are 4; the 27th is 36.
      { step: "photo_review", people: 30, medianDays: 4, p90Days: 36 },
      // 1,2,2,3,3,3,4,4,5,6,8,12,30,35: (4 + 4) / 2; the 13th is 30.
      { step: "ecopr", people: 14, medianDays: 4, p90Days: 30 },
      // 5,6,7,7,8,9,10,11,12,13,14,20: (9 + 10) / 2; the 11th is 14.
      { step: "card_produced", people: 12, medianDays: 9.5, p90Days: 14 },
      // 8 cards mailed: fewer than 10 people, nothing of it published.
      { step: "card_mailed", people: F, medianDays: F, p90Days: F },
      // No request for another way in this history: 0 is "fewer than 10" too.
      { step: "another_way", people: F, medianDays: F, p90Days: F },
      // No report of an error in an e-CoPR either (decision 027).
      { step: "correction", people: F, medianDays: F, p90Days: F },
    ]);
  });

  it("the photo return rate by reason, a reason under 10 people suppressed", async () => {
    const { figures } = await published();
    expect(figures!.returns.decisions).toBe(30);
    expect(figures!.returns.returned).toBe(14);
    expect(figures!.returns.rate).toBe(0.467);
    const byReason = Object.fromEntries(figures!.returns.byReason.map((r) => [r.reason, r]));
    expect(byReason.background_not_white).toEqual({ reason: "background_not_white", count: 11, rate: 0.367 });
    expect(byReason.too_dark).toEqual({ reason: "too_dark", count: F, rate: F });
    // The glare return is older than 90 days: not counted, and 0 is "fewer than 10" too.
    expect(byReason.glare).toEqual({ reason: "glare", count: F, rate: F });
  });

  it("agreement between the automatic checks and officers, each cell under 10 suppressed", async () => {
    const { figures } = await published();
    expect(figures!.agreement).toEqual({
      decisions: 30,
      // 14 passes accepted and 11 warnings returned, of 30.
      agreed: 0.833,
      byVerdict: [
        { verdict: "pass", accepted: 14, returned: F },
        { verdict: "warn", accepted: F, returned: 11 },
        { verdict: "fail", accepted: F, returned: F },
      ],
    });
  });

  it("the share of each service standard met, open steps past their standard counted as missed", async () => {
    const { figures } = await published();
    expect(figures!.standards).toEqual([
      // 20 of 30 decisions, and the item waiting 40 days: 20 / 31.
      { standard: "photo_review", days: 10, unit: "business", people: 31, met: 0.645 },
      // 12 of 14 confirmed in time, 2 still waiting after 60 days: 12 / 16.
      { standard: "ecopr", days: 10, unit: "business", people: 16, met: 0.75 },
      // 11 of 12 produced within 14 days, 4 waiting: 11 / 16.
      { standard: "card_produced", days: 14, unit: "calendar", people: 16, met: 0.688 },
      // 7 of 8 mailed within 5 business days, 4 produced weeks ago and not mailed: 7 / 12.
      { standard: "card_mailed", days: 5, unit: "business", people: 12, met: 0.583 },
      // Requests for another way until their first answer (decision 028): none here, suppressed.
      { standard: "another_way", days: 5, unit: "business", people: F, met: F },
      // Reports of an error in an e-CoPR until the officer's decision (decision 027): none here, suppressed.
      { standard: "correction", days: 10, unit: "business", people: F, met: F },
    ]);
  });

  it("holds no personal data: none of the seeded names, numbers, emails or references, and only aggregate keys", async () => {
    const { text, figures } = await published();
    for (const identifier of identifiers) expect(text).not.toContain(identifier);
    expect(text).not.toMatch(/@|Seeded|Historia|PR-H/);
    const keys = new Set<string>();
    const walk = (value: unknown) => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === "object")
        for (const [key, inner] of Object.entries(value)) {
          keys.add(key);
          walk(inner);
        }
    };
    walk(figures);
    expect([...keys].sort()).toEqual(
      [
        "accepted",
        "agreed",
        "agreement",
        "byReason",
        "byVerdict",
        "computedOn",
        "count",
        "days",
        "decisions",
        "from",
        "medianDays",
        "met",
        "p90Days",
        "people",
        "rate",
        "reason",
        "returned",
        "returns",
        "standard",
        "standards",
        "step",
        "steps",
        "unit",
        "verdict",
        "windowDays",
      ].sort(),
    );
  });

  it("a second run the same day replaces that day's row; the next day's run is what the page then shows", async () => {
    await runMaintenance(env, NOW);
    const rows = await env.DB.prepare("select day from public_figures").all<{ day: string }>();
    expect(rows.results).toHaveLength(1);
    await runMaintenance(env, NOW + DAY);
    const { figures } = await published();
    expect(figures!.computedOn).toBe(new Date(NOW + DAY).toISOString().slice(0, 10));
    expect((await env.DB.prepare("select day from public_figures").all()).results).toHaveLength(2);
  });
});
