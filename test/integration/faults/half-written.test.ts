// D1 fails half way through a batch: a submission, an officer's decision, a
// card record. D1 runs a batch as one transaction, and every change that
// belongs together is one batch (the row, the photo's state, the email, the
// audit entry), so the failure must leave nothing half-written, and the
// same request, retried once D1 is back, must work.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog, outbox, photos, reviewDecisions, submissions } from "../../../schema/index.ts";
import { db, signedInApplicant } from "../../support/factories.ts";
import { type FaultLog, batchFailingHalfway, useBindings } from "../../support/faults.ts";
import { errorOf } from "../../support/http.ts";
import { completeTasks, submitAll } from "../../support/journey.ts";
import { signedInOfficer } from "../../support/officers.ts";

const count = async (rows: Promise<unknown[]>) => (await rows).length;

describe("faults: a D1 batch that fails half way", () => {
  it("submit: no submission, the photo still a draft, no email, no audit entry; the retry submits once", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    const b = applicant.browser;
    await completeTasks(b, person.id);
    const outboxBefore = await count(
      db().select().from(outbox).where(eq(outbox.toAddress, applicant.principalEmail)).all(),
    );
    const auditBefore = await count(db().select().from(auditLog).all());

    const log: FaultLog = { puts: 0, deletes: 0, batches: 0 };
    useBindings(b, { DB: batchFailingHalfway(env.DB, log, 2) });
    const failed = await b.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true });
    expect(log.batches).toBe(1);
    expect(failed.status).toBe(500);
    const error = await errorOf(failed);
    // The generic answer: nothing about tables, SQL or stacks, and the truth that nothing saved was lost.
    expect(error).toEqual({ code: "internal_error", message: expect.stringContaining("Nothing you saved was lost") });

    expect(await db().select().from(submissions).where(eq(submissions.personId, person.id)).all()).toEqual([]);
    expect((await db().select().from(photos).where(eq(photos.personId, person.id)).all()).map((p) => p.state)).toEqual([
      "draft",
    ]);
    expect(await count(db().select().from(outbox).where(eq(outbox.toAddress, applicant.principalEmail)).all())).toBe(
      outboxBefore,
    );
    expect(await count(db().select().from(auditLog).all())).toBe(auditBefore);

    useBindings(b);
    const retried = await b.post(`/api/persons/${person.id}/submit`, { declarationConfirmed: true });
    expect(retried.status).toBe(201);
    expect(await db().select().from(submissions).where(eq(submissions.personId, person.id)).all()).toHaveLength(1);
    expect(await count(db().select().from(outbox).where(eq(outbox.toAddress, applicant.principalEmail)).all())).toBe(
      outboxBefore + 1,
    );
  });

  it("an officer's acceptance: no decision, the photo still submitted, no email; the retry decides once", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;
    await submitAll(applicant.browser, person.id);
    const submission = (await db().select().from(submissions).where(eq(submissions.personId, person.id)).get())!;
    const officer = await signedInOfficer();
    expect((await officer.browser.post(`/review/api/items/${submission.id}/claim`, {})).status).toBe(200);
    const mailsBefore = await count(
      db().select().from(outbox).where(eq(outbox.toAddress, applicant.principalEmail)).all(),
    );

    useBindings(officer.browser, { DB: batchFailingHalfway(env.DB, undefined, 1) });
    expect((await officer.browser.post(`/review/api/items/${submission.id}/accept`, {})).status).toBe(500);
    expect(
      await db().select().from(reviewDecisions).where(eq(reviewDecisions.submissionId, submission.id)).all(),
    ).toEqual([]);
    expect((await db().select().from(photos).where(eq(photos.id, submission.photoId)).get())!.state).toBe("submitted");
    expect(await count(db().select().from(outbox).where(eq(outbox.toAddress, applicant.principalEmail)).all())).toBe(
      mailsBefore,
    );

    useBindings(officer.browser);
    expect((await officer.browser.post(`/review/api/items/${submission.id}/accept`, {})).status).toBe(200);
    expect(
      await db().select().from(reviewDecisions).where(eq(reviewDecisions.submissionId, submission.id)).all(),
    ).toHaveLength(1);
    expect((await db().select().from(photos).where(eq(photos.id, submission.photoId)).get())!.state).toBe("accepted");
    expect(await count(db().select().from(outbox).where(eq(outbox.toAddress, applicant.principalEmail)).all())).toBe(
      mailsBefore + 1,
    );
  });
});
