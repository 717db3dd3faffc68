import { Hono } from "hono";
import { actedFor, actedForPerson } from "./acted-for-person.ts";
import { checkPhotoBody, checksFailedAnswer, presentChecks, storeAndRecord } from "./photo-intake.ts";
import { currentPhoto, latestSubmission } from "../data/journey.ts";
import { getObject } from "../data/objects.ts";
import { acknowledgePhotoWarnings, replaceDraftPhoto } from "../data/photos.ts";
import { sha256Hex } from "../lib/crypto.ts";
import { AppError } from "../lib/errors.ts";
import { jsonBody } from "../lib/validate-json.ts";
import {
  AcknowledgeBody,
  type PhotoAcknowledged,
  type PhotoRecord,
  type PhotoUploaded,
} from "../../shared/api/photos.ts";
import { throttlePhotoUpload } from "../middleware/signed-in-throttles.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import type { CheckResult } from "../../shared/photo/checks/index.ts";

/** Upload (replace) and read a person's PR-card photo. */
export const photoRoutes = new Hono<AppBindings>()
  .post("/:personId/photo", async (c) => {
    const { applicant, person } = await actedForPerson(c);
    const db = c.var.db;
    // A new photo is possible before the first submission, or after a return.
    const [submission, photo] = await Promise.all([latestSubmission(db, person.id), currentPhoto(db, person.id)]);
    // (A draft after a submission exists only because the photo was returned.)
    if (submission && (photo?.state === "submitted" || photo?.state === "accepted"))
      throw new AppError(409, "photo_locked", "photo.locked");
    // Counted before the body is read: each upload is a decode and a face detection.
    await throttlePhotoUpload(c, applicant.accountId, person.id);

    const { result, checks } = await checkPhotoBody(c);
    if (result.verdict === "fail") return checksFailedAnswer(c, checks);
    // Hashed once: the retry check below and the new row both use it.
    const sha256 = await sha256Hex(result.stored);
    // A retried upload (a lost answer, a double click) of the photo already
    // stored as the draft has no second effect: same photo, no new object.
    if (photo?.state === "draft" && photo.sha256 === sha256) {
      return c.json(
        {
          photoId: photo.id,
          verdict: result.verdict,
          width: result.width,
          height: result.height,
          checks,
        } satisfies PhotoUploaded,
        200,
      );
    }
    // The previous photo's object goes only once the new one is safely recorded.
    const saved = await storeAndRecord(c, person.id, { ...result, sha256 }, (stored) =>
      replaceDraftPhoto(db, {
        personId: person.id,
        ...stored,
        checks: result.checks,
        verdict: result.verdict,
        uploadedByAccountId: applicant.accountId,
      }),
    );
    return c.json(
      {
        photoId: saved.id,
        verdict: result.verdict,
        width: result.width,
        height: result.height,
        checks,
      } satisfies PhotoUploaded,
      201,
    );
  })

  // "I want to submit this photo anyway": stored, and shown to the officer.
  .post("/:personId/photo/acknowledge", actedFor(), jsonBody(AcknowledgeBody), async (c) => {
    const { applicant, person } = c.var;
    const db = c.var.db;
    const photo = await currentPhoto(db, person.id);
    if (photo?.state !== "draft" || photo.verdict !== "warn")
      throw new AppError(409, "nothing_to_acknowledge", "photo.nothingToAcknowledge");
    await acknowledgePhotoWarnings(db, { photoId: photo.id, personId: person.id, accountId: applicant.accountId });
    return c.json({ photoId: photo.id, warningsAcknowledged: true } satisfies PhotoAcknowledged);
  })

  .get("/:personId/photo", async (c) => {
    const { person } = await actedForPerson(c);
    const photo = await currentPhoto(c.var.db, person.id);
    // No photo yet is a state the photo page expects, not an error (issue 18 point 9): 200 with null, so the
    // browser logs nothing. Another person's id still answers 404 from personForPhoto.
    if (!photo) return c.json(null);
    const checks = JSON.parse(photo.checksJson) as CheckResult[];
    return c.json({
      photoId: photo.id,
      // The current photo is never a replaced one; a failing photo is stored only with an explanation.
      state: photo.state as PhotoRecord["state"],
      verdict: photo.verdict,
      warningsAcknowledged: photo.warningsAcknowledged === 1,
      exception: photo.exceptionReason ? { reason: photo.exceptionReason } : null,
      uploadedByOfficer: photo.uploadedByOfficerId !== null,
      width: photo.width,
      height: photo.height,
      checks: presentChecks(checks, c.var.language),
    } satisfies PhotoRecord);
  })

  .get("/:personId/photo/image", async (c) => {
    const { person } = await actedForPerson(c);
    const photo = await currentPhoto(c.var.db, person.id);
    const object = photo ? await getObject(c.env, photo.objectKey) : null;
    if (!photo || !object) throw new AppError(404, "photo_not_found", "errors.notFound");
    return new Response(object.body, {
      headers: {
        "Content-Type": object.httpMetadata?.contentType ?? "application/octet-stream",
        "Cache-Control": "private, no-store",
      },
    });
  });
