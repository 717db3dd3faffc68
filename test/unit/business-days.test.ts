// Business days and federal holidays (issue 17 point 4, decision 025): computed for any
// year (Easter by the computus), moved off weekends as the Treasury Board's agreements move
// them, and the standards' clocks built on them (shared/service-standards/).
import { describe, expect, it } from "vitest";
import { addBusinessDays, businessDaysBetween, isBusinessDay } from "../../shared/service-standards/business-days.ts";
import { easterSunday, federalHolidays, isFederalHoliday } from "../../shared/service-standards/holidays.ts";
import { clockFor, dueOn, metStandard } from "../../shared/service-standards/standards.ts";
import { runningClocks } from "../../shared/service-standards/clocks.ts";
import type { ServiceStandards } from "../../shared/service-standards/standards.ts";

/** The observed day of each holiday, by id. */
const observed = (year: number) => Object.fromEntries(federalHolidays(year).map((h) => [h.id, h.observed]));

const STANDARDS: ServiceStandards = {
  photo_review: { id: "photo_review", days: 10, unit: "business" },
  ecopr: { id: "ecopr", days: 10, unit: "business" },
  card_produced: { id: "card_produced", days: 14, unit: "calendar" },
  card_mailed: { id: "card_mailed", days: 5, unit: "business" },
  another_way: { id: "another_way", days: 5, unit: "business" },
  correction: { id: "correction", days: 10, unit: "business" },
};

describe("Easter (the computus)", () => {
  it("gives the Gregorian Easter of known years, the earliest and latest possible included", () => {
    const known: [number, string][] = [
      [1818, "1818-03-22"],
      [1943, "1943-04-25"],
      [1961, "1961-04-02"],
      [2000, "2000-04-23"],
      [2008, "2008-03-23"],
      [2011, "2011-04-24"],
      [2019, "2019-04-21"],
      [2024, "2024-03-31"],
      [2025, "2025-04-20"],
      [2026, "2026-04-05"],
      [2027, "2027-03-28"],
      [2038, "2038-04-25"],
      [2285, "2285-03-22"],
    ];
    for (const [year, day] of known) expect(easterSunday(year), String(year)).toBe(day);
  });
});

describe("federal holidays", () => {
  it("2024: every holiday on a weekday stays on its day", () => {
    expect(observed(2024)).toEqual({
      new_year: "2024-01-01",
      good_friday: "2024-03-29",
      easter_monday: "2024-04-01",
      victoria_day: "2024-05-20",
      canada_day: "2024-07-01",
      civic_holiday: "2024-08-05",
      labour_day: "2024-09-02",
      truth_and_reconciliation: "2024-09-30",
      thanksgiving: "2024-10-14",
      remembrance_day: "2024-11-11",
      christmas: "2024-12-25",
      boxing_day: "2024-12-26",
    });
  });

  it("2022: New Year's Day on a Saturday moves to Monday; Christmas on a Sunday takes Monday and pushes Boxing Day to Tuesday", () => {
    const days = observed(2022);
    expect(days.new_year).toBe("2022-01-03");
    expect(days.christmas).toBe("2022-12-26");
    expect(days.boxing_day).toBe("2022-12-27");
    expect(days.victoria_day).toBe("2022-05-23");
    expect(days.truth_and_reconciliation).toBe("2022-09-30");
  });

  it("2023: Canada Day, Truth and Reconciliation and Remembrance Day on a weekend move to the next Monday", () => {
    const days = observed(2023);
    expect(days.new_year).toBe("2023-01-02");
    expect(days.canada_day).toBe("2023-07-03");
    expect(days.truth_and_reconciliation).toBe("2023-10-02");
    expect(days.remembrance_day).toBe("2023-11-13");
    expect(days.thanksgiving).toBe("2023-10-09");
  });

  it("2021 and 2027: Christmas on a Saturday is taken on Monday the 27th, Boxing Day on Tuesday the 28th", () => {
    for (const year of [2021, 2027]) {
      const days = observed(year);
      expect(days.christmas).toBe(`${year}-12-27`);
      expect(days.boxing_day).toBe(`${year}-12-28`);
    }
    // Victoria Day when May 24 is itself a Monday.
    expect(observed(2021).victoria_day).toBe("2021-05-24");
    expect(observed(2027).victoria_day).toBe("2027-05-24");
  });

  it("2026: Victoria Day when May 24 is a Sunday, Boxing Day on a Saturday, Thanksgiving the second Monday", () => {
    expect(observed(2026)).toEqual({
      new_year: "2026-01-01",
      good_friday: "2026-04-03",
      easter_monday: "2026-04-06",
      victoria_day: "2026-05-18",
      canada_day: "2026-07-01",
      civic_holiday: "2026-08-03",
      labour_day: "2026-09-07",
      truth_and_reconciliation: "2026-09-30",
      thanksgiving: "2026-10-12",
      remembrance_day: "2026-11-11",
      christmas: "2026-12-25",
      boxing_day: "2026-12-28",
    });
  });

  it("the National Day for Truth and Reconciliation exists from 2021 only", () => {
    expect(observed(2020).truth_and_reconciliation).toBeUndefined();
    expect(federalHolidays(2020)).toHaveLength(11);
    expect(federalHolidays(2021)).toHaveLength(12);
  });

  it("every observed day is a weekday and no two holidays share one, for 1990–2100", () => {
    for (let year = 1990; year <= 2100; year++) {
      const days = federalHolidays(year).map((h) => h.observed);
      expect(new Set(days).size, String(year)).toBe(days.length);
      for (const day of days) {
        const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
        expect(weekday === 0 || weekday === 6, day).toBe(false);
        expect(day.slice(0, 4), day).toBe(String(year));
      }
    }
  });

  it("a holiday's own date on a weekend is not a business day either way, and its observed day is not", () => {
    expect(isFederalHoliday("2023-07-03")).toBe(true);
    expect(isFederalHoliday("2023-07-01")).toBe(false);
    expect(isBusinessDay("2023-07-01")).toBe(false);
    expect(isBusinessDay("2023-07-03")).toBe(false);
    expect(isBusinessDay("2023-07-04")).toBe(true);
    expect(isBusinessDay("2021-12-31")).toBe(true);
  });
});

