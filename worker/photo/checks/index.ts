// The photo checks, shared by the browser (instant feedback) and the worker (the authority).
// Pure TypeScript, no runtime-specific imports. Each check is in its own file with its
// thresholds as named constants; docs/decisions/005-photo-checks.md explains them.

import type { HeaderResult, ImageType, JpegHeader, PngHeader } from "../header.ts";
import { orientedSize } from "../header.ts";
import { checkBackground } from "./background.ts";
import { checkDimensions } from "./dimensions.ts";
import { checkFaceVisible } from "./face-not-visible.ts";
import { checkFileSize } from "./file-size.ts";
import { checkFormat } from "./format.ts";
import { checkGlare } from "./glare.ts";
import { measureBackground, measureFace } from "./measure.ts";
import { checkOverexposed } from "./overexposed.ts";
import { checkTooDark } from "./too-dark.ts";
import type { CheckContext, CheckResult, ImageLike } from "./types.ts";

export type { CheckContext, CheckId, CheckResult, FaceBox, ImageLike, Verdict } from "./types.ts";
export { worstVerdict } from "./types.ts";

/**
 * Checks on the decoded pixels: too_dark, overexposed, background_not_white, glare,
 * face_not_visible. `context.face` is a detector's face box when there is one; without it the
 * checks use the fallback face region (measure.ts FALLBACK_FACE).
 */
export function runPixelChecks(image: ImageLike, context: CheckContext = {}): CheckResult[] {
  if (image.width <= 0 || image.height <= 0 || image.data.length < image.width * image.height * 4)
    throw new RangeError("image data does not match its dimensions");
  const face = measureFace(image, context);
  const background = measureBackground(image);
  return [checkTooDark(face, background), checkOverexposed(face), checkBackground(background), checkGlare(face), checkFaceVisible(face)];
}

export interface FileFacts {
  byteLength: number;
  type: ImageType;
  header?: HeaderResult<JpegHeader | PngHeader>;
}

/** Checks on the file, before any decode: format, file_size and (when the header could be read)
 *  dimensions, as displayed, i.e. after EXIF orientation. */
export function runFileChecks({ byteLength, type, header }: FileFacts): CheckResult[] {
  const results = [checkFormat({ byteLength, type, ...(header ? { header } : {}) }), checkFileSize(byteLength)];
  if (header?.ok) {
    const h = header.header;
    results.push(checkDimensions(h.type === "jpeg" ? orientedSize(h.width, h.height, h.orientation) : h));
  }
  return results;
}
