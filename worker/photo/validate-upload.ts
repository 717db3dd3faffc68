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
import type { FaceFinder } from "../../shared/photo/face/finder.ts";
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
  /** The face finder to use; by default the worker's (./face-mesh.ts, the face mesh's files
   *  bundled as Data modules). Tests pass one that throws, to see the failure handled. */
  detector?: FaceFinder;
}

/** The default finder, imported only when needed so that a caller passing its own never loads
 *  the worker's .bin module imports. */
async function workerFinder(): Promise<FaceFinder> {
  const { getFaceFinder } = await import("./face-mesh.ts");
  return getFaceFinder();
}

/** Faces on the upright pixels. A finder failure is logged and counts as "no face found"
 *  (face_not_visible fails with a message the person can act on), never a 500. */
async function findFaces(
  image: { width: number; height: number; data: Uint8ClampedArray },
  detector?: FaceFinder,
): Promise<FaceFinding[]> {
  try {
    return (detector ?? (await workerFinder())).detect(image);
  } catch (error) {
    console.error("face detection failed", error);
    return [];
  }
}

/**
 * Decoded pixels stay alive from decode to the end of the checks (22 MB for 2000×2800), and the
 * face mesh adds ~3.5 MB of intermediate arrays (decision 016): the whole pixel stage runs one photo at a time per
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
