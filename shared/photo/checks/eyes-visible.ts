// `eyes_visible`: both eyes must be found and visible (not covered by hair, dark glasses or a
// reflection). For each eye, the box around its six landmarks (68-point model, 36–41 and 42–47),
// widened by EYE_MARGIN of the eye's width on every side, must lie inside the photo and show
// contrast: the standard deviation of its sRGB-encoded luminance (0–255). An open or closed eye
// has lids, lashes, brows and (open) white and iris in that box; dark glasses, a hand or a
// washed-out reflection make it nearly flat.
// Eyes open is NOT measured: the landmark model's eyelid points do not separate open from closed
// eyes reliably enough to refuse a photo on them (the eye aspect ratio of Soukupová and Čech
// needs sharper lids than this model gives), so an officer still looks at that.

import { SRGB_TO_LINEAR, linearToSrgb8 } from "./measure.ts";
import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding, ImageLike, Point } from "./types.ts";

/** Below this luminance spread the eye region is flat: the eye is covered. */
const FAIL_EYE_CONTRAST = 10;
/** Below this the eye may be partly hidden (hair, frames, shadow). */
const WARN_EYE_CONTRAST = 18;
/** Margin around the eye's landmarks, as a share of the eye's width. */
const EYE_MARGIN = 0;

const THRESHOLD = `both eyes inside the photo; luminance standard deviation around each eye ≥ ${WARN_EYE_CONTRAST} (fail < ${FAIL_EYE_CONTRAST}); eyes open not measured`;

/** Standard deviation of perceptual luminance in the eye's box, or undefined if the box is not
 *  wholly inside the image. */
function eyeContrast(image: ImageLike, eye: Point[]): number | undefined {
  const xs = eye.map((p) => p.x);
  const ys = eye.map((p) => p.y);
  const margin = (Math.max(...xs) - Math.min(...xs)) * EYE_MARGIN;
  const x0 = Math.floor(Math.min(...xs) - margin);
  const x1 = Math.ceil(Math.max(...xs) + margin);
  const y0 = Math.floor(Math.min(...ys) - margin);
  const y1 = Math.ceil(Math.max(...ys) + margin);
  if (x0 < 0 || y0 < 0 || x1 >= image.width || y1 >= image.height || x1 <= x0 || y1 <= y0) return undefined;
  let n = 0;
  let sum = 0;
  let sum2 = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const i = (y * image.width + x) * 4;
      const d = image.data;
      const l = linearToSrgb8(
        0.2126 * SRGB_TO_LINEAR[d[i]!]! + 0.7152 * SRGB_TO_LINEAR[d[i + 1]!]! + 0.0722 * SRGB_TO_LINEAR[d[i + 2]!]!,
      );
      n++;
      sum += l;
      sum2 += l * l;
    }
  }
  const m = sum / n;
  return Math.sqrt(Math.max(0, sum2 / n - m * m));
}

export function checkEyesVisible(face: FaceFinding, image: ImageLike): CheckResult {
  const lm = face.landmarks;
  if (lm?.length !== 68) return result("eyes_visible", "fail", 0, THRESHOLD, "eyes_visible.not_found");
  const left = eyeContrast(image, lm.slice(36, 42));
  const right = eyeContrast(image, lm.slice(42, 48));
  if (left === undefined || right === undefined)
    return result("eyes_visible", "fail", 0, THRESHOLD, "eyes_visible.not_found");
  const contrast = Math.min(left, right);
  const value = round(contrast, 2);
  if (contrast < FAIL_EYE_CONTRAST) return result("eyes_visible", "fail", value, THRESHOLD, "eyes_visible.fail");
  if (contrast < WARN_EYE_CONTRAST) return result("eyes_visible", "warn", value, THRESHOLD, "eyes_visible.warn");
  return result("eyes_visible", "pass", value, THRESHOLD, "eyes_visible.pass");
}
