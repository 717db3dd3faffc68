// Needs its own workerd and storage: the officers' follow-up list shows every request, and the retention purge runs over every person.
// Another way, and photos that cannot meet a rule (issue 17 point 5, decision 028):
// worker/routes/another-way.ts, photo-exception.ts, review-another-way.ts, worker/data/another-way.ts,
// the follow-up list's another_way stage and migration 0013's triggers.
import { env } from "cloudflare:workers";
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { anotherWayOutcomes, anotherWayRequests, auditLog, outbox, photos } from "../../schema/index.ts";
import { db, eventuallyMail, invitedFamily, latestMail, signedInApplicant } from "../support/factories.ts";
import { Browser, errorOf } from "../support/http.ts";
import { TEST_ADDRESS, jpegOf, validPhoto } from "../support/journey.ts";
import { realFaces } from "../support/face-source.ts";
import { signedInOfficer } from "../support/officers.ts";
import { acceptPhoto, recordCard } from "../../worker/data/photo-decisions.ts";
import { runMaintenance } from "../../worker/maintenance/index.ts";
import { REASON_MAX_LENGTH } from "../../shared/api/another-way.ts";
import type { AnotherWayItem } from "../../shared/api/another-way.ts";

const requestsOf = (personId: number) =>
  db().select().from(anotherWayRequests).where(eq(anotherWayRequests.personId, personId)).all();

let tilted: Promise<Uint8Array<ArrayBuffer>> | undefined;
/** Fails only head_tilt: a rule an explanation can excuse (a disability that keeps the head tilted). */
const tiltedPhoto = () => (tilted ??= jpegOf(realFaces.tilted()));
let dark: Promise<Uint8Array<ArrayBuffer>> | undefined;
/** Fails too_dark: about the picture, not the person, so no explanation excuses it. */
const darkPhoto = () => (dark ??= jpegOf(realFaces.tooDark()));