describe("business-day arithmetic", () => {
  it("counts the business days after the first day up to and including the last", () => {
    expect(businessDaysBetween("2026-12-04", "2026-12-04")).toBe(0);
    expect(businessDaysBetween("2026-12-04", "2026-12-07")).toBe(1); // Friday → Monday
    expect(businessDaysBetween("2026-12-05", "2026-12-06")).toBe(0); // a weekend
    expect(businessDaysBetween("2026-12-07", "2026-12-04")).toBe(0); // backwards
    expect(businessDaysBetween("2026-12-24", "2026-12-29")).toBe(1); // Christmas and Boxing Day (observed Monday)
    // Across a year: Christmas and Boxing Day 2021 observed the 27th and 28th, New Year's Day 2022 the 3rd.
    expect(businessDaysBetween("2021-12-24", "2022-01-04")).toBe(4);
    // 2026: 261 weekdays, less New Year's Day (the first day, not counted) and the 11 other holidays;
    // New Year's Day 2027 is a holiday too.
    expect(businessDaysBetween("2026-01-01", "2027-01-01")).toBe(249);
  });

  it("adds business days over weekends and holidays", () => {
    expect(addBusinessDays("2026-12-04", 0)).toBe("2026-12-04");
    expect(addBusinessDays("2026-12-04", 1)).toBe("2026-12-07");
    expect(addBusinessDays("2026-12-24", 1)).toBe("2026-12-29");
    expect(addBusinessDays("2026-04-02", 1)).toBe("2026-04-07"); // Good Friday and Easter Monday
    expect(addBusinessDays("2026-09-28", 10)).toBe("2026-10-14"); // Truth and Reconciliation, Thanksgiving
    for (const [from, days] of [
      ["2026-11-20", 10],
      ["2021-12-20", 7],
      ["2025-06-27", 3],
    ] as const)
      expect(businessDaysBetween(from, addBusinessDays(from, days))).toBe(days);
  });
});

describe("standards and clocks", () => {
  it("a photo-review clock: 10 business days due, met on the 10th, overdue on the 11th", () => {
    const clock = clockFor(STANDARDS.photo_review, "2026-11-20T15:30:00.000Z", "2026-12-04");
    expect(clock).toEqual({
      standard: "photo_review",
      days: 10,
      unit: "business",
      since: "2026-11-20",
      elapsed: 10,
      dueOn: "2026-12-04",
      overdue: false,
    });
    expect(clockFor(STANDARDS.photo_review, "2026-11-20T15:30:00.000Z", "2026-12-07").overdue).toBe(true);
    expect(metStandard(STANDARDS.photo_review, "2026-11-20T15:30:00.000Z", "2026-12-04T20:00:00.000Z")).toBe(true);
    expect(metStandard(STANDARDS.photo_review, "2026-11-20T15:30:00.000Z", "2026-12-07T09:00:00.000Z")).toBe(false);
  });

  it("the card's standard counts calendar days", () => {
    expect(dueOn(STANDARDS.card_produced, "2026-11-20T10:00:00.000Z")).toBe("2026-12-04");
    expect(clockFor(STANDARDS.card_produced, "2026-11-20", "2026-12-04").overdue).toBe(false);
    expect(clockFor(STANDARDS.card_produced, "2026-11-20", "2026-12-05")).toMatchObject({ elapsed: 15, overdue: true });
  });

  it("runs the clocks the portal owes: review after a submission, e-CoPR and card after acceptance, mailing after production; none after a return", () => {
    const today = "2026-12-04";
    const submitted = { type: "submitted" as const, at: "2026-12-01T10:00:00.000Z" };
    expect(runningClocks([submitted], STANDARDS, today).map((c) => c.standard)).toEqual(["photo_review"]);
    const returned = { type: "photo_returned" as const, at: "2026-12-02T10:00:00.000Z" };
    expect(runningClocks([submitted, returned], STANDARDS, today)).toEqual([]);
    const again = { type: "submitted" as const, at: "2026-12-03T10:00:00.000Z" };
    expect(runningClocks([submitted, returned, again], STANDARDS, today)).toMatchObject([
      { standard: "photo_review", since: "2026-12-03", elapsed: 1 },
    ]);
    const accepted = { type: "photo_accepted" as const, at: "2026-12-04T08:00:00.000Z" };
    expect(runningClocks([submitted, returned, again, accepted], STANDARDS, today).map((c) => c.standard)).toEqual([
      "ecopr",
      "card_produced",
    ]);
    const confirmed = { type: "pr_confirmed" as const, at: "2026-12-04T09:00:00.000Z" };
    const produced = { type: "card_produced" as const, at: "2026-12-04" };
    expect(
      runningClocks([submitted, returned, again, accepted, confirmed, produced], STANDARDS, today).map(
        (c) => c.standard,
      ),
    ).toEqual(["card_mailed"]);
    const mailed = { type: "card_mailed" as const, at: "2026-12-04" };
    expect(
      runningClocks([submitted, returned, again, accepted, confirmed, produced, mailed], STANDARDS, today),
    ).toEqual([]);
  });
});
