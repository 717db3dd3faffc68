import { Hono } from "hono";
import { actedForPerson } from "./acted-for-person.ts";
import { checkPhoto, storeAndRecord } from "./photo-intake.ts";
import { currentPhoto, latestSubmission } from "../data/journey.ts";
import { replaceDraftPhoto } from "../data/photos.ts";
import { AppError } from "../lib/errors.ts";
import { readBodyWithin } from "../lib/read-body.ts";
import { validPart } from "../lib/validate-json.ts";
import { validationError } from "../lib/errors.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import { throttlePhotoUpload } from "../middleware/signed-in-throttles.ts";
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

  const { result, checks } = await checkPhoto(c, form.photo!);
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
  const saved = await storeAndRecord(c, person.id, result, (stored) =>
    replaceDraftPhoto(db, {
      personId: person.id,
      ...stored,
      checks: result.checks,
      verdict: "fail",
      uploadedByAccountId: applicant.accountId,
      exception: { reason: body.reason, explanation: body.explanation },
    }),
  );
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
