import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { photos, submissions } from "../../schema/index.ts";
import { errorOf } from "../support/http.ts";
import { db, latestMail, signedInApplicant } from "../support/factories.ts";
import { realFaces } from "../support/face-source.ts";
import {
  TEST_ADDRESS as ADDRESS,
  completeTasks as complete,
  jpegOf,
  uploadPhoto,
  validPhoto,
} from "../support/journey.ts";

let validJpeg: Uint8Array<ArrayBuffer>;
let warningJpeg: Uint8Array<ArrayBuffer>;

beforeAll(async () => {
  validJpeg = await validPhoto();
  // A light grey backdrop: allowed with a warning the person must acknowledge.
  warningJpeg = await jpegOf(realFaces.greyBackground()); // the background only warns
});

type Applicant = Awaited<ReturnType<typeof signedInApplicant>>;
const completeTasks = (applicant: Applicant, personId: number, photo?: Uint8Array<ArrayBuffer>) =>
  complete(applicant.browser, personId, photo);

describe("review and submit", () => {
  it("is refused while a task is incomplete, naming the missing tasks", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const response = await applicant.browser.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true });
    expect(response.status).toBe(409);
    const error = await errorOf(response);
    expect(error.code).toBe("tasks_incomplete");
    expect(error.message).toBe(
      "Finish these tasks before you submit: Declare you are in Canada; Give your mailing address in Canada; Upload your photo.",
    );
    const tasks = (
      (await (await applicant.browser.get("/api/persons")).json()) as { persons: { tasks: { submit: string } }[] }
    ).persons[0]!.tasks;
    expect(tasks.submit).toBe("cannot_start");
  });

  it("needs the declaration box, then submits once and locks everything, by API and in the database", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await completeTasks(applicant, person.id);
    const unticked = await applicant.browser.post(`/api/persons/${person.id}/submit`, {});
    expect(unticked.status).toBe(422);
    expect((await errorOf(unticked)).fields?.[0]?.field).toBe("declarationConfirmed");

    const [first, second] = await Promise.all([
      applicant.browser.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true }),
      applicant.browser.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true }),
    ]);
    // A double click makes one submission; the second answer repeats the first.
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 201]);
    const winner = (await (first.status === 201 ? first : second).json()) as { reference: string; kind: string };
    const repeated = (await (first.status === 201 ? second : first).json()) as {
      reference: string;
      alreadySubmitted: boolean;
    };
    expect(repeated).toMatchObject({ reference: winner.reference, alreadySubmitted: true });
    expect(winner.reference).toMatch(/^PRC-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(winner.kind).toBe("initial");
    expect(await db().select().from(submissions).where(eq(submissions.personId, person.id)).all()).toHaveLength(1);

    const mail = await latestMail(applicant.principalEmail, "submission_received");
    expect(mail.textBody).toContain(winner.reference);
    expect(mail.textBody).toContain("Numéro de référence");

    // Nothing in the submission can change through the API...
    const b = applicant.browser;
    for (const [name, response] of [
      ["presence", await b.post(`/api/persons/${person.id}/presence`, { confirm: true })],
      [
        "address",
        await b.post(`/api/persons/${person.id}/address`, {
          ...ADDRESS,
          city: "Gatineau",
          province: "QC",
          postalCode: "J8X 1A1",
        }),
      ],
      ["photo", await uploadPhoto(b, person.id, validJpeg)],
    ] as const) {
      expect(response.status, name).toBe(409);
      expect((await errorOf(response)).message, name).toMatch(/submitted|soumis/);
    }
    // Submitting again changes nothing: the same reference, still one submission and one email.
    const again = await b.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { reference: string }).reference).toBe(winner.reference);
    expect(await db().select().from(submissions).where(eq(submissions.personId, person.id)).all()).toHaveLength(1);
    // ...nor by SQL that bypasses the code.
    await expect(
      env.DB.prepare("update addresses set city = 'Hull' where person_id = ?").bind(person.id).run(),
    ).rejects.toThrow(/submitted_locked/);
    await expect(
      env.DB.prepare("update submissions set address_json = '{}' where person_id = ?").bind(person.id).run(),
    ).rejects.toThrow(/submission_immutable/);
    const tasks = ((await (await b.get("/api/persons")).json()) as { persons: { tasks: Record<string, string> }[] })
      .persons[0]!.tasks;
    expect(tasks).toEqual({ presence: "completed", address: "completed", photo: "completed", submit: "completed" });
  });

  it("a photo with a warning needs the acknowledgement, which is stored for the officer", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const uploaded = await completeTasks(applicant, person.id, warningJpeg);
    expect(uploaded.verdict).toBe("warn");
    const blocked = await applicant.browser.post(
      `/api/persons/${person.id}/submit`,
      { declarationConfirmed: true },
      { "Accept-Language": "fr" },
    );
    expect(blocked.status).toBe(409);
    expect((await errorOf(blocked)).message).toContain(
      "Confirmer que vous voulez soumettre une photo avec un avertissement",
    );

    const unticked = await applicant.browser.post(`/api/persons/${person.id}/photo/acknowledge`, {
      acknowledge: false,
    });
    expect(unticked.status).toBe(422);
    expect(
      (await applicant.browser.post(`/api/persons/${person.id}/photo/acknowledge`, { acknowledge: true })).status,
    ).toBe(200);
    expect((await db().select().from(photos).where(eq(photos.id, uploaded.photoId)).get())!.warningsAcknowledged).toBe(
      1,
    );
    expect(
      (await applicant.browser.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true })).status,
    ).toBe(201);
  });

  it("after a returned photo, only the photo reopens: a new photo is resubmitted with the same declaration and address", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const { photoId } = await completeTasks(applicant, person.id);
    expect(
      (await applicant.browser.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true })).status,
    ).toBe(201);
    // The officer side (review issue) records the return; here the one state change it makes.
    await db().update(photos).set({ state: "returned" }).where(eq(photos.id, photoId));

    const tasks = (
      (await (await applicant.browser.get("/api/persons")).json()) as { persons: { tasks: Record<string, string> }[] }
    ).persons[0]!.tasks;
    expect(tasks.photo).toBe("returned");
    expect((await applicant.browser.post(`/api/persons/${person.id}/address`, ADDRESS)).status).toBe(409);
    expect((await applicant.browser.post(`/api/persons/${person.id}/presence`, { confirm: true })).status).toBe(409);
    // The new photo, sent twice (a retry): stored once, the second answer repeats the first.
    for (const expected of [201, 200]) {
      const again = await uploadPhoto(applicant.browser, person.id, validJpeg);
      expect(again.status).toBe(expected);
    }
    const resubmitted = await applicant.browser.post(`/api/persons/${person.id}/submit`, {
      declarationConfirmed: true,
    });
    expect(resubmitted.status).toBe(201);
    expect(((await resubmitted.json()) as { kind: string }).kind).toBe("photo_resubmission");
    const rows = await db().select().from(submissions).where(eq(submissions.personId, person.id)).all();
    expect(rows).toHaveLength(2);
    expect(rows[1]!.declarationId).toBe(rows[0]!.declarationId);
    expect(rows[1]!.addressJson).toBe(rows[0]!.addressJson);
  });
});
