import { Hono } from "hono";
import { actedForPerson } from "./acted-for-person.ts";
import { presentChecks, refusalError } from "./photos.ts";
import { afterResponse } from "../lib/after-response.ts";
import { currentPhoto, latestSubmission } from "../data/journey.ts";
import { deleteObjects, newPhotoKey, putPhoto } from "../data/objects.ts";
import { replaceDraftPhoto } from "../data/photos.ts";
import { sha256Hex } from "../lib/crypto.ts";
import { AppError } from "../lib/errors.ts";
import { readBodyWithin } from "../lib/read-body.ts";
import { validPart } from "../lib/validate-json.ts";
import { validationError } from "../lib/errors.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import { throttlePhotoUpload } from "../middleware/signed-in-throttles.ts";
import { validateUpload } from "../photo/validate-upload.ts";
import { translate } from "../../shared/api/messages.ts";
import { PhotoExceptionFields } from "../../shared/api/another-way.ts";
import type { PhotoExceptionStored } from "../../shared/api/photos.ts";
import { failuresExcusable } from "../../shared/photo/exceptions.ts";
import { MAX_PHOTO_BYTES } from "../../shared/photo/size-limit.ts";

/** The form's two text fields and its boundaries fit well within this, beside the photo. */
const FORM_OVERHEAD_BYTES = 16 * 1024;

/** The photo part and the text fields of a multipart/form-data body already read; 400 when it is not one. */
async function readForm(request: Request, bytes: Uint8Array<ArrayBuffer>) {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type))
    throw new AppError(415, "unsupported_media_type", "errors.unsupportedMediaType");
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "Content-Type": type } }).formData();
  } catch {
    throw new AppError(400, "malformed_json", "errors.malformedJson");
  }
  const photo = form.get("photo");
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    photo: typeof photo === "string" || photo === null ? null : new Uint8Array(await photo.arrayBuffer()),
    fields: { reason: text("reason"), explanation: text("explanation") },
  };
}

/**
 * A photo that cannot meet a rule for a medical or religious reason or a disability, sent with the
 * person's explanation (decision 028): the same checks as any upload, and the same refusals for a
 * file that is not a photo; stored only when every failed check is one an explanation can excuse
 * (shared/photo/exceptions.ts). The officer then sees the explanation beside the checks.
 */
export const photoExceptionRoutes = new Hono<AppBindings>().post("/:personId/photo/exception", async (c) => {
  const { applicant, person } = await actedForPerson(c);
  const db = c.var.db;
  const [submission, current] = await Promise.all([latestSubmission(db, person.id), currentPhoto(db, person.id)]);
  if (submission && (current?.state === "submitted" || current?.state === "accepted"))
    throw new AppError(409, "photo_locked", "photo.locked");
  await throttlePhotoUpload(c, applicant.accountId, person.id);
  const bytes = await readBodyWithin(
    c.req.raw,
    MAX_PHOTO_BYTES + FORM_OVERHEAD_BYTES,
    () => new AppError(413, "photo_too_large", "photo.tooLarge"),
  );
  const form = await readForm(c.req.raw, bytes);
  const { body, problems } = validPart(c, PhotoExceptionFields, form.fields);
  if (!form.photo || form.photo.byteLength === 0)
    problems.unshift({
      field: "photo",
      code: "required",
      messageKey: "photoException.photoRequired",
    });
  if (problems.length) throw validationError(problems);
  if (form.photo!.byteLength > MAX_PHOTO_BYTES) throw new AppError(413, "photo_too_large", "photo.tooLarge");

  const result = await validateUpload(form.photo! as Uint8Array<ArrayBuffer>);
  if (!result.ok) throw refusalError(result.refusal);
  const checks = presentChecks(result.checks, c.var.language);
  if (result.verdict !== "fail") {
    return c.json(
      {
        error: { code: "photo_exception_not_needed", message: translate(c.var.language, "photoException.notNeeded") },
        verdict: result.verdict,
        checks,
      },
      409,
    );
  }
  if (!failuresExcusable(result.checks)) {
    return c.json(
      {
        error: {
          code: "photo_exception_not_excusable",
          message: translate(c.var.language, "photoException.notExcusable"),
        },
        verdict: "fail",
        checks,
      },
      422,
    );
  }
  const objectKey = newPhotoKey(person.id, result.format);
  try {
    await putPhoto(c.env, objectKey, result.stored, result.format);
  } catch (error) {
    console.error("photo store failed", { personId: person.id }, error);
    throw new AppError(503, "photo_store_failed", "photo.storeFailed", { headers: { "Retry-After": "30" } });
  }
  let saved: Awaited<ReturnType<typeof replaceDraftPhoto>>;
  try {
    saved = await replaceDraftPhoto(db, {
      personId: person.id,
      objectKey,
      sha256: await sha256Hex(result.stored),
      format: result.format,
      width: result.width,
      height: result.height,
      byteSize: result.stored.byteLength,
      checks: result.checks,
      verdict: "fail",
      uploadedByAccountId: applicant.accountId,
      exception: { reason: body.reason, explanation: body.explanation },
    });
  } catch (error) {
    console.error("photo record failed", { personId: person.id }, error);
    afterResponse(c, deleteObjects(c.env, objectKey), "orphan photo left for the sweep");
    throw new AppError(503, "photo_store_failed", "photo.storeFailed", { headers: { "Retry-After": "30" } });
  }
  if (saved.retiredKeys.length)
    afterResponse(c, deleteObjects(c.env, saved.retiredKeys), "replaced photo left for the sweep");
  return c.json(
    {
      photoId: saved.id,
      verdict: "fail",
      exception: { reason: body.reason },
      width: result.width,
      height: result.height,
      checks,
    } satisfies PhotoExceptionStored,
    201,
  );
});
