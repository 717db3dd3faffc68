// One schema, both sides: the address page checks a body with the route's own schema
// (shared/api/persons.ts AddressBody, through schemaProblems in shared/api/problems.ts, as
// client/pages/address does) before it sends, so it
// refuses exactly what the route refuses, field by field and code by code.
import { describe, expect, it } from "vitest";
import { schemaProblems } from "../../shared/api/problems.ts";
import { AddressBody } from "../../shared/api/persons.ts";
import { errorOf } from "../support/http.ts";
import { signedInApplicant } from "../support/factories.ts";

const GOOD = {
  unit: "4",
  streetNumber: "111",
  streetName: "Wellington Street",
  city: "Ottawa",
  province: "ON",
  postalCode: "k1a0a9",
};

const BODIES: Record<string, unknown>[] = [
  GOOD,
  {},
  { ...GOOD, streetNumber: "  ", city: "" },
  { ...GOOD, unit: "x".repeat(21), streetName: "y".repeat(101) },
  { ...GOOD, streetName: "=1+1" },
  { ...GOOD, streetNumber: "-12" },
  { ...GOOD, city: "<b>Ottawa</b>" },
  { ...GOOD, province: "" },
  { ...GOOD, province: "ZZ" },
  { ...GOOD, postalCode: "" },
  { ...GOOD, postalCode: "123456" },
  { ...GOOD, postalCode: "D1A 0A9" },
  { ...GOOD, province: "BC" },
  { ...GOOD, province: "bc", postalCode: "v6b 4y8 " },
  {
    unit: null,
    streetNumber: "1",
    streetName: "Main Street",
    city: "Whitehorse",
    province: "YT",
    postalCode: "Y1A 0A1",
  },
];

describe("the address schema on both sides", () => {
  it("the page's pre-send check refuses exactly what the route refuses, with the same fields and codes", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    let refused = 0;
    for (const body of BODIES) {
      const client = schemaProblems(AddressBody, body).map((p) => [p.field, p.code]);
      const response = await applicant.browser.post(`/api/persons/${person.id}/address`, body);
      const label = JSON.stringify(body);
      if (client.length === 0) {
        expect(response.status, label).toBe(200);
        continue;
      }
      refused++;
      expect(response.status, label).toBe(422);
      expect(
        (await errorOf(response)).fields?.map((f) => [f.field, f.code]),
        label,
      ).toEqual(client);
    }
    // Most bodies above are refused; the good ones still save.
    expect(refused).toBe(BODIES.length - 3);
  });
});