function exceptionForm(photo: Uint8Array<ArrayBuffer> | null, fields: Record<string, string>) {
  const form = new FormData();
  if (photo) form.set("photo", new Blob([photo], { type: "image/jpeg" }), "photo.jpg");
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

const sendException = (browser: Browser, personId: number, form: FormData, query = "") =>
  browser.request(`/api/persons/${personId}/photo/exception${query}`, { method: "POST", body: form });

async function tasksOf(browser: Browser, personId: number) {
  return ((await (await browser.get(`/api/persons/${personId}`)).json()) as { tasks: Record<string, string> }).tasks;
}

describe("asking for another way from the invitation page (not signed in)", () => {
  it("ties the request to the invitation's principal by the token in the body, emails them, audits it, and a second ask changes nothing", async () => {
    const invited = await invitedFamily();
    const principal = invited.persons[0]!;
    const browser = new Browser();
    const body = { token: invited.token, kind: "paper", reason: "I do not have a computer." };
    const first = await browser.post("/api/another-way/invitation", body);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ received: true });
    const rows = await requestsOf(principal.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "paper", source: "invitation", reason: "I do not have a computer." });
    expect(rows[0]!.requestedByAccountId).toBeNull();

    const mail = await latestMail(invited.principalEmail, "another_way_received");
    expect(mail.textBody).toContain("We got your request");
    expect(mail.textBody).toContain("Nous avons reçu votre demande");
    expect(mail.textBody).toContain("To do the steps on paper or in person.");
    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "another_way.requested"), eq(auditLog.subjectId, String(principal.id))))
      .all();
    expect(audit).toHaveLength(1);

    // The same request again (a double click): the same answer, no second row, no second email.
    const mails = await db().select().from(outbox).where(eq(outbox.toAddress, invited.principalEmail)).all();
    expect((await browser.post("/api/another-way/invitation", body)).status).toBe(202);
    expect(await requestsOf(principal.id)).toHaveLength(1);
    expect(await db().select().from(outbox).where(eq(outbox.toAddress, invited.principalEmail)).all()).toHaveLength(
      mails.length,
    );
    // A person who already said "no" to the portal can still ask: the link still names them.
    expect((await browser.post("/api/invitations/answer", { token: invited.token, usePortal: false })).status).toBe(
      200,
    );
    expect(
      (await browser.post("/api/another-way/invitation", { ...body, kind: "accommodation", reason: "I am blind." }))
        .status,
    ).toBe(202);
    expect(await requestsOf(principal.id)).toHaveLength(2);
    // The database keeps one open request per person and kind whatever the code does (migration 0013).
    await expect(
      env.DB.prepare(
        "INSERT INTO another_way_requests (person_id, kind, source, reason) VALUES (?, 'paper', 'invitation', 'again')",
      )
        .bind(principal.id)
        .run(),
    ).rejects.toThrow(/UNIQUE/);
  });

  it("refuses a token that is not an invitation's, and checks the kind and the reason, in English and French", async () => {
    const invited = await invitedFamily();
    const browser = new Browser();
    const wrong = await browser.post("/api/another-way/invitation", {
      token: `${invited.token.slice(0, -1)}${invited.token.endsWith("A") ? "B" : "A"}`,
      kind: "paper",
      reason: "Paper please.",
    });
    expect(wrong.status).toBe(404);
    expect((await errorOf(wrong)).code).toBe("invitation_not_found");

    const empty = await browser.post("/api/another-way/invitation?lang=fr", {
      token: invited.token,
      kind: "",
      reason: " ",
    });
    expect(empty.status).toBe(422);
    const fields = (await errorOf(empty)).fields!;
    expect(fields.map((f) => [f.field, f.code])).toEqual([
      ["kind", "required"],
      ["reason", "required"],
    ]);
    expect(fields[0]!.message).toBe("Choisissez ce dont vous avez besoin.");

    const long = await browser.post("/api/another-way/invitation", {
      token: invited.token,
      kind: "mailed_photo",
      reason: "x".repeat(REASON_MAX_LENGTH + 1),
    });
    expect(long.status).toBe(422);
    const [tooLong] = (await errorOf(long)).fields!;
    expect(tooLong).toMatchObject({ field: "reason", code: "too_long" });
    expect(tooLong!.message).toContain(String(REASON_MAX_LENGTH));
    // Exactly at the limit is kept.
    const atLimit = await browser.post("/api/another-way/invitation", {
      token: invited.token,
      kind: "mailed_photo",
      reason: "x".repeat(REASON_MAX_LENGTH),
    });
    expect(atLimit.status).toBe(202);
    expect(await requestsOf(invited.persons[0]!.id)).toHaveLength(1);
  });

  it("is throttled by IP like the other public routes", async () => {
    const invited = await invitedFamily();
    const browser = new Browser("203.0.113.77");
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await browser.post("/api/another-way/invitation", { token: invited.token, kind: "paper", reason: "Paper." }))
          .status,
      );
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe("asking for another way from the sign-in help (not signed in)", () => {
  it("answers the same for an account's email and an unknown one; only the account's gets a request, and its owner the email", async () => {
    const applicant = await signedInApplicant();
    const browser = new Browser();
    const body = {
      email: applicant.principalEmail.toUpperCase(),
      kind: "accommodation",
      reason: "I cannot read small text.",
    };
    const known = await browser.post("/api/another-way/sign-in-help", body);
    const unknown = await browser.post("/api/another-way/sign-in-help", { ...body, email: "nobody-here@example.com" });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.text()).toBe(await unknown.text());
    const mail = await eventuallyMail(applicant.principalEmail, "another_way_received");
    expect(mail.textBody).toContain("Help because of a disability.");
    expect(mail.textBody).toContain("If you did not ask for this");
    const rows = await requestsOf(applicant.persons[0]!.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: "sign_in_help", kind: "accommodation" });
    const none = await env.DB.prepare(
      "SELECT count(*) AS n FROM outbox WHERE to_address = 'nobody-here@example.com'",
    ).first<{ n: number }>();
    expect(none!.n).toBe(0);
  });
});

