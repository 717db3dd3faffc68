// The steps every route that takes a photo shares: the person's own upload, a photo sent with an
// explanation (decision 028), and the scan of a photo received by mail that an officer uploads.
// One place decides what a refused file answers, what a failing photo answers, and how an object is
// stored and recorded so that a failure at either step leaves nothing behind but what the sweep removes.
import { deleteObjects, newPhotoKey, putPhoto } from "../data/objects.ts";
import { afterResponse } from "../lib/after-response.ts";
import { sha256Hex } from "../lib/crypto.ts";
import { AppError } from "../lib/errors.ts";
import type { AppContext } from "../lib/hono-types.ts";
import { readBodyWithin } from "../lib/read-body.ts";
import { type UploadRefusal, validateUpload } from "../photo/validate-upload.ts";
import { translate } from "../../shared/api/messages.ts";
import type { CheckResult } from "../../shared/photo/checks/index.ts";
import { MAX_PHOTO_BYTES } from "../../shared/photo/size-limit.ts";

type Validation = Awaited<ReturnType<typeof validateUpload>>;
/** A file the checks ran on: its format, size, checks, verdict and the bytes to store. */
export type CheckedPhoto = Extract<Validation, { ok: true }>;

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

/** The checks as the API answers them: each with its message and tip in the request's language. */
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

/** The photo's bytes through the upload gate and the checks; a file that is not a photo is thrown as its refusal. */
export async function checkPhoto(c: AppContext, bytes: Uint8Array) {
  const result = await validateUpload(bytes);
  if (!result.ok) throw refusalError(result.refusal);
  return { result, checks: presentChecks(result.checks, c.var.language) };
}

/** The raw request body as a photo (413 past the photos' 4 MB, read without trusting Content-Length), checked. */
export async function checkPhotoBody(c: AppContext) {
  const bytes = await readBodyWithin(
    c.req.raw,
    MAX_PHOTO_BYTES,
    () => new AppError(413, "photo_too_large", "photo.tooLarge"),
  );
  return checkPhoto(c, bytes);
}

/** 422 with the checks' findings: a failing photo is never stored, so the person sees why and chooses another. */
export function checksFailedAnswer(c: AppContext, checks: ReturnType<typeof presentChecks>) {
  return c.json(
    {
      error: { code: "photo_checks_failed", message: translate(c.var.language, "photo.checksFailed") },
      verdict: "fail",
      checks,
    },
    422,
  );
}

/** What a photo row records about its stored object. */
export interface StoredPhoto {
  objectKey: string;
  sha256: string;
  format: CheckedPhoto["format"];
  width: number;
  height: number;
  byteSize: number;
}

/**
 * Stores the checked photo's object, then records it with `record` (one D1 batch that also names the
 * objects it retired). A store that fails records nothing and is a 503 to retry; a record that fails
 * removes the new object after the answer (the maintenance sweep catches what that misses), and the
 * retired objects go only once the new row is safe. A caller that already hashed the stored bytes
 * (the upload's retry check) passes that `sha256` along, so the bytes are hashed once.
 */
export async function storeAndRecord<T extends { retiredKeys: string[] }>(
  c: AppContext,
  personId: number,
  result: CheckedPhoto & { sha256?: string },
  record: (stored: StoredPhoto) => Promise<T>,
  what = "photo",
): Promise<T> {
  const objectKey = newPhotoKey(personId, result.format);
  try {
    await putPhoto(c.env, objectKey, result.stored, result.format);
  } catch (error) {
    console.error(`${what} store failed`, { personId }, error);
    throw new AppError(503, "photo_store_failed", "photo.storeFailed", { headers: { "Retry-After": "30" } });
  }
  let saved: T;
  try {
    saved = await record({
      objectKey,
      sha256: result.sha256 ?? (await sha256Hex(result.stored)),
      format: result.format,
      width: result.width,
      height: result.height,
      byteSize: result.stored.byteLength,
    });
  } catch (error) {
    console.error(`${what} record failed`, { personId }, error);
    afterResponse(c, deleteObjects(c.env, objectKey), "orphan photo left for the sweep");
    throw new AppError(503, "photo_store_failed", "photo.storeFailed", { headers: { "Retry-After": "30" } });
  }
  if (saved.retiredKeys.length)
    afterResponse(c, deleteObjects(c.env, saved.retiredKeys), "replaced photo left for the sweep");
  return saved;
}
