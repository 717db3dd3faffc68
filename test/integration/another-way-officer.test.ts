// A follow-up an officer opens for any person from the decision page (decision 028, "neither request
// ends in a dead end"): a person who mailed a photo or a letter, or called, without using the form.
// POST /review/api/persons/:personId/another-way/open and GET …/another-way (worker/routes/review-another-way.ts).
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { anotherWayRequests, auditLog, photos } from "../../schema/index.ts";
import type { AnotherWayItem, FollowUpOpened } from "../../shared/api/another-way.ts";
import type { OfficerPerson, QueueAnswer } from "../../shared/api/review-answers.ts";
import { db, eventuallyMail, invitedFamily, signedInApplicant } from "../support/factories.ts";
import { errorOf } from "../support/http.ts";
import { validPhoto } from "../support/journey.ts";
import { signedInOfficer } from "../support/officers.ts";

describe("an officer opens a follow-up for a person who asked outside the portal", () => {
  it("records it for the person by the officer, emails them, audits it; then the mailed photo goes in and the photo task completes", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const officer = await signedInOfficer();
    const note = "She mailed two photos taken at a studio, with a letter.";
    const opened = await officer.browser.post(`/review/api/persons/${person.id}/another-way/open`, {
      kind: "mailed_photo",
      note,
    });
    expect(opened.status).toBe(201);
    const { requestId, created } = (await opened.json()) as FollowUpOpened;
    expect(created).toBe(true);
    const row = await db().select().from(anotherWayRequests).where(eq(anotherWayRequests.id, requestId)).get();
    expect(row).toMatchObject({ personId: person.id, kind: "mailed_photo", source: "officer", reason: note });
    expect(row!.requestedByAccountId).toBeNull();
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "another_way.requested"), eq(auditLog.subjectId, String(person.id))))
      .all();
    expect(audit.map((a) => [a.actorKind, a.actorId])).toEqual([["officer", String(officer.id)]]);
    expect((await eventuallyMail(applicant.principalEmail, "another_way_received")).textBody).toContain(
      "We got your request",
    );

    // Opening the same kind again names the open one and writes nothing.
    const again = await officer.browser.post(`/review/api/persons/${person.id}/another-way/open`, {
      kind: "mailed_photo",
      note: "Called to say the photos are on the way.",
    });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ requestId, created: false });
    expect(
      await db().select().from(anotherWayRequests).where(eq(anotherWayRequests.personId, person.id)).all(),
    ).toHaveLength(1);

    // The decision page lists the person's open follow-ups, with the standard's clock.
    const listed = await officer.browser.get(`/review/api/persons/${person.id}/another-way`);
    expect(listed.status).toBe(200);
    const { items } = (await listed.json()) as { items: AnotherWayItem[] };
    expect(items).toEqual([
      expect.objectContaining({
        requestId,
        source: "officer",
        outcomes: [],
        photoOpen: true,
        clock: expect.objectContaining({ standard: "another_way", elapsed: 0, overdue: false }),
      }),
    ]);

    // Then the same outcomes as any request: contacted, and the scan through the upload's checks.
    expect(
      (await officer.browser.post(`/review/api/another-way/${requestId}/outcome`, { outcome: "contacted" })).status,
    ).toBe(200);
    const scan = await officer.browser.request(`/review/api/another-way/${requestId}/mailed-photo`, {
      method: "POST",
      body: await validPhoto(),
      headers: { "Content-Type": "image/jpeg" },
    });
    expect(scan.status).toBe(200);
    const photo = await db()
      .select()
      .from(photos)
      .where(and(eq(photos.personId, person.id), eq(photos.state, "draft")))
      .get();
    expect(photo).toMatchObject({ uploadedByOfficerId: officer.id });
    const tasks = (
      (await (await applicant.browser.get(`/api/persons/${person.id}`)).json()) as {
        tasks: Record<string, string>;
      }
    ).tasks;
    expect(tasks.photo).toBe("completed");
    expect((await eventuallyMail(applicant.principalEmail, "another_way_photo_received")).textBody).toBeTruthy();
    expect(
      (await (await officer.browser.get(`/review/api/persons/${person.id}/another-way`)).json()) as unknown,
    ).toEqual({
      items: [],
    });
  });

  it("refuses an applicant, a person who does not exist, and a missing kind or note (EN/FR); nothing is written", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    for (const response of [
      await applicant.browser.post(`/review/api/persons/${person.id}/another-way/open`, {
        kind: "paper",
        note: "Called.",
      }),
      await applicant.browser.get(`/review/api/persons/${person.id}/another-way`),
    ])
      expect(response.status).toBe(401);
    const officer = await signedInOfficer();
    const missing = await officer.browser.post("/review/api/persons/99999999/another-way/open", {
      kind: "paper",
      note: "Called.",
    });
    expect(missing.status).toBe(404);
    expect((await officer.browser.get("/review/api/persons/99999999/another-way")).status).toBe(404);
    const bad = await officer.browser.post(`/review/api/persons/${person.id}/another-way/open?lang=fr`, {
      kind: "visit",
      note: " ",
    });
    expect(bad.status).toBe(422);
    const fields = (await errorOf(bad)).fields!;
    expect(fields.map((f) => [f.field, f.code])).toEqual([
      ["kind", "required"],
      ["note", "required"],
    ]);
    expect(fields[0]!.message).toBe("Choisissez ce dont vous avez besoin.");
    const count = await env.DB.prepare("SELECT count(*) AS n FROM another_way_requests WHERE person_id = ?")
      .bind(person.id)
      .first<{ n: number }>();
    expect(count!.n).toBe(0);
  });

  it("finds a person who never submitted (nor ever signed in) by the queue's search, and answers their page: tasks, no submission; the mailed photo completes the photo task", async () => {
    const family = await invitedFamily();
    const person = family.persons[0]!;
    const officer = await signedInOfficer();
    const found = await officer.browser.get(
      `/review/api/queue?q=${encodeURIComponent(family.application.applicationNumber)}`,
    );
    expect(found.status).toBe(200);
    const answer = (await found.json()) as QueueAnswer;
    expect(answer.items).toEqual([]);
    expect(answer.notSubmitted).toEqual([
      {
        id: person.id,
        givenNames: person.givenNames,
        familyName: person.familyName,
        uci: person.uci,
        applicationNumber: family.application.applicationNumber,
      },
    ]);
    // Without a search, the queue names no one who has not submitted.
    expect(((await (await officer.browser.get("/review/api/queue")).json()) as QueueAnswer).notSubmitted).toEqual([]);

    const page = async () => {
      const response = await officer.browser.get(`/review/api/persons/${person.id}`);
      expect(response.status).toBe(200);
      return (await response.json()) as OfficerPerson;
    };
    expect(await page()).toEqual({
      person: {
        id: person.id,
        givenNames: person.givenNames,
        familyName: person.familyName,
        uci: person.uci,
        dateOfBirth: person.dateOfBirth,
        role: "principal",
        language: "en",
      },
      applicationNumber: family.application.applicationNumber,
      tasks: { presence: "not_started", address: "not_started", photo: "not_started", submit: "cannot_start" },
      submissionId: null,
    });

    const opened = await officer.browser.post(`/review/api/persons/${person.id}/another-way/open`, {
      kind: "mailed_photo",
      note: "He cannot use a computer. His daughter mailed a studio photo.",
    });
    expect(opened.status).toBe(201);
    const { requestId } = (await opened.json()) as FollowUpOpened;
    const scan = await officer.browser.request(`/review/api/another-way/${requestId}/mailed-photo`, {
      method: "POST",
      body: await validPhoto(),
      headers: { "Content-Type": "image/jpeg" },
    });
    expect(scan.status).toBe(200);
    expect((await page()).tasks.photo).toBe("completed");
  });

  it("answers a person's page to officers only, and 404 for an id that names no one", async () => {
    const family = await invitedFamily();
    const person = family.persons[0]!;
    const applicant = await signedInApplicant();
    expect((await applicant.browser.get(`/review/api/persons/${person.id}`)).status).toBe(401);
    expect((await applicant.browser.get(`/review/api/persons/${applicant.persons[0]!.id}`)).status).toBe(401);
    const officer = await signedInOfficer();
    expect((await officer.browser.get("/review/api/persons/99999999")).status).toBe(404);
    expect((await officer.browser.get("/review/api/persons/0")).status).toBe(404);
  });
});
