// Running the shared checks (shared/photo/checks) in the browser, on the crop's pixels at the
// size the upload will have, with the faces the shared face finder finds on those same pixels
// (both in the face worker, client/lib/face-worker.ts).

import {
  runFileChecks,
  runPixelChecks,
  type CheckResult,
  type FaceFinding,
} from "../../../shared/photo/checks/index.ts";
import type { PhotoCheck } from "../../lib/api.ts";
import type { Lang } from "../../i18n/index.ts";
import type { FaceDetector } from "../../lib/face-detector.ts";
import { readJpegHeader } from "./render.ts";

export type { CheckResult } from "../../../shared/photo/checks/index.ts";

/**
 * The faces on `pixels`, or undefined when no detector is available (it failed to load: the
 * checks then leave the face checks out rather than fail them). The pixels are handed over.
 */
export async function findFaces(detector: FaceDetector | null, pixels: ImageData): Promise<FaceFinding[] | undefined> {
  if (!detector) return undefined;
  try {
    return await detector.detect(pixels);
  } catch {
    return undefined;
  }
}

/** The pixel checks with the faces on `pixels`, in the face worker; without it (it could not be
 *  loaded, or failed), here and without the face checks. */
export async function checkPixels(detector: FaceDetector | null, pixels: ImageData): Promise<CheckResult[]> {
  if (detector) {
    // The worker takes the pixels; a copy is kept for the fallback.
    const copy = new ImageData(new Uint8ClampedArray(pixels.data), pixels.width, pixels.height);
    try {
      return await detector.check(pixels);
    } catch {
      return runPixelChecks(copy);
    }
  }
  return runPixelChecks(pixels);
}

/** The file checks (format, size, dimensions) on the encoded JPEG, as the server runs them first. */
export async function checkFile(blob: Blob): Promise<CheckResult[]> {
  return runFileChecks({ byteLength: blob.size, type: "jpeg", header: await readJpegHeader(blob) });
}

/** A check in the shape the results list shows (the server's shape), in the page's language. */
export function inLanguage(check: CheckResult, lang: Lang): PhotoCheck {
  return {
    id: check.id,
    verdict: check.verdict,
    value: check.value,
    threshold: check.threshold,
    message: check.message[lang],
    tip: check.tip[lang],
  };
}
