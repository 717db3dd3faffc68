// The client's formatters (client/lib/format.ts) give Canadian English and
// Canadian French conventions: long dates "November 23, 2026" / "23 novembre
// 2026", times "2:05 p.m." / "14 h 05", and French no-break spaces before
// percent signs and units. The module is pure, so it runs here in workerd.
import { describe, expect, it } from "vitest";
import {
  format,
  formatDateTime,
  formatLongDate,
  formatNumber,
  formatParts,
  fullName,
} from "../../client/lib/format.ts";

// Intl separates French thousands and units with a (narrow) no-break space.
const NBSP = /[\u00a0\u202f]/;
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("format and formatParts", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("Hello, {username}. {missing}", { username: "ana" })).toBe("Hello, ana. {missing}");
    expect(format("{n} of {n}", { n: 3 })).toBe("3 of 3");
  });

  it("puts an element where its placeholder is", () => {
    const link = { type: "a" } as unknown as string;
    expect(formatParts("Use the {link} link.", { link })).toEqual(["Use the ", link, " link."]);
  });
});

describe("formatLongDate", () => {
  it("writes a calendar date in each language's long form, whatever the time zone", () => {
    expect(formatLongDate("2026-11-23", "en")).toBe("November 23, 2026");
    expect(formatLongDate("2026-11-23", "fr")).toBe("23 novembre 2026");
    expect(formatLongDate("2026-01-01", "fr", "America/Vancouver")).toBe("1 janvier 2026");
  });

  it("writes an instant as the date it is in the given time zone", () => {
    expect(formatLongDate("2026-11-24T03:30:00Z", "en", "America/Toronto")).toBe("November 23, 2026");
    expect(formatLongDate("2026-11-24T03:30:00Z", "fr", "UTC")).toBe("24 novembre 2026");
    expect(formatLongDate(new Date(Date.UTC(2026, 6, 1, 12)), "fr", "UTC")).toBe("1 juillet 2026");
  });

  it("shows what it cannot read as given, never 'Invalid Date'", () => {
    expect(formatLongDate("2026-02-30", "en")).toBe("2026-02-30");
    expect(formatLongDate("soon", "fr")).toBe("soon");
    expect(formatLongDate(new Date("nope"), "en")).toBe("");
  });
});

describe("formatDateTime", () => {
  it("uses a.m./p.m. in English and the 24-hour 'h' in French, with the zone", () => {
    expect(formatDateTime("2026-11-23T19:05:00Z", "en", "America/Toronto")).toBe("November 23, 2026 at 2:05 p.m. EST");
    expect(plain(formatDateTime("2026-11-23T19:05:00Z", "fr", "America/Toronto"))).toBe(
      "23 novembre 2026 à 14 h 05 HNE",
    );
    expect(formatDateTime("2026-11-23T19:05:00Z", "fr", "America/Toronto")).not.toMatch(/[ap]\.m\./);
  });

  it("shows an unreadable value as given", () => {
    expect(formatDateTime("not a date", "fr")).toBe("not a date");
  });
});

describe("formatNumber", () => {
  it("writes decimals and thousands the Canadian way in each language", () => {
    expect(formatNumber(12345.5, "en")).toBe("12,345.5");
    expect(plain(formatNumber(12345.5, "fr"))).toBe("12 345,5");
    expect(formatNumber(12345.5, "fr")).toMatch(NBSP);
  });

  it("puts a no-break space before the percent sign and units in French only", () => {
    expect(formatNumber(0.42, "en", { style: "percent" })).toBe("42%");
    expect(formatNumber(0.42, "fr", { style: "percent" })).toMatch(/^42[\u00a0\u202f]%$/);
    expect(formatNumber(3.5, "en", { style: "unit", unit: "megabyte" })).toBe("3.5 MB");
    expect(formatNumber(3.5, "fr", { style: "unit", unit: "megabyte" })).toMatch(/^3,5[\u00a0\u202f]Mo$/);
  });
});

describe("fullName", () => {
  it("joins the names without stray spaces", () => {
    expect(fullName({ givenNames: "Nadia ", familyName: "Haddad" })).toBe("Nadia Haddad");
    expect(fullName({ givenNames: "", familyName: "Haddad" })).toBe("Haddad");
  });
});
