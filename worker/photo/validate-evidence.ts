import { parseJpegHeader, parsePngHeader, sniffImageType } from "../../shared/photo/header.ts";
import { stripMetadata } from "./strip-metadata.ts";

/*
 * A photo of a supporting document sent with an e-CoPR correction (decision 027): the photo
 * upload's gate without the photo checks. The magic bytes decide the type (JPEG or PNG only; HEIC,
 * AVIF and HEIF get their own advice, a PDF or anything else is refused), the header is parsed and
 * bounded before anything else, and the metadata (camera, date, GPS) is stripped as for photos, the
 * pixels untouched. Nothing decodes the image in the worker: an officer's browser shows it.
 */

/**
 * A phone's camera makes 12 to 48 MP photos; a document does not need more. The bound keeps an
 * officer's browser from being handed a small file that declares a huge image.
 */
export const MAX_EVIDENCE_PIXELS = 50_000_000;

export type EvidenceRefusal =
  | { code: "empty" }
  | { code: "heic" | "avif" | "heif" }
  | { code: "type"; detected: string }
  | { code: "corrupt"; detail: string }
  | { code: "too_many_pixels"; width: number; height: number };

export type EvidenceValidation =
  | { ok: false; refusal: EvidenceRefusal }
  | { ok: true; format: "jpeg" | "png"; stored: Uint8Array; removedMetadata: string[] };

export function validateEvidence(bytes: Uint8Array): EvidenceValidation {
  if (bytes.length === 0) return { ok: false, refusal: { code: "empty" } };
  const type = sniffImageType(bytes);
  if (type === "heic" || type === "avif" || type === "heif") return { ok: false, refusal: { code: type } };
  if (type !== "jpeg" && type !== "png") return { ok: false, refusal: { code: "type", detected: type } };
  const parsed = type === "jpeg" ? parseJpegHeader(bytes) : parsePngHeader(bytes);
  if (!parsed.ok)
    return { ok: false, refusal: { code: "corrupt", detail: `${parsed.error.code}: ${parsed.error.detail}` } };
  const { width, height } = parsed.header;
  if (width * height > MAX_EVIDENCE_PIXELS) return { ok: false, refusal: { code: "too_many_pixels", width, height } };
  const stripped = stripMetadata(bytes);
  if (!stripped.ok) return { ok: false, refusal: { code: "corrupt", detail: stripped.error.detail } };
  return { ok: true, format: type, stored: stripped.bytes, removedMetadata: stripped.removed };
}