describe("asking for another way from the photo page (signed in)", () => {
  it("records the request for the person, by the account, and lists it on the officers' follow-up list", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const response = await applicant.browser.post(`/api/persons/${person.id}/another-way`, {
      kind: "mailed_photo",
      reason: "I cannot take a photo at home.",
    });
    expect(response.status).toBe(202);
    const [row] = await requestsOf(person.id);
    expect(row).toMatchObject({ source: "photo_page", kind: "mailed_photo" });
    expect(row!.requestedByAccountId).not.toBeNull();

    const officer = await signedInOfficer();
    const supervisor = await signedInOfficer("Sam Supervisor", "supervisor");
    const metrics = (await (await supervisor.browser.get("/review/api/metrics")).json()) as {
      anotherWay: { requests: number; open: number; byKind: Record<string, number> };
    };
    expect(metrics.anotherWay.open).toBeGreaterThanOrEqual(1);
    expect(metrics.anotherWay.byKind.mailed_photo).toBeGreaterThanOrEqual(1);
    const list = await officer.browser.get("/review/api/follow-up?stage=another_way");
    expect(list.status).toBe(200);
    const { items } = (await list.json()) as { items: AnotherWayItem[] };
    const item = items.find((i) => i.requestId === row!.id)!;
    expect(item).toMatchObject({
      kind: "mailed_photo",
      source: "photo_page",
      reason: "I cannot take a photo at home.",
      person: { id: person.id },
      outcomes: [],
      photoOpen: true,
      submissionId: null,
    });
  });
});

