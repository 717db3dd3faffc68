import { Hono } from "hono";
import { officerPersonFacts } from "./officer-person-facts.ts";
import { enqueueAfterResponse } from "../email/enqueue-after-response.ts";
import { accountLanguage } from "../data/accounts.ts";
import { findCard } from "../data/cards.ts";
import { photoAcceptedOn } from "../data/card-dates.ts";
import { latestProofOfPr } from "../data/documents.ts";
import { getObject } from "../data/objects.ts";
import { findPhoto } from "../data/photos.ts";
import { submissionExists } from "../data/submissions.ts";
import { addressHistory, latestSubmission } from "../data/journey.ts";
import { type PhotoDecisionOutcome, acceptPhoto, recordCard, returnPhoto } from "../data/photo-decisions.ts";
import { anotherWayFollowUp, followUpList } from "../data/follow-up.ts";
import { representativesOfPerson } from "../data/representatives.ts";
import {
  claimSubmission,
  holdsClaim,
  liveClaim,
  personsNotSubmitted,
  reviewItem,
  reviewQueue,
} from "../data/review-queue.ts";
import { requireOfficer, signedInOfficer } from "../middleware/officer-session.ts";
import { pathId } from "../middleware/path-id.ts";
import { issueProofOfPr } from "../services/ecopr.ts";
import { cardDateFieldProblem } from "../lib/card-date-messages.ts";
import { AppError, validationError } from "../lib/errors.ts";
import { representativeAccess, serviceStandards } from "../lib/config.ts";
import type { AppBindings, AppContext } from "../lib/hono-types.ts";
import * as v from "valibot";
import { jsonBody } from "../lib/validate-json.ts";
import { CardDatesBody, FollowUpQuery, QueueQuery, ReturnBody } from "../../shared/api/review-requests.ts";
import type { FollowUpItem, QueueAnswer, QueueItem, ReviewItem } from "../../shared/api/review-answers.ts";

function idParam(c: AppContext, name: string): number {
  const id = Number(c.req.param(name));
  if (!Number.isSafeInteger(id) || id < 1) throw new AppError(404, "not_found", "errors.notFound");
  return id;
}

function later(c: AppContext, ids: number[]) {
  enqueueAfterResponse(c, ids);
}

/** A decision needs this officer's live claim, so two officers never decide the same item. */
async function requireClaim(c: AppContext, submissionId: number, officerId: number) {
  if (!(await holdsClaim(c.var.db, submissionId, officerId)))
    throw new AppError(409, "claim_required", "review.claimRequired");
}

/**
 * A decision that could not be recorded because one exists: the same
 * officer repeating the same decision (a retried request) gets the same
 * answer again with nothing new done; anything else is a 409.
 */
function answerAlreadyDecided(
  c: AppContext,
  result: Exclude<PhotoDecisionOutcome, { ok: true }>,
  decision: "photo_accepted" | "photo_returned",
) {
  if (result.reason === "already_decided" && result.repeated) return c.json({ decision, alreadyDecided: true });
  throw new AppError(409, "already_decided", "review.alreadyDecided");
}

