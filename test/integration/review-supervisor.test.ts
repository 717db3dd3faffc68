// Needs its own workerd and storage: the supervisors' figures count every officer's decisions.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { signedInApplicant } from "../support/factories.ts";
import { completeTasks, jpegOf, submitAll } from "../support/journey.ts";
import { signedInOfficer } from "../support/officers.ts";
import { realFaces } from "../support/face-source.ts";

type Metrics = {
  counts: { photosAccepted: number; photosReturned: number; submissions: number };
  returnsByReason: Record<string, number>;
  disagreement: { acceptedDespiteWarnings: number; returnedThoughChecksPassed: number };
  medianHoursToDecision: number | null;
};

async function decide(
  officer: Awaited<ReturnType<typeof signedInOfficer>>,
  familyName: string,
  action: "accept" | "return",
) {
  const items = (
    (await (await officer.browser.get(`/review/api/queue?q=${familyName}`)).json()) as {
      items: { submissionId: number }[];
    }
  ).items;
  await officer.browser.post(`/review/api/items/${items[0]!.submissionId}/claim`, {});
  const response = await officer.browser.post(
    `/review/api/items/${items[0]!.submissionId}/${action}`,
    action === "return" ? { reasons: ["background_not_white"] } : {},
  );
  expect(response.status).toBe(200);
}

describe("supervisors", () => {
  it("read the audit log with filters; a plain officer cannot", async () => {
    const supervisor = await signedInOfficer("Sam Supervisor", "supervisor");
    const officer = await signedInOfficer();
    expect((await officer.browser.get("/review/api/audit")).status).toBe(403);
    expect((await officer.browser.get("/review/api/metrics")).status).toBe(403);
    const entries = (
      (await (
        await supervisor.browser.get(`/review/api/audit?actorKind=officer&actorId=${officer.id}&action=officer.`)
      ).json()) as {
        entries: { action: string; actorId: string }[];
      }
    ).entries;
    expect(entries.map((e) => e.action)).toContain("officer.sign_in");
    expect(entries.every((e) => e.actorId === String(officer.id) && e.action.startsWith("officer."))).toBe(true);
    expect((await supervisor.browser.get("/review/api/audit?limit=abc")).status).toBe(200);
    // The log cannot be rewritten, even by the database user.
    await expect(env.DB.prepare("delete from audit_log").run()).rejects.toThrow(/audit_append_only/);
  });

  it("see how often officers and the automatic checks disagree, and why photos are returned", async () => {
    const supervisor = await signedInOfficer("Sam Supervisor", "supervisor");
    const before = (await (await supervisor.browser.get("/review/api/metrics")).json()) as Metrics;
    const officer = await signedInOfficer();

    // A photo the checks warned about (grey backdrop), acknowledged, then accepted by the officer.
    const warned = await signedInApplicant();
    const person = warned.persons[0]!;
    await completeTasks(warned.browser, person.id, await jpegOf(realFaces.greyBackground()));
    await warned.browser.post(`/api/persons/${person.id}/photo/acknowledge`, { acknowledge: true });
    expect((await warned.browser.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true })).status).toBe(
      201,
    );
    await decide(officer, person.familyName, "accept");

    // A photo that passed every check, returned by the officer.
    const passed = await signedInApplicant();
    await submitAll(passed.browser, passed.persons[0]!.id);
    await decide(officer, passed.persons[0]!.familyName, "return");

    const after = (await (await supervisor.browser.get("/review/api/metrics")).json()) as Metrics;
    expect(after.disagreement.acceptedDespiteWarnings - before.disagreement.acceptedDespiteWarnings).toBe(1);
    expect(after.disagreement.returnedThoughChecksPassed - before.disagreement.returnedThoughChecksPassed).toBe(1);
    expect((after.returnsByReason.background_not_white ?? 0) - (before.returnsByReason.background_not_white ?? 0)).toBe(
      1,
    );
    expect(after.counts.photosAccepted - before.counts.photosAccepted).toBe(1);
    expect(after.medianHoursToDecision).not.toBeNull();
  });
});