describe("officers' outcomes", () => {
  async function openRequest(kind = "mailed_photo") {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    expect(
      (await applicant.browser.post(`/api/persons/${person.id}/another-way`, { kind, reason: "Please help." })).status,
    ).toBe(202);
    const [row] = await requestsOf(person.id);
    return { applicant, person, requestId: row!.id };
  }

  it("'contacted' keeps the request open, 'appointment set' closes it; each emails the person and is audited; a closed request takes nothing more", async () => {
    const { applicant, person, requestId } = await openRequest("paper");
    const officer = await signedInOfficer();
    const contacted = await officer.browser.post(`/review/api/another-way/${requestId}/outcome`, {
      outcome: "contacted",
    });
    expect(contacted.status).toBe(200);
    expect(await contacted.json()).toEqual({ outcome: "contacted", closed: false });
    const contactedMail = await latestMail(applicant.principalEmail, "another_way_contacted");
    expect(contactedMail.textBody).toContain("An officer tried to reach you");
    expect(contactedMail.textBody).toContain("Un agent a tenté de vous joindre");

    const set = await officer.browser.post(`/review/api/another-way/${requestId}/outcome`, {
      outcome: "appointment_set",
    });
    expect(await set.json()).toEqual({ outcome: "appointment_set", closed: true });
    expect((await latestMail(applicant.principalEmail, "another_way_appointment_set")).textBody).toContain(
      "Votre rendez-vous est fixé",
    );
    const [row] = await requestsOf(person.id);
    expect(row!.closedAt).not.toBeNull();
    const outcomes = await db()
      .select()
      .from(anotherWayOutcomes)
      .where(eq(anotherWayOutcomes.requestId, requestId))
      .all();
    expect(outcomes.map((o) => [o.outcome, o.officerId])).toEqual([
      ["contacted", officer.id],
      ["appointment_set", officer.id],
    ]);
    const audit = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.actorKind, "officer"), eq(auditLog.actorId, String(officer.id))))
      .all();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["another_way.contacted", "another_way.appointment_set"]),
    );

    const again = await officer.browser.post(`/review/api/another-way/${requestId}/outcome`, { outcome: "contacted" });
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe("request_closed");
    const bad = await officer.browser.post(`/review/api/another-way/${requestId + 100000}/outcome`, {
      outcome: "contacted",
    });
    expect(bad.status).toBe(404);
    // "photo received" is recorded only with the photo, on its own route.
    const { requestId: other } = await openRequest("paper");
    const noPhoto = await officer.browser.post(`/review/api/another-way/${other}/outcome`, {
      outcome: "photo_received",
    });
    expect(noPhoto.status).toBe(422);
    // The outcomes cannot be changed or removed afterwards (migration 0013).
    await expect(env.DB.prepare("UPDATE another_way_outcomes SET outcome = 'contacted'").run()).rejects.toThrow(
      /append_only/,
    );
    await expect(env.DB.prepare("DELETE FROM another_way_outcomes").run()).rejects.toThrow(/append_only/);
  });

  it("a photo received by mail: the officer's scan goes through the same checks, becomes the person's photo, completes the photo task, closes the request and emails the person", async () => {
    const { applicant, person, requestId } = await openRequest();
    const officer = await signedInOfficer();
    const upload = (bytes: Uint8Array<ArrayBuffer>) =>
      officer.browser.request(`/review/api/another-way/${requestId}/mailed-photo`, {
        method: "POST",
        headers: { "Content-Type": "image/jpeg" },
        body: bytes,
      });

    // A scan that fails the checks is refused, as the person's own upload would be: nothing stored.
    const failing = await upload(await darkPhoto());
    expect(failing.status).toBe(422);
    expect((await errorOf(failing)).code).toBe("photo_checks_failed");
    expect(await db().select().from(photos).where(eq(photos.personId, person.id)).all()).toHaveLength(0);
    const notAPhoto = await upload(new TextEncoder().encode("not a photo at all") as Uint8Array<ArrayBuffer>);
    expect(notAPhoto.status).toBe(415);

    const good = await upload(await validPhoto());
    expect(good.status).toBe(200);
    expect(await good.json()).toMatchObject({ outcome: "photo_received", closed: true, verdict: "pass" });
    const [photo] = await db().select().from(photos).where(eq(photos.personId, person.id)).all();
    expect(photo).toMatchObject({ state: "draft", uploadedByOfficerId: officer.id, uploadedByAccountId: null });
    expect((await tasksOf(applicant.browser, person.id)).photo).toBe("completed");
    const mine = (await (await applicant.browser.get(`/api/persons/${person.id}/photo`)).json()) as {
      uploadedByOfficer: boolean;
    };
    expect(mine.uploadedByOfficer).toBe(true);
    expect((await latestMail(applicant.principalEmail, "another_way_photo_received")).textBody).toContain(
      "The photo task is done.",
    );
    const [outcome] = await db()
      .select()
      .from(anotherWayOutcomes)
      .where(eq(anotherWayOutcomes.requestId, requestId))
      .all();
    expect(outcome).toMatchObject({ outcome: "photo_received", photoId: photo!.id });
    const audit = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectKind, "person"), eq(auditLog.subjectId, String(person.id))))
      .orderBy(desc(auditLog.id))
      .all();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["photo.uploaded_for_person", "another_way.photo_received"]),
    );
    // The person can now submit with the officer's photo.
    expect((await applicant.browser.post(`/api/persons/${person.id}/presence`, { confirm: true })).status).toBe(200);
    expect((await applicant.browser.post(`/api/persons/${person.id}/address`, TEST_ADDRESS)).status).toBe(200);
    expect(
      (await applicant.browser.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true })).status,
    ).toBe(201);
    // The request is closed, and a closed request takes no second photo.
    expect((await upload(await validPhoto())).status).toBe(409);
  });

  it("no photo goes in over a submitted one waiting for its decision", async () => {
    const { applicant, person, requestId } = await openRequest();
    await applicant.browser.post(`/api/persons/${person.id}/presence`, { confirm: true });
    await applicant.browser.post(`/api/persons/${person.id}/address`, TEST_ADDRESS);
    await applicant.browser.request(`/api/persons/${person.id}/photo`, {
      method: "POST",
      headers: { "Content-Type": "image/jpeg" },
      body: await validPhoto(),
    });
    expect(
      (await applicant.browser.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true })).status,
    ).toBe(201);
    const officer = await signedInOfficer();
    const response = await officer.browser.request(`/review/api/another-way/${requestId}/mailed-photo`, {
      method: "POST",
      headers: { "Content-Type": "image/jpeg" },
      body: await validPhoto(),
    });
    expect(response.status).toBe(409);
    expect((await errorOf(response)).code).toBe("photo_locked");
  });
});