/** The officers' work queue, items, and decisions (all audited). */
export const reviewQueueRoutes = new Hono<AppBindings>()
  .get("/queue", async (c) => {
    requireOfficer(c);
    const query = v.safeParse(QueueQuery, c.req.query());
    if (!query.success) throw new AppError(400, "bad_filter", "errors.notFound");
    const { filter, q: search } = query.output;
    const standard = serviceStandards(c.env).photo_review;
    // A search also finds imported persons who never submitted (decision 028), so an officer
    // can open their page and record a follow-up for someone who phoned or mailed a photo.
    const term = search?.trim();
    return c.json({
      standard,
      items: (await reviewQueue(c.var.db, { filter, search, standard })) satisfies QueueItem[],
      notSubmitted: term ? await personsNotSubmitted(c.var.db, term) : [],
    } satisfies QueueAnswer);
  })

  // Accepted photos waiting for PR confirmation, and confirmed persons waiting for their card.
  .get("/follow-up", async (c) => {
    requireOfficer(c);
    const query = v.safeParse(FollowUpQuery, c.req.query());
    if (!query.success) throw new AppError(400, "bad_stage", "errors.notFound");
    const { stage } = query.output;
    // Requests for another way wait on their own standard until first answered (decisions 025, 028).
    if (stage === "another_way")
      return c.json({ items: await anotherWayFollowUp(c.var.db, serviceStandards(c.env).another_way) });
    return c.json({
      items: (await followUpList(c.var.db, stage, serviceStandards(c.env))) satisfies FollowUpItem[],
    });
  })

  .post("/items/:submissionId/claim", async (c) => {
    const officer = requireOfficer(c);
    const submissionId = idParam(c, "submissionId");
    if (!(await submissionExists(c.var.db, submissionId))) throw new AppError(404, "not_found", "errors.notFound");
    const claim = await claimSubmission(c.var.db, submissionId, officer.officerId);
    if (!claim.ok) {
      throw new AppError(409, "claimed_by_other", "review.claimedByOther", {
        params: { name: claim.holder.name, time: claim.holder.expiresAt.slice(11, 16) },
      });
    }
    return c.json({ claimedUntil: claim.expiresAt });
  })

  .get("/items/:submissionId", async (c) => {
    requireOfficer(c);
    const item = await reviewItem(c.var.db, idParam(c, "submissionId"));
    if (!item) throw new AppError(404, "not_found", "errors.notFound");
    const { submission, person, application, photo, declaration, declaredBy, history, decisions } = item;
    // What is already done after the photo decision, so the page offers only what is left.
    const proof = await latestProofOfPr(c.var.db, person.id);
    const card = await findCard(c.var.db, person.id);
    const claim = await liveClaim(c.var.db, submission.id);
    // Every mailing address given, newest (the one the card goes to) first: changes after submitting are new rows.
    const addresses = await addressHistory(c.var.db, person.id);
    // Who represents the person, with the applicant's consent (decision 026): only while the setting is on.
    const representatives = representativeAccess(c.env) ? await representativesOfPerson(c.var.db, person) : null;
    // The language the applicant reads: the one their account uses in the portal (emails about this
    // person go to that account), else the import's language of correspondence. The officer writes
    // the note in it, since the note is sent as written, never translated.
    const reader =
      person.actingAccountId === null ? undefined : await accountLanguage(c.var.db, person.actingAccountId);
    return c.json({
      submission: {
        id: submission.id,
        reference: submission.reference,
        kind: submission.kind,
        submittedAt: submission.submittedAt,
        address: JSON.parse(submission.addressJson),
      },
      addressHistory: addresses.map(({ unit, streetNumber, streetName, city, province, postalCode, updatedAt }) => ({
        unit,
        streetNumber,
        streetName,
        city,
        province,
        postalCode,
        since: updatedAt,
      })),
      ...(representatives ? { representatives } : {}),
      person: officerPersonFacts(person, reader),
      applicationNumber: application.applicationNumber,
      photo: {
        id: photo.id,
        state: photo.state,
        width: photo.width,
        height: photo.height,
        verdict: photo.verdict,
        warningsAcknowledged: photo.warningsAcknowledged === 1,
        checks: JSON.parse(photo.checksJson),
        exception: photo.exceptionReason
          ? { reason: photo.exceptionReason, explanation: photo.exceptionExplanation ?? "" }
          : null,
        uploadedByOfficer: photo.uploadedByOfficerId !== null,
      },
      declaration: declaration
        ? {
            declaredOn: declaration.declaredOn,
            statementVersion: declaration.statementVersion,
            declaredBy: declaredBy ? `${declaredBy.givenNames} ${declaredBy.familyName}` : null,
            byThemself: declaration.declaredByPersonId === person.id,
          }
        : null,
      claim: claim ?? null,
      proofIssuedAt: proof?.issuedAt ?? null,
      card: { producedOn: card?.producedAt ?? null, mailedOn: card?.mailedAt ?? null },
      history: history.map((h) => ({
        ...h,
        decisions: decisions
          .filter((d) => d.submissionId === h.submissionId)
          .map((d) => ({ ...d, reasons: JSON.parse(d.reasonsJson) as string[] })),
      })),
    } satisfies ReviewItem);
  })

  .get("/items/:submissionId/photo", async (c) => {
    requireOfficer(c);
    const item = await reviewItem(c.var.db, idParam(c, "submissionId"));
    const object = item ? await getObject(c.env, item.photo.objectKey) : null;
    if (!object) throw new AppError(404, "not_found", "errors.notFound");
    return new Response(object.body, {
      headers: {
        "Content-Type": object.httpMetadata?.contentType ?? "image/jpeg",
        "Cache-Control": "private, no-store",
      },
    });
  })

  .post("/items/:submissionId/accept", async (c) => {
    const officer = requireOfficer(c);
    const submissionId = idParam(c, "submissionId");
    await requireClaim(c, submissionId, officer.officerId);
    const result = await acceptPhoto(c.var.db, c.env, { submissionId, officerId: officer.officerId });
    if (!result.ok) return answerAlreadyDecided(c, result, "photo_accepted");
    later(c, result.outboxIds);
    return c.json({ decision: "photo_accepted" });
  })

  // The claim is judged after the body, as it always was.
  .post("/items/:submissionId/return", signedInOfficer(), pathId("submissionId"), jsonBody(ReturnBody), async (c) => {
    const { officer, submissionId } = c.var;
    const { reasons, note } = c.req.valid("json");
    await requireClaim(c, submissionId, officer.officerId);
    const result = await returnPhoto(c.var.db, c.env, {
      submissionId,
      officerId: officer.officerId,
      reasons: [...new Set(reasons)],
      note,
    });
    if (!result.ok) return answerAlreadyDecided(c, result, "photo_returned");
    later(c, result.outboxIds);
    return c.json({ decision: "photo_returned" });
  })

  .post("/persons/:personId/confirm-pr", async (c) => {
    const officer = requireOfficer(c);
    const personId = idParam(c, "personId");
    const db = c.var.db;
    const submission = await latestSubmission(db, personId);
    if (!submission) throw new AppError(409, "not_submitted", "review.notSubmitted");
    if (await latestProofOfPr(db, personId)) throw new AppError(409, "already_confirmed", "review.alreadyConfirmed");
    const photo = await findPhoto(db, submission.photoId);
    if (photo?.state !== "accepted") throw new AppError(409, "photo_not_accepted", "review.photoNotAccepted");
    const issued = await issueProofOfPr(db, c.env, { personId, officerId: officer.officerId });
    later(c, issued.outboxIds);
    return c.json({ documentId: issued.documentId });
  })

  .post("/persons/:personId/card", signedInOfficer(), pathId("personId"), jsonBody(CardDatesBody), async (c) => {
    const { officer, personId } = c.var;
    const { producedOn, mailedOn } = c.req.valid("json");
    const db = c.var.db;
    if ((await photoAcceptedOn(db, personId)) === null)
      throw new AppError(409, "photo_not_accepted", "review.photoNotAccepted");
    const result = await recordCard(db, c.env, {
      personId,
      actor: { kind: "officer", id: officer.officerId },
      producedOn,
      mailedOn,
    });
    if (!result.ok) throw validationError(result.problems.map(cardDateFieldProblem));
    later(c, result.outboxIds);
    return c.json({ ok: true });
  });
