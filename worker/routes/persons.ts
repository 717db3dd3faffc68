import { type Context, Hono } from "hono";
import { type ActedFor, actedFor, actedForPerson } from "./acted-for-person.ts";
import { enqueueAfterResponse } from "../email/enqueue-after-response.ts";
import {
  currentPhoto,
  declarationDate,
  findAddress,
  findPresenceDeclaration,
  personsActedFor,
  declarePresence,
  latestSubmission,
  saveAddresses,
  tasksFor,
} from "../data/journey.ts";
import { auditInsert } from "../data/audit.ts";
import { AppError, validationError } from "../lib/errors.ts";
import type { AppBindings, AppContext } from "../lib/hono-types.ts";
import { jsonBody } from "../lib/validate-json.ts";
import {
  AddressBody,
  type AddressSaved,
  type PersonDetail,
  type PresenceDeclaration,
  type StatusTimeline,
  type SubmissionReceipt,
  SubmitBody,
  presenceBody,
} from "../../shared/api/persons.ts";
import { translate } from "../../shared/api/messages.ts";
import { missingTasks, submitDocuments } from "../data/submissions.ts";
import { timelineFor } from "../data/timeline.ts";
import { latestProofOfPr } from "../data/documents.ts";
import { getObject } from "../data/objects.ts";
import { serviceStandards, settings } from "../lib/config.ts";
import { runningClocks } from "../../shared/service-standards/clocks.ts";
import { dayOfMs } from "../../shared/service-standards/days.ts";
import { clockFor } from "../../shared/service-standards/standards.ts";
import { unansweredRequestsOf } from "../data/another-way.ts";
import { pendingCorrectionSince } from "../data/corrections.ts";

function lockedError(c: AppContext) {
  return new AppError(409, "submission_locked", "errors.submissionLocked", { params: { helpEmail: c.env.HELP_EMAIL } });
}

/** The answer to a submit that was already made: the same reference, nothing new. */
function alreadySubmitted(submission: {
  reference: string;
  submittedAt: string;
  kind: "initial" | "photo_resubmission";
}) {
  return {
    reference: submission.reference,
    submittedAt: submission.submittedAt,
    kind: submission.kind,
    alreadySubmitted: true,
  } satisfies SubmissionReceipt;
}

/** The presence box's schema: someone declaring for another person is told whose presence it is. */
function presenceSchema(c: Context<AppBindings & ActedFor>) {
  const { applicant, person } = c.var;
  return presenceBody(person.id === applicant.personId ? null : `${person.givenNames} ${person.familyName}`);
}