describe("a photo that cannot meet a rule, sent with an explanation", () => {
  it("is stored with its failed checks and the explanation, completes the photo task, can be submitted, and the officer sees it beside the checks", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const photo = await tiltedPhoto();
    // The usual upload refuses it: the check fails.
    const usual = await applicant.browser.request(`/api/persons/${person.id}/photo`, {
      method: "POST",
      headers: { "Content-Type": "image/jpeg" },
      body: photo,
    });
    expect(usual.status).toBe(422);

    const explanation = "I have a condition that keeps my head tilted. I cannot hold it straight.";
    const sent = await sendException(
      applicant.browser,
      person.id,
      exceptionForm(photo, { reason: "disability", explanation }),
    );
    expect(sent.status).toBe(201);
    const answer = (await sent.json()) as {
      verdict: string;
      exception: { reason: string };
      checks: { id: string; verdict: string }[];
    };
    expect(answer.verdict).toBe("fail");
    expect(answer.exception).toEqual({ reason: "disability" });
    expect(answer.checks.find((c) => c.id === "head_tilt")!.verdict).toBe("fail");
    const [stored] = await db().select().from(photos).where(eq(photos.personId, person.id)).all();
    expect(stored).toMatchObject({ verdict: "fail", exceptionReason: "disability", exceptionExplanation: explanation });
    expect((await tasksOf(applicant.browser, person.id)).photo).toBe("completed");
    const taskList = (await (await applicant.browser.get("/api/persons")).json()) as {
      persons: { id: number; tasks: { photo: string } }[];
    };
    expect(taskList.persons.find((p) => p.id === person.id)!.tasks.photo).toBe("completed");

    const supervisor = await signedInOfficer("Sam Supervisor", "supervisor");
    const metricsNow = async () =>
      (await (await supervisor.browser.get("/review/api/metrics")).json()) as {
        exceptions: { submitted: number; accepted: number; byReason: Record<string, number> };
        counts: { submissions: number };
        anotherWay: { requests: number; open: number };
      };
    const before = await metricsNow();
    await applicant.browser.post(`/api/persons/${person.id}/presence`, { confirm: true });
    await applicant.browser.post(`/api/persons/${person.id}/address`, TEST_ADDRESS);
    expect(
      (await applicant.browser.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true })).status,
    ).toBe(201);
    // The metrics count it apart: one more exception, by its reason.
    const after = await metricsNow();
    expect(after.exceptions.submitted).toBe(before.exceptions.submitted + 1);
    expect(after.exceptions.byReason.disability ?? 0).toBe((before.exceptions.byReason.disability ?? 0) + 1);
    expect(after.counts.submissions).toBe(before.counts.submissions + 1);

    const officer = await signedInOfficer();
    const queue = (await (await officer.browser.get("/review/api/queue?filter=all")).json()) as {
      items: { submissionId: number; person: { id: number }; exception: string | null }[];
    };
    const queued = queue.items.find((i) => i.person.id === person.id)!;
    expect(queued.exception).toBe("disability");
    const item = (await (await officer.browser.get(`/review/api/items/${queued.submissionId}`)).json()) as {
      photo: { verdict: string; exception: unknown; checks: { id: string; verdict: string }[] };
    };
    expect(item.photo.verdict).toBe("fail");
    expect(item.photo.exception).toEqual({ reason: "disability", explanation });
    expect(item.photo.checks.some((c) => c.id === "head_tilt" && c.verdict === "fail")).toBe(true);

    // Submitted, the explanation is evidence: it cannot change (migration 0013's lock).
    await expect(
      env.DB.prepare("UPDATE photos SET exception_explanation = 'changed' WHERE id = ?").bind(stored!.id).run(),
    ).rejects.toThrow(/submitted_locked/);
    await expect(
      env.DB.prepare("UPDATE photos SET exception_explanation = '' WHERE id = ?").bind(stored!.id).run(),
    ).rejects.toThrow(/submitted_locked/);
    // Not even with the decision's own change of state, the one change a submitted photo allows.
    for (const change of [
      "exception_explanation = 'changed'",
      "exception_reason = 'medical'",
      `uploaded_by_officer_id = ${officer.id}`,
    ]) {
      await expect(
        env.DB.prepare(`UPDATE photos SET state = 'accepted', ${change} WHERE id = ?`).bind(stored!.id).run(),
        change,
      ).rejects.toThrow(/submitted_locked/);
    }
  });

  it("refuses a failure no explanation excuses, a photo that needs none, and a form without its explanation or photo; nothing is stored", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const fields = { reason: "medical", explanation: "My eyes are sensitive to light." };

    const darkAnswer = await sendException(applicant.browser, person.id, exceptionForm(await darkPhoto(), fields));
    expect(darkAnswer.status).toBe(422);
    expect((await errorOf(darkAnswer)).code).toBe("photo_exception_not_excusable");

    const fine = await sendException(applicant.browser, person.id, exceptionForm(await validPhoto(), fields));
    expect(fine.status).toBe(409);
    expect((await errorOf(fine)).code).toBe("photo_exception_not_needed");

    const noText = await sendException(
      applicant.browser,
      person.id,
      exceptionForm(await tiltedPhoto(), { reason: "", explanation: "" }),
      "?lang=fr",
    );
    expect(noText.status).toBe(422);
    const problems = (await errorOf(noText)).fields!;
    expect(problems.map((f) => f.field)).toEqual(["reason", "explanation"]);
    expect(problems[1]!.message).toBe("Dites-nous en quelques mots pourquoi votre photo ne peut pas suivre la règle.");
    const noPhoto = await sendException(applicant.browser, person.id, exceptionForm(null, fields));
    expect(noPhoto.status).toBe(422);
    expect((await errorOf(noPhoto)).fields![0]!.field).toBe("photo");
    const tooLong = await sendException(
      applicant.browser,
      person.id,
      exceptionForm(await tiltedPhoto(), { reason: "religious", explanation: "y".repeat(1001) }),
    );
    expect(tooLong.status).toBe(422);
    expect((await errorOf(tooLong)).fields![0]).toMatchObject({ field: "explanation", code: "too_long" });
    const json = await applicant.browser.post(`/api/persons/${person.id}/photo/exception`, fields);
    expect(json.status).toBe(415);

    expect(await db().select().from(photos).where(eq(photos.personId, person.id)).all()).toHaveLength(0);
    expect((await tasksOf(applicant.browser, person.id)).photo).toBe("not_started");
  });

  it("the retention purge empties the explanation and the request's reason (health, faith, disability)", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const explanation = "An eye patch I must wear after surgery.";
    expect(
      (
        await sendException(
          applicant.browser,
          person.id,
          exceptionForm(await tiltedPhoto(), { reason: "medical", explanation }),
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await applicant.browser.post(`/api/persons/${person.id}/another-way`, {
          kind: "accommodation",
          reason: "I am deaf.",
        })
      ).status,
    ).toBe(202);
    await applicant.browser.post(`/api/persons/${person.id}/presence`, { confirm: true });
    await applicant.browser.post(`/api/persons/${person.id}/address`, TEST_ADDRESS);
    expect(
      (await applicant.browser.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true })).status,
    ).toBe(201);
    const day = 86_400_000;
    const retention = Number(env.RETENTION_DAYS_AFTER_CARD_MAILED);
    const grace = Number(env.RETENTION_GRACE_DAYS);
    const mailedOn = new Date(Date.now() - (retention + 1) * day).toISOString().slice(0, 10);
    const [submission] = await env.DB.prepare("SELECT id FROM submissions WHERE person_id = ?")
      .bind(person.id)
      .all<{ id: number }>()
      .then((r) => r.results);
    const officer = await signedInOfficer();
    const acceptedAt = Date.now() - (retention + 30) * day;
    expect((await acceptPhoto(db(), env, { submissionId: submission!.id, officerId: officer.id }, acceptedAt)).ok).toBe(
      true,
    );
    expect(
      await recordCard(
        db(),
        env,
        { personId: person.id, actor: { kind: "officer", id: officer.id }, producedOn: mailedOn, mailedOn },
        Date.now() - (grace + 1) * day,
      ),
    ).toMatchObject({ ok: true });
    await runMaintenance(env, Date.now());
    const [photo] = await db().select().from(photos).where(eq(photos.personId, person.id)).all();
    expect(photo).toMatchObject({ exceptionExplanation: "", exceptionReason: "medical", state: "accepted" });
    expect((await requestsOf(person.id))[0]!.reason).toBe("");
  });
});
