import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { submissions } from "../../schema/index.ts";
import { createOfficer } from "../../worker/data/officers.ts";
import { acceptPhoto, recordCard, returnPhoto } from "../../worker/data/photo-decisions.ts";
import type { Browser } from "../support/http.ts";
import { db, latestMail, signedInApplicant, unique } from "../support/factories.ts";
import { submitAll } from "../support/journey.ts";

async function officer() {
  return (await createOfficer(
    db(),
    {
      email: `o${unique()}@cic.gc.ca`,
      name: "Officer",
      role: "officer",
      passwordHash: "x",
      totpSecret: "JBSWY3DPEHPK3PXP",
    },
    { kind: "admin", id: "test" },
  ))!.id;
}

async function submit(browser: Browser, personId: number) {
  await submitAll(browser, personId);
  return (await db().select().from(submissions).where(eq(submissions.personId, personId)).all()).at(-1)!;
}

type Status = { events: { type: string; reasons?: string[] }[]; cardTargetDate: string | null };

describe("decisions the applicant is told about", () => {
  it("a returned photo: reasons in plain words in both languages, and only the photo task reopens", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const submission = await submit(applicant.browser, person.id);
    const result = await returnPhoto(db(), env, {
      submissionId: submission.id,
      officerId: await officer(),
      reasons: ["glare", "too_dark"],
      note: "Please retake.",
    });
    expect(result.ok).toBe(true);
    const mail = await latestMail(applicant.principalEmail, "photo_returned");
    expect(mail.textBody).toContain("There is glare on the photo");
    expect(mail.textBody).toContain("Il y a des reflets sur la photo");
    expect(mail.textBody).toContain("The photo is too dark");
    // The note once, after both halves, as the officer's own words (issue 18: not presented as a translation).
    expect(mail.textBody).toContain(
      "Officer's note (as written by the officer) / Note de l'agent (telle qu'écrite)\n\nPlease retake.",
    );
    expect(mail.textBody.split("Please retake.")).toHaveLength(2);
    const { persons } = (await (await applicant.browser.get("/api/persons")).json()) as {
      persons: { tasks: Record<string, string> }[];
    };
    expect(persons[0]!.tasks).toMatchObject({ presence: "completed", address: "completed", photo: "returned" });
    const status = (await (await applicant.browser.get(`/api/persons/${person.id}/status`)).json()) as Status;
    expect(status.events.map((e) => e.type)).toEqual(["submitted", "photo_returned"]);
    expect(status.events[1]!.reasons).toEqual(["glare", "too_dark"]);
  });

  it("two officers deciding the same submission at once: exactly one decision is recorded", async () => {
    const applicant = await signedInApplicant();
    const submission = await submit(applicant.browser, applicant.persons[0]!.id);
    const [a, b] = [await officer(), await officer()];
    const outcomes = await Promise.all([
      acceptPhoto(db(), env, { submissionId: submission.id, officerId: a }),
      returnPhoto(db(), env, { submissionId: submission.id, officerId: b, reasons: ["glare"] }),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toEqual({ ok: false, reason: "already_decided", repeated: false });
  });

  it("an accepted photo sets the card target, then card production and mailing reach the timeline and the mailbox", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const submission = await submit(applicant.browser, person.id);
    expect((await acceptPhoto(db(), env, { submissionId: submission.id, officerId: await officer() })).ok).toBe(true);
    // CARD_TARGET_DAYS (14) after the acceptance.
    const target = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
    expect((await latestMail(applicant.principalEmail, "photo_accepted")).textBody).toContain(target);
    let status = (await (await applicant.browser.get(`/api/persons/${person.id}/status`)).json()) as Status;
    expect(status.cardTargetDate).toBe(target);

    const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    // Card dates cannot be in the future nor before the acceptance (today): both today.
    expect(
      await recordCard(db(), env, { personId: person.id, actor: { kind: "admin", id: "t" }, producedOn: day(0) }),
    ).toMatchObject({ ok: true });
    expect(
      await recordCard(db(), env, { personId: person.id, actor: { kind: "admin", id: "t" }, mailedOn: day(0) }),
    ).toMatchObject({ ok: true });
    status = (await (await applicant.browser.get(`/api/persons/${person.id}/status`)).json()) as Status;
    expect(status.events.map((e) => e.type)).toEqual(["submitted", "photo_accepted", "card_produced", "card_mailed"]);
    expect(status.cardTargetDate).toBeNull();
    const mailed = await latestMail(applicant.principalEmail, "card_mailed");
    expect(mailed.textBody).toContain(day(0));
    expect(mailed.textBody).toContain("Votre carte de RP a été postée");
  });
});
