// Needs its own workerd and storage: the officers' queue and its filters list every submission, other files' too.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "../../schema/index.ts";
import { errorOf } from "../support/http.ts";
import { db, latestMail, signedInApplicant } from "../support/factories.ts";
import { submitAll, uploadPhoto, validPhoto } from "../support/journey.ts";
import { signedInOfficer } from "../support/officers.ts";

type QueueItem = {
  submissionId: number;
  kind: string;
  person: { id: number; familyName: string };
  claimedBy: { name: string } | null;
  warningsAcknowledged: boolean;
};

async function queued(officer: Awaited<ReturnType<typeof signedInOfficer>>, query = "") {
  return ((await (await officer.browser.get(`/review/api/queue${query}`)).json()) as { items: QueueItem[] }).items;
}

describe("the officers' queue", () => {
  it("lists submissions oldest first, finds them by name, UCI or application number", async () => {
    const first = await signedInApplicant();
    await submitAll(first.browser, first.persons[0]!.id);
    const second = await signedInApplicant();
    await submitAll(second.browser, second.persons[0]!.id);
    const officer = await signedInOfficer();
    const ids = (await queued(officer)).map((i) => i.person.id);
    expect(ids.indexOf(first.persons[0]!.id)).toBeLessThan(ids.indexOf(second.persons[0]!.id));
    for (const q of [second.persons[0]!.familyName, second.persons[0]!.uci, second.application.applicationNumber]) {
      const found = await queued(officer, `?q=${encodeURIComponent(q)}`);
      expect(
        found.map((i) => i.person.id),
        q,
      ).toEqual([second.persons[0]!.id]);
    }
    expect((await officer.browser.get("/review/api/queue?filter=bogus")).status).toBe(400);
  });

  it("finds accented names as typed, and ASCII letters in either case", async () => {
    const family = await signedInApplicant({ dependants: [{ givenNames: "Élodie", dateOfBirth: "2012-04-01" }] });
    const child = family.persons.find((p) => p.givenNames === "Élodie")!;
    await submitAll(family.browser, child.id);
    const officer = await signedInOfficer();
    for (const q of [`Élodie ${child.familyName}`, child.familyName.toUpperCase()]) {
      expect(
        (await queued(officer, `?q=${encodeURIComponent(q)}`)).map((i) => i.person.id),
        q,
      ).toEqual([child.id]);
    }
  });

  it("finds names whatever their accents and case: the query and the stored key are folded alike", async () => {
    const zoe = await signedInApplicant({ principalNames: { givenNames: "Zoë", familyName: "Lefèvre-Nguyễn" } });
    await submitAll(zoe.browser, zoe.persons[0]!.id);
    const lukasz = await signedInApplicant({ principalNames: { givenNames: "Łukasz", familyName: "Żółć" } });
    await submitAll(lukasz.browser, lukasz.persons[0]!.id);
    const officer = await signedInOfficer();
    for (const [q, person] of [
      ["Zoe", zoe],
      ["zoë", zoe],
      ["NGUYEN", zoe],
      ["lefevre", zoe],
      ["Zoe Lefevre-Nguyen", zoe],
      ["lukasz", lukasz],
      ["LUKASZ ZOLC", lukasz],
    ] as const) {
      expect(
        (await queued(officer, `?q=${encodeURIComponent(q)}`)).map((i) => i.person.id),
        q,
      ).toContain(person.persons[0]!.id);
    }
    expect((await queued(officer, `?q=${encodeURIComponent("Zoe Lukasz")}`)).map((i) => i.person.id)).not.toContain(
      zoe.persons[0]!.id,
    );
  });

  it("an item must be claimed before a decision; the second officer gets 409 naming who has it", async () => {
    const applicant = await signedInApplicant();
    await submitAll(applicant.browser, applicant.persons[0]!.id);
    const [alice, bob] = [await signedInOfficer("Alice Tremblay"), await signedInOfficer("Bob Singh")];
    const item = (await queued(alice, `?q=${applicant.persons[0]!.familyName}`))[0]!;

    expect((await alice.browser.post(`/review/api/items/${item.submissionId}/accept`, {})).status).toBe(409);
    const claims = await Promise.all([
      alice.browser.post(`/review/api/items/${item.submissionId}/claim`, {}),
      bob.browser.post(`/review/api/items/${item.submissionId}/claim`, {}),
    ]);
    expect(claims.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = claims[0]!.status === 409 ? claims[0]! : claims[1]!;
    const winner = loser === claims[0] ? bob : alice;
    const other = winner === alice ? bob : alice;
    expect((await errorOf(loser)).message).toContain(winner.name);
    expect((await queued(other, `?q=${applicant.persons[0]!.familyName}`))[0]!.claimedBy?.name).toBe(winner.name);
    // Without the claim, the other officer cannot decide; with it, the winner can, once.
    expect(
      (await other.browser.post(`/review/api/items/${item.submissionId}/return`, { reasons: ["glare"] })).status,
    ).toBe(409);
    const decisions = await Promise.all([
      winner.browser.post(`/review/api/items/${item.submissionId}/accept`, {}),
      winner.browser.post(`/review/api/items/${item.submissionId}/return`, { reasons: ["glare"] }),
    ]);
    expect(decisions.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await queued(winner, `?q=${applicant.persons[0]!.familyName}`)).toEqual([]);
  });

  it("return needs a reason; the applicant sees it, uploads a new photo, and the resubmission is flagged", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await submitAll(applicant.browser, person.id);
    const officer = await signedInOfficer();
    const item = (await queued(officer, `?q=${person.familyName}`))[0]!;
    await officer.browser.post(`/review/api/items/${item.submissionId}/claim`, {});
    const noReason = await officer.browser.post(`/review/api/items/${item.submissionId}/return`, { reasons: [] });
    expect(noReason.status).toBe(422);
    expect((await errorOf(noReason)).fields?.[0]?.field).toBe("reasons");
    expect(
      (await officer.browser.post(`/review/api/items/${item.submissionId}/return`, { reasons: ["made_up"] })).status,
    ).toBe(422);
    expect(
      (
        await officer.browser.post(`/review/api/items/${item.submissionId}/return`, {
          reasons: ["glare"],
          note: "Flash reflection on the forehead.",
        })
      ).status,
    ).toBe(200);

    expect((await latestMail(applicant.principalEmail, "photo_returned")).textBody).toContain("glare");
    const status = (await (await applicant.browser.get(`/api/persons/${person.id}/status`)).json()) as {
      events: { type: string; reasons?: string[] }[];
    };
    expect(status.events.at(-1)).toMatchObject({ type: "photo_returned", reasons: ["glare"] });
    expect((await uploadPhoto(applicant.browser, person.id, await validPhoto())).status).toBe(201);
    expect(
      (await applicant.browser.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true })).status,
    ).toBe(201);

    const resubmitted = await queued(officer, "?filter=resubmitted");
    expect(resubmitted.map((i) => i.person.id)).toContain(person.id);
    const details = (await (
      await officer.browser.get(`/review/api/items/${resubmitted.find((i) => i.person.id === person.id)!.submissionId}`)
    ).json()) as {
      history: { decisions: { decision: string; reasons: string[] }[] }[];
      declaration: { byThemself: boolean };
    };
    expect(details.history).toHaveLength(2);
    expect(details.history[1]!.decisions[0]).toMatchObject({ decision: "photo_returned", reasons: ["glare"] });
    expect(details.declaration.byThemself).toBe(true);
  });

  it("accept, confirm PR (e-CoPR available to the applicant), card produced and mailed; each action audited", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await submitAll(applicant.browser, person.id);
    const officer = await signedInOfficer();
    const item = (await queued(officer, `?q=${person.familyName}`))[0]!;
    expect((await officer.browser.post(`/review/api/persons/${person.id}/confirm-pr`, {})).status).toBe(409); // photo not accepted yet
    await officer.browser.post(`/review/api/items/${item.submissionId}/claim`, {});
    expect((await officer.browser.post(`/review/api/items/${item.submissionId}/accept`, {})).status).toBe(200);
    // Accepted: gone from the queue, listed as waiting for PR confirmation, not yet for a card.
    const followUp = async (stage: string) =>
      (
        (await (await officer.browser.get(`/review/api/follow-up?stage=${stage}`)).json()) as {
          items: { submissionId: number; person: { id: number } }[];
        }
      ).items.filter((i) => i.person.id === person.id);
    expect(await followUp("confirm")).toEqual([expect.objectContaining({ submissionId: item.submissionId })]);
    expect(await followUp("card")).toEqual([]);
    expect((await officer.browser.get("/review/api/follow-up?stage=nonsense")).status).toBe(400);
    expect((await applicant.browser.get("/review/api/follow-up?stage=confirm")).status).toBe(401);
    expect((await officer.browser.post(`/review/api/persons/${person.id}/confirm-pr`, {})).status).toBe(200);
    expect(await followUp("confirm")).toEqual([]);
    expect(await followUp("card")).toEqual([expect.objectContaining({ submissionId: item.submissionId })]);
    expect((await officer.browser.post(`/review/api/persons/${person.id}/confirm-pr`, {})).status).toBe(409);
    expect((await applicant.browser.get(`/api/persons/${person.id}/documents/ecopr`)).status).toBe(200);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await officer.browser.post(`/review/api/persons/${person.id}/card`, { producedOn: "2999-01-01" })).status,
    ).toBe(422);
    expect((await officer.browser.post(`/review/api/persons/${person.id}/card`, { producedOn: today })).status).toBe(
      200,
    );
    expect((await officer.browser.post(`/review/api/persons/${person.id}/card`, { mailedOn: today })).status).toBe(200);
    expect(await followUp("card")).toEqual([]); // mailed: nothing left to do for this person
    const events = (
      (await (await applicant.browser.get(`/api/persons/${person.id}/status`)).json()) as { events: { type: string }[] }
    ).events.map((e) => e.type);
    expect(events).toEqual(["submitted", "photo_accepted", "pr_confirmed", "card_produced", "card_mailed"]);

    const actions = (
      await db()
        .select()
        .from(auditLog)
        .where(eq(auditLog.actorId, String(officer.id)))
        .all()
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["officer.sign_in", "review.claim", "photo.accepted", "pr.confirmed", "card.recorded"]),
    );
  });

  it("an applicant cannot use the queue, and a signed-out visitor cannot either", async () => {
    const applicant = await signedInApplicant();
    expect((await applicant.browser.get("/review/api/queue")).status).toBe(401);
    const { Browser } = await import("../support/http.ts");
    expect((await new Browser().post("/review/api/items/1/claim", {})).status).toBe(401);
  });
});
