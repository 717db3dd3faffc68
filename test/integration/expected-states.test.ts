// A state the page expects is not an error (issue 18 point 9): a person with no photo yet, and an officer
// who is not signed in, are answered 200 with an empty value, so the browser's console stays clean. The
// refusals that protect people stay as they were: another applicant's person is still 404, and a signed-out
// officer still gets 401 from every route that does something.
import { describe, expect, it } from "vitest";
import { Browser } from "../support/http.ts";
import { signedInApplicant } from "../support/factories.ts";
import { signedInOfficer } from "../support/officers.ts";

describe("expected states answer 200, not an error", () => {
  it("GET /api/persons/:id/photo is 200 null before any upload; another family's person is still 404", async () => {
    const applicant = await signedInApplicant();
    const other = await signedInApplicant();
    const own = await applicant.browser.get(`/api/persons/${applicant.persons[0]!.id}/photo`);
    expect(own.status).toBe(200);
    expect(await own.json()).toBeNull();
    expect((await applicant.browser.get(`/api/persons/${other.persons[0]!.id}/photo`)).status).toBe(404);
    expect((await new Browser().get(`/api/persons/${applicant.persons[0]!.id}/photo`)).status).toBe(401);
  });

  it("GET /review/api/session is 200 signed out on a first visit, the officer when signed in; the queue stays 401 signed out", async () => {
    const visitor = new Browser();
    const first = await visitor.get("/review/api/session");
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(await first.json()).toEqual({ signedIn: false });
    expect((await visitor.get("/review/api/queue")).status).toBe(401);

    const officer = await signedInOfficer("Noor Officer");
    expect(await (await officer.browser.get("/review/api/session")).json()).toMatchObject({
      signedIn: true,
      name: "Noor Officer",
      role: "officer",
    });
  });
});
