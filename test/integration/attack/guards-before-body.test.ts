// Decision 022: a route's guards (signed in, the person acted for, the path's id) are route
// middleware placed before its body's `jsonBody(Schema)`, so they answer before anything the body
// could earn (415, 400, 422): a signed-out POST is a 401, another family's person a 404, an id that
// cannot name a row a 404, whatever the body. Walks every state-changing route of the attack list.
import { beforeAll, describe, expect, it } from "vitest";
import { Browser } from "../../support/http.ts";
import { signedInApplicant } from "../../support/factories.ts";
import { signedInOfficer } from "../../support/officers.ts";
import { STATE_CHANGING_ROUTES, fill } from "./routes.ts";

/** Bodies a body check alone would answer 415, 400 and 422 (a wrong type, then empty fields). */
const BAD_BODIES: { label: string; type: string; body: string }[] = [
  { label: "not JSON (415)", type: "text/plain", body: '{"confirm":true}' },
  { label: "unparsable (400)", type: "application/json", body: "{not json" },
  { label: "a field of the wrong type (400)", type: "application/json", body: '{"confirm":5,"streetName":7}' },
  { label: "every field empty (422)", type: "application/json", body: "{}" },
];

function post(browser: Browser, path: string, { type, body }: { type: string; body: string }) {
  return browser.request(path, { method: "POST", headers: { "Content-Type": type }, body });
}

/** Ids no row has: the guard, not the body, must answer. */
const IDS = { personId: 987_654_321, submissionId: 987_654_321, requestId: 987_654_321 };

const signedInRoutes = STATE_CHANGING_ROUTES.filter(
  // Sign-out without a session is a harmless 204 (nothing to end).
  (r) => ["applicant", "officer", "supervisor"].includes(r.audience) && !r.path.endsWith("/sign-out"),
);

let applicant: Browser;
let officer: Browser;

beforeAll(async () => {
  applicant = (await signedInApplicant()).browser;
  officer = (await signedInOfficer("Gita Guard", "supervisor")).browser;
});

describe("guards answer before the body", () => {
  it("signed out: 401 not_signed_in from every signed-in route, whatever the body", async () => {
    expect(signedInRoutes.length).toBeGreaterThan(20);
    for (const route of signedInRoutes) {
      for (const bad of BAD_BODIES) {
        const response = await post(new Browser(), fill(route.path, IDS), bad);
        const label = `${route.path} ${bad.label}`;
        expect(response.status, label).toBe(401);
        expect(((await response.json()) as { error: { code: string } }).error.code, label).toBe("not_signed_in");
      }
    }
  });

  it("signed in: 404 for a person the account does not act for, whatever the body", async () => {
    const personRoutes = signedInRoutes.filter((r) => r.audience === "applicant" && r.path.includes(":personId"));
    expect(personRoutes.length).toBeGreaterThan(5);
    for (const route of personRoutes) {
      for (const bad of BAD_BODIES) {
        const response = await post(applicant, fill(route.path, IDS), bad);
        const label = `${route.path} ${bad.label}`;
        expect(response.status, label).toBe(404);
        expect(((await response.json()) as { error: { code: string } }).error.code, label).toBe("person_not_found");
      }
    }
  });

  it("an officer: 404 for a path id that cannot name a row, before the body of a return, a card or a correction", async () => {
    for (const path of [
      "/review/api/items/x/return",
      "/review/api/persons/0/card",
      "/review/api/persons/-1/card/mailed-correction",
    ]) {
      for (const bad of BAD_BODIES) {
        const response = await post(officer, path, bad);
        expect(response.status, `${path} ${bad.label}`).toBe(404);
      }
    }
  });
});
