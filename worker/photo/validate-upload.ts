import { type CheckResult, runFileChecks, runPixelChecks, worstVerdict } from "../../shared/photo/checks/index.ts";
import { DecodeFailure, decodeImage } from "./decode.ts";
import {
  MAX_DECODE_PIXELS,
  orientedSize,
  parseJpegHeader,
  parsePngHeader,
  sniffImageType,
} from "../../shared/photo/header.ts";
import { applyOrientation } from "./orientation.ts";
import { stripMetadata } from "./strip-metadata.ts";
import type { FaceDetector } from "../../shared/photo/face/detector.ts";
import type { FaceFinding } from "../../shared/photo/face/types.ts";

/** Why a file never reached the checks (each becomes a 4xx with this code). */
export type UploadRefusal =
  | { code: "photo_empty" }
  | { code: "photo_heic" }
  | { code: "photo_avif" }
  | { code: "photo_heif" }
  | { code: "photo_cmyk"; colorSpace: "cmyk" | "ycck" }
  | { code: "photo_type"; detected: string }
  | { code: "photo_corrupt"; detail: string }
  | { code: "photo_too_many_pixels"; width: number; height: number };

type UploadValidation =
  | { ok: false; refusal: UploadRefusal }
  | {
      ok: true;
      format: "jpeg" | "png";
      width: number;
      height: number;
      checks: CheckResult[];
      verdict: "pass" | "warn" | "fail";
      /** The file with its metadata removed, pixels untouched: what is stored. */
      stored: Uint8Array;
      removedMetadata: string[];
    };

interface ValidateOptions {
  /** The face detector to use; by default the worker's (face/worker-detector.ts, weights bundled
   *  as Data modules). Node callers (the admin CLI, the bench) pass one built with
   *  createFaceDetector() from the same weight files read from disk. */
  detector?: FaceDetector;
}

/** The default detector, imported only when needed so that Node callers passing their own never
 *  load the worker's .bin module imports. */
async function workerDetector(): Promise<FaceDetector> {
  const { getFaceDetector } = await import("./face-detector.ts");
  return getFaceDetector();
}

/** Faces on the upright pixels. A detector failure is logged and counts as "no face found"
 *  (face_not_visible fails with a message the person can act on), never a 500. */
async function findFaces(
  image: { width: number; height: number; data: Uint8ClampedArray },
  detector?: FaceDetector,
): Promise<FaceFinding[]> {
  try {
    return await (detector ?? (await workerDetector())).detect(image);
  } catch (error) {
    console.error("face detection failed", error);
    return [];
  }
}

/**
 * Decoded pixels stay alive from decode to the end of the checks (22 MB for 2000×2800), and face
 * detection adds ~25 MB of intermediate arrays: the whole pixel stage runs one photo at a time per
 * isolate, so concurrent uploads queue instead of stacking up in the 128 MB.
 */
let pixelStage: Promise<unknown> = Promise.resolve();
function onePixelStageAtATime<T>(work: () => Promise<T>): Promise<T> {
  const next = pixelStage.then(work, work);
  pixelStage = next.catch(() => undefined);
  return next;
}

/**
 * The server pipeline for one photo: magic bytes → header parsed and bounded
 * (before any decode) → WASM decode → EXIF orientation applied → face
 * detection → checks → metadata stripped. Never throws for bad input: every problem is a refusal
 * or a failing check.
 */
export async function validateUpload(bytes: Uint8Array, options: ValidateOptions = {}): Promise<UploadValidation> {
  if (bytes.length === 0) return { ok: false, refusal: { code: "photo_empty" } };
  const type = sniffImageType(bytes);
  // Each kind of HEIF has its own advice (an iPhone setting for HEIC, an export for AVIF).
  if (type === "heic") return { ok: false, refusal: { code: "photo_heic" } };
  if (type === "avif") return { ok: false, refusal: { code: "photo_avif" } };
  if (type === "heif") return { ok: false, refusal: { code: "photo_heif" } };
  if (type !== "jpeg" && type !== "png") return { ok: false, refusal: { code: "photo_type", detected: type } };

  const parsed = type === "jpeg" ? parseJpegHeader(bytes) : parsePngHeader(bytes);
  if (!parsed.ok)
    return { ok: false, refusal: { code: "photo_corrupt", detail: `${parsed.error.code}: ${parsed.error.detail}` } };
  // MozJPEG cannot turn CMYK or YCCK into RGBA: refused here, before the decode would fail and
  // call a printer's file damaged. Why not converted: decision 005, "CMYK and YCCK JPEGs".
  if (parsed.header.type === "jpeg" && (parsed.header.colorSpace === "cmyk" || parsed.header.colorSpace === "ycck"))
    return { ok: false, refusal: { code: "photo_cmyk", colorSpace: parsed.header.colorSpace } };
  const { width, height } = parsed.header;
  // A small file can declare a huge image: refuse before decoding anything.
  if (width * height > MAX_DECODE_PIXELS)
    return { ok: false, refusal: { code: "photo_too_many_pixels", width, height } };

  const orientation = "orientation" in parsed.header ? (parsed.header.orientation as number) : 1;
  const pixels = await onePixelStageAtATime(
    async (): Promise<{ ok: true; checks: CheckResult[] } | { ok: false; refusal: UploadRefusal }> => {
      let decoded: Awaited<ReturnType<typeof decodeImage>>;
      try {
        decoded = await decodeImage(type, bytes);
      } catch (error) {
        if (error instanceof DecodeFailure)
          return { ok: false, refusal: { code: "photo_corrupt", detail: error.detail } };
        throw error;
      }
      if (decoded.width !== width || decoded.height !== height) {
        return { ok: false, refusal: { code: "photo_corrupt", detail: "decoded size differs from the header" } };
      }
      // Judge the photo as the person sees it: a portrait stored sideways with an
      // orientation tag is a portrait.
      const upright = applyOrientation(decoded, orientation);
      const faces = await findFaces(upright, options.detector);
      return { ok: true, checks: runPixelChecks(upright, { faces }) };
    },
  );
  if (!pixels.ok) return pixels;
  const size = orientedSize(width, height, orientation);
  const checks = [...runFileChecks({ byteLength: bytes.length, type, header: parsed }), ...pixels.checks];
  const stripped = stripMetadata(bytes);
  if (!stripped.ok) return { ok: false, refusal: { code: "photo_corrupt", detail: stripped.error.detail } };
  return {
    ok: true,
    format: type,
    width: size.width,
    height: size.height,
    checks,
    verdict: worstVerdict(checks.map((c) => c.verdict)),
    stored: stripped.bytes,
    removedMetadata: stripped.removed,
  };
}
