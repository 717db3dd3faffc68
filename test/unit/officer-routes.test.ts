import { describe, expect, it } from "vitest";
import { matchRoute } from "../../client/lib/routes.ts";
import { matchOfficerRoute, safeReturnPath } from "../../client/officer/routes.ts";

describe("the officers' area in the client", () => {
  it("is everything under /review, matched to its own pages", () => {
    expect(matchRoute("/review")).toEqual({ name: "officer", path: "/review" });
    expect(matchRoute("/review/items/12/")).toEqual({ name: "officer", path: "/review/items/12" });
    // The applicant's "check your answers" page is not the officers' area; its old address, a bookmark, moves to the new one.
    expect(matchRoute("/persons/3/check-answers")).toEqual({ name: "checkAnswers", personId: 3 });
    expect(matchRoute("/persons/3/review")).toEqual({ name: "moved", to: "/persons/3/check-answers" });
    expect(matchRoute("/persons/3/review/")).toEqual({ name: "moved", to: "/persons/3/check-answers" });
    expect(matchRoute("/persons/0/review")).toEqual({ name: "notFound" });
    expect(matchRoute("/reviewer")).toEqual({ name: "notFound" });

    expect(matchOfficerRoute("/review")).toEqual({ name: "queue" });
    expect(matchOfficerRoute("/review/sign-in")).toEqual({ name: "signIn" });
    expect(matchOfficerRoute("/review/change-password")).toEqual({ name: "changePassword" });
    expect(matchOfficerRoute("/review/password")).toEqual({ name: "password" });
    expect(matchOfficerRoute("/review/items/42")).toEqual({ name: "item", submissionId: 42 });
    expect(matchOfficerRoute("/review/audit")).toEqual({ name: "audit" });
    expect(matchOfficerRoute("/review/metrics")).toEqual({ name: "metrics" });
    expect(matchOfficerRoute("/review/follow-up")).toEqual({ name: "followUp" });
    expect(matchOfficerRoute("/review/persons/7")).toEqual({ name: "person", personId: 7 });
    for (const path of [
      "/review/items/0",
      "/review/items/abc",
      "/review/items/1/2",
      "/review/api/queue",
      "/review/persons/0",
    ])
      expect(matchOfficerRoute(path), path).toEqual({ name: "notFound" });
  });

  it("returns an officer after sign-in only to a page of the officers' area", () => {
    expect(safeReturnPath("/review/items/12?lang=fr")).toBe("/review/items/12?lang=fr");
    expect(safeReturnPath("/review")).toBe("/review");
    for (const path of [
      null,
      "",
      "//evil.example/review",
      "https://evil.example/review",
      "/home",
      "/review/sign-in?next=/review",
      "/review/change-password",
      "/review/api/session",
    ]) {
      expect(safeReturnPath(path), String(path)).toBeNull();
    }
  });
});
