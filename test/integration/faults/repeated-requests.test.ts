// The same request sent twice (a double click, a retry after a lost answer)
// has one effect: one photo and one object for a retried upload, one
// submission and one email for a double submit, one decision and one email
// for a retried officer decision, one email for a card mailing recorded twice.
import { env } from "cloudflare:workers";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox, photos, reviewDecisions, submissions } from "../../../schema/index.ts";
import { db, signedInApplicant } from "../../support/factories.ts";
import { completeTasks, submitAll, uploadPhoto, validPhoto } from "../../support/journey.ts";
import { signedInOfficer } from "../../support/officers.ts";

const mailsOfKind = (to: string, kind: string) =>
  db()
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, to), eq(outbox.kind, kind)))
    .all();

describe("faults: the same request twice has one effect", () => {
  it("a retried upload of the same photo: the same photo answered, no new row, no new object", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const photo = await validPhoto();
    const first = await uploadPhoto(applicant.browser, person.id, photo);
    expect(first.status).toBe(201);
    const again = await uploadPhoto(applicant.browser, person.id, photo);
    expect(again.status).toBe(200);
    const [a, b] = (await Promise.all([first.json(), again.json()])) as { photoId: number; verdict: string }[];
    expect(b).toMatchObject({ photoId: a!.photoId, verdict: a!.verdict });
    expect(await db().select().from(photos).where(eq(photos.personId, person.id)).all()).toHaveLength(1);
    expect((await env.FILES.list({ prefix: `photos/${person.id}/` })).objects).toHaveLength(1);
  });

  it("a double-clicked submit: both answers carry the one reference; one submission, one email", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await completeTasks(applicant.browser, person.id);
    const answers = await Promise.all(
      [1, 2].map(() => applicant.browser.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 201]);
    const references = await Promise.all(
      answers.map(async (r) => ((await r.json()) as { reference: string }).reference),
    );
    expect(references[0]).toBe(references[1]);
    expect(await db().select().from(submissions).where(eq(submissions.personId, person.id)).all()).toHaveLength(1);
    expect(await mailsOfKind(applicant.principalEmail, "submission_received")).toHaveLength(1);
  });

  it("an officer's retried decision: the same answer, one decision, one email; a different decision is still refused", async () => {
    const applicant = await signedInApplicant({ dependants: [{ givenNames: "Noor", dateOfBirth: "2015-04-02" }] });
    const [first, second] = applicant.persons;
    await submitAll(applicant.browser, first!.id);
    await submitAll(applicant.browser, second!.id);
    const [s1, s2] = await Promise.all(
      [first!, second!].map(
        async (p) => (await db().select().from(submissions).where(eq(submissions.personId, p.id)).get())!,
      ),
    );
    const officer = await signedInOfficer();
    for (const s of [s1!, s2!])
      expect((await officer.browser.post(`/review/api/items/${s.id}/claim`, {})).status).toBe(200);

    // Accept, sent twice at once (double click) and once more later (retry).
    const accepts = await Promise.all([1, 2].map(() => officer.browser.post(`/review/api/items/${s1!.id}/accept`, {})));
    expect(accepts.map((r) => r.status)).toEqual([200, 200]);
    const retried = await officer.browser.post(`/review/api/items/${s1!.id}/accept`, {});
    expect(await retried.json()).toEqual({ decision: "photo_accepted", alreadyDecided: true });
    expect(
      await db().select().from(reviewDecisions).where(eq(reviewDecisions.submissionId, s1!.id)).all(),
    ).toHaveLength(1);
    expect(await mailsOfKind(applicant.principalEmail, "photo_accepted")).toHaveLength(1);
    // The opposite decision on the same item is not a retry: 409.
    expect((await officer.browser.post(`/review/api/items/${s1!.id}/return`, { reasons: ["glare"] })).status).toBe(409);

    // Return, retried with the same reasons (in another order): one decision, one email.
    const returns = [
      await officer.browser.post(`/review/api/items/${s2!.id}/return`, { reasons: ["glare", "too_dark"] }),
      await officer.browser.post(`/review/api/items/${s2!.id}/return`, { reasons: ["too_dark", "glare"] }),
    ];
    expect(returns.map((r) => r.status)).toEqual([200, 200]);
    expect(
      await db().select().from(reviewDecisions).where(eq(reviewDecisions.submissionId, s2!.id)).all(),
    ).toHaveLength(1);
    expect(await mailsOfKind(applicant.principalEmail, "photo_returned")).toHaveLength(1);
    // Different reasons are a different decision: refused.
    expect(
      (await officer.browser.post(`/review/api/items/${s2!.id}/return`, { reasons: ["background_not_white"] })).status,
    ).toBe(409);

    // Confirm PR twice: one e-CoPR; the card mailing recorded twice: one email.
    expect((await officer.browser.post(`/review/api/persons/${first!.id}/confirm-pr`, {})).status).toBe(200);
    expect((await officer.browser.post(`/review/api/persons/${first!.id}/confirm-pr`, {})).status).toBe(409);
    const today = new Date().toISOString().slice(0, 10);
    for (let i = 0; i < 2; i++)
      expect(
        (await officer.browser.post(`/review/api/persons/${first!.id}/card`, { producedOn: today, mailedOn: today }))
          .status,
      ).toBe(200);
    expect(await mailsOfKind(applicant.principalEmail, "card_mailed")).toHaveLength(1);
    expect(await mailsOfKind(applicant.principalEmail, "proof_of_pr_available")).toHaveLength(1);
  });
});