export const personRoutes = new Hono<AppBindings>()
  .get("/:personId", async (c) => {
    const { applicant, person } = await actedForPerson(c);
    const db = c.var.db;
    const [declaration, address, submission, tasks] = await Promise.all([
      findPresenceDeclaration(db, person.id),
      findAddress(db, person.id),
      latestSubmission(db, person.id),
      tasksFor(db, person.id),
    ]);
    return c.json({
      id: person.id,
      givenNames: person.givenNames,
      familyName: person.familyName,
      role: person.role,
      isSelf: person.id === applicant.personId,
      tasks,
      presence: declaration
        ? { declaredOn: declaration.declaredOn, byThemself: declaration.declaredByPersonId === person.id }
        : null,
      address: address
        ? {
            unit: address.unit,
            streetNumber: address.streetNumber,
            streetName: address.streetName,
            city: address.city,
            province: address.province,
            postalCode: address.postalCode,
          }
        : null,
      submitted: Boolean(submission),
    } satisfies PersonDetail);
  })

  .post("/:personId/presence", actedFor(), jsonBody(presenceSchema), async (c) => {
    const { applicant, person } = c.var;
    const body = c.req.valid("json");
    const db = c.var.db;
    if (await latestSubmission(db, person.id)) throw lockedError(c);
    const declaration = await declarePresence(db, {
      personId: person.id,
      accountId: applicant.accountId,
      declaredByPersonId: applicant.personId,
      declaredOn: declarationDate(body.localDate),
    });
    await db.batch([
      auditInsert(db, {
        actorKind: "applicant",
        actorId: applicant.accountId,
        action: "presence.declared",
        subjectKind: "person",
        subjectId: person.id,
      }),
    ]);
    return c.json({
      declaredOn: declaration.declaredOn,
      byThemself: declaration.declaredByPersonId === person.id,
    } satisfies PresenceDeclaration);
  })

  .get("/:personId/status", async (c) => {
    const { person } = await actedForPerson(c);
    const timeline = await timelineFor(c.var.db, person.id, settings(c.env).cardTargetDays);
    // The portal's clocks on the steps it owes the person now (decision 025), and on each request for
    // another way not yet answered (decision 028).
    const standards = serviceStandards(c.env);
    const today = dayOfMs(Date.now());
    const clocks = [
      ...runningClocks(timeline.events, standards, today),
      ...(await unansweredRequestsOf(c.var.db, person.id)).map((since) =>
        clockFor(standards.another_way, since, today),
      ),
      // A report of an error in the e-CoPR waiting for an officer's decision (decision 027).
      ...[await pendingCorrectionSince(c.var.db, person.id)].flatMap((since) =>
        since ? [clockFor(standards.correction, since, today)] : [],
      ),
    ];
    return c.json({ ...timeline, clocks } satisfies StatusTimeline);
  })

  // The e-CoPR, for the person's own account or the principal acting for them.
  .get("/:personId/documents/ecopr", async (c) => {
    const { applicant, person } = await actedForPerson(c);
    const document = await latestProofOfPr(c.var.db, person.id);
    const object = document ? await getObject(c.env, document.objectKey) : null;
    if (!document || !object) throw new AppError(404, "document_not_found", "errors.notFound");
    const db = c.var.db;
    await db.batch([
      auditInsert(db, {
        actorKind: "applicant",
        actorId: applicant.accountId,
        action: "ecopr.downloaded",
        subjectKind: "person",
        subjectId: person.id,
      }),
    ]);
    return new Response(object.body, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="e-CoPR-${person.familyName.replace(/[^A-Za-z0-9]/g, "")}-${document.issuedAt.slice(0, 10)}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  })

  .post("/:personId/submit", actedFor(), jsonBody(SubmitBody), async (c) => {
    const { applicant, person } = c.var;
    const body = c.req.valid("json");
    const db = c.var.db;
    const [submitted, photo] = await Promise.all([latestSubmission(db, person.id), currentPhoto(db, person.id)]);
    // A retried submit (double click, an answer lost on the way) has no second
    // effect: it is answered with the submission already made.
    if (submitted && photo && submitted.photoId === photo.id && body.declarationConfirmed === true)
      return c.json(alreadySubmitted(submitted), 200);
    // After a submission only a returned photo reopens, and only the photo.
    if (submitted && photo?.state !== "draft") throw lockedError(c);
    const missing = await missingTasks(db, person.id);
    if (missing.length) {
      const language = c.var.language;
      throw new AppError(409, "tasks_incomplete", "submit.tasksIncomplete", {
        params: {
          tasks: missing.map((task) => translate(language, `tasks.${task}`)).join(language === "fr" ? " ; " : "; "),
        },
      });
    }
    if (body.declarationConfirmed !== true) {
      throw validationError([
        { field: "declarationConfirmed", code: "required", messageKey: "submit.declarationRequired" },
      ]);
    }
    const result = await submitDocuments(db, c.env, {
      personId: person.id,
      accountId: applicant.accountId,
      accountEmail: applicant.email,
    });
    if (!result) {
      // The same photo was submitted by a request running at the same moment.
      const winner = await latestSubmission(db, person.id);
      if (winner && winner.photoId === photo?.id) return c.json(alreadySubmitted(winner), 200);
      throw lockedError(c);
    }
    enqueueAfterResponse(c, result.outboxIds);
    return c.json(
      { reference: result.reference, submittedAt: result.submittedAt, kind: result.kind } satisfies SubmissionReceipt,
      201,
    );
  })

  .post("/:personId/address", actedFor(), jsonBody(AddressBody), async (c) => {
    const { applicant, person } = c.var;
    const body = c.req.valid("json");

    const db = c.var.db;
    if (await latestSubmission(db, person.id)) throw lockedError(c);
    // "Use this address for the whole family": every person this account acts
    // for who has not submitted yet.
    let targets = [person.id];
    if (body.sameForFamily === true) {
      const family = await personsActedFor(db, applicant.accountId);
      const open = await Promise.all(family.map(async (p) => ((await latestSubmission(db, p.id)) ? null : p.id)));
      targets = open.filter((id): id is number => id !== null);
    }
    const address = {
      unit: body.unit || null,
      streetNumber: body.streetNumber,
      streetName: body.streetName,
      city: body.city,
      province: body.province,
      postalCode: body.postalCode,
    };
    try {
      await saveAddresses(db, targets, address, applicant.accountId);
    } catch (error) {
      // A submission landed between our check and the write: the trigger refused.
      if (String(error).includes("submitted_locked")) throw lockedError(c);
      throw error;
    }
    await db.batch([
      auditInsert(db, {
        actorKind: "applicant",
        actorId: applicant.accountId,
        action: "address.saved",
        subjectKind: "person",
        subjectId: person.id,
        details: { persons: targets },
      }),
    ]);
    return c.json({ address, appliedTo: targets } satisfies AddressSaved);
  });
