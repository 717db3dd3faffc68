import { Hono } from "hono";
import { actedFor, actedForPerson } from "./acted-for-person.ts";
import { afterResponse } from "../lib/after-response.ts";
import { currentPhoto, latestSubmission } from "../data/journey.ts";
import { deleteObjects, getObject, newPhotoKey, putPhoto } from "../data/objects.ts";
import { acknowledgePhotoWarnings, replaceDraftPhoto } from "../data/photos.ts";
import { sha256Hex } from "../lib/crypto.ts";
import { AppError } from "../lib/errors.ts";
import { readBodyWithin } from "../lib/read-body.ts";
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
import { type UploadRefusal, validateUpload } from "../photo/validate-upload.ts";
import { translate } from "../../shared/api/messages.ts";
import { MAX_PHOTO_BYTES } from "../../shared/photo/size-limit.ts";

/** A file that never reached the checks, as the error the upload routes answer. */
export function refusalError(refusal: UploadRefusal): AppError {
  switch (refusal.code) {
    case "photo_empty":
      return new AppError(422, "photo_empty", "photo.empty");
    case "photo_heic":
      return new AppError(415, "photo_heic", "photo.heic");
    case "photo_avif":
      return new AppError(415, "photo_avif", "photo.avif");
    case "photo_heif":
      return new AppError(415, "photo_heif", "photo.heif");
    case "photo_cmyk":
      return new AppError(415, "photo_cmyk", "photo.cmyk");
    case "photo_type":
      return new AppError(415, "photo_type", "photo.type");
    case "photo_corrupt":
      return new AppError(422, "photo_corrupt", "photo.corrupt");
    case "photo_too_many_pixels":
      return new AppError(422, "photo_too_many_pixels", "photo.tooManyPixels", {
        params: { width: refusal.width, height: refusal.height },
      });
  }
}

/** The check results in the request's language, for the response. */
export function presentChecks(checks: CheckResult[], language: "en" | "fr") {
  return checks.map((c) => ({
    id: c.id,
    verdict: c.verdict,
    value: c.value,
    threshold: c.threshold,
    message: c.message[language],
    tip: c.tip[language],
  }));
}

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

    const bytes = await readBodyWithin(
      c.req.raw,
      MAX_PHOTO_BYTES,
      () => new AppError(413, "photo_too_large", "photo.tooLarge"),
    );
    const result = await validateUpload(bytes);
    if (!result.ok) throw refusalError(result.refusal);
    const checks = presentChecks(result.checks, c.var.language);
    if (result.verdict === "fail") {
      // Nothing is stored: a failing photo can never be submitted.
      return c.json(
        {
          error: { code: "photo_checks_failed", message: translate(c.var.language, "photo.checksFailed") },
          verdict: "fail",
          checks,
        },
        422,
      );
    }
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
    const objectKey = newPhotoKey(person.id, result.format);
    try {
      await putPhoto(c.env, objectKey, result.stored, result.format);
    } catch (error) {
      // Nothing was recorded: the stored photo (if any) stays, and the person can simply retry.
      console.error("photo store failed", { personId: person.id }, error);
      throw new AppError(503, "photo_store_failed", "photo.storeFailed", { headers: { "Retry-After": "30" } });
    }
    let saved: Awaited<ReturnType<typeof replaceDraftPhoto>>;
    try {
      saved = await replaceDraftPhoto(db, {
        personId: person.id,
        objectKey,
        sha256,
        format: result.format,
        width: result.width,
        height: result.height,
        byteSize: result.stored.byteLength,
        checks: result.checks,
        verdict: result.verdict,
        uploadedByAccountId: applicant.accountId,
      });
    } catch (error) {
      // The batch wrote nothing, so no row points at the new object; remove it
      // now, and if that fails too the maintenance job's orphan sweep will.
      console.error("photo record failed", { personId: person.id }, error);
      afterResponse(c, deleteObjects(c.env, objectKey), "orphan photo left for the sweep");
      throw new AppError(503, "photo_store_failed", "photo.storeFailed", { headers: { "Retry-After": "30" } });
    }
    // The previous photo goes only now that the new one is safely stored. If
    // this delete fails, the replaced row's object is an orphan the
    // maintenance job removes later; nothing the person sees depends on it.
    if (saved.retiredKeys.length) {
      afterResponse(c, deleteObjects(c.env, saved.retiredKeys), "replaced photo left for the sweep");
    }
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
