// `eyes_visible`: both eyes must be found and visible (not covered by hair, dark glasses or a
// reflection). Around each eye centre the face finder gives, a box EYE_HALF_WIDTH × EYE_HALF_HEIGHT
// of the distance between the eyes (whatever its landmark scheme) must lie inside the photo and
// show contrast: the standard deviation of its sRGB-encoded luminance, RELATIVE to the face's own
// contrast (the interquartile range of the face region's luminance, measure.ts). An open or closed
// eye has lids, lashes and (open) white and iris in that box, more contrast than the cheeks and
// forehead; dark glasses, a hand or a washed-out reflection make it flatter than the rest of the
// face.
// Relative, because skin tone scales every luminance difference of a face alike (issue 15 rule
// (a)): the same face at Monk 1 and Monk 10 gets the same ratio, where an absolute spread judged
// darker faces' eyes as flatter. Whether the eyes are open is a separate measure (face mesh).

import { luminanceAt, linearToSrgb8 } from "./srgb.ts";
import type { FaceStats } from "./measure.ts";
import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding, ImageLike, Point } from "./types.ts";

/** Below this ratio to the face's contrast the eye region is flat: the eye is covered. Dark
 *  glasses measure 0.03–0.16 at Monk 1–10; open eyes 0.69–0.89 (decision 021). */
const FAIL_EYE_CONTRAST = 0.3;
/** Below this the eye may be partly hidden (hair, frames, shadow). */
const WARN_EYE_CONTRAST = 0.45;
/** The box around each eye centre, as shares of the distance between the eyes: about the eye's
 *  own width (an eye is about half the distance between the eyes) and its lids. */
const EYE_HALF_WIDTH = 0.25;
const EYE_HALF_HEIGHT = 0.12;

const THRESHOLD = `both eyes inside the photo; luminance standard deviation around each eye ≥ ${WARN_EYE_CONTRAST} × the face's own (fail < ${FAIL_EYE_CONTRAST})`;

/** Standard deviation of perceptual luminance in the box around `eye`, or undefined if the box is
 *  not wholly inside the image. */
function eyeContrast(image: ImageLike, eye: Point, distance: number): number | undefined {
  const x0 = Math.floor(eye.x - distance * EYE_HALF_WIDTH);
  const x1 = Math.ceil(eye.x + distance * EYE_HALF_WIDTH);
  const y0 = Math.floor(eye.y - distance * EYE_HALF_HEIGHT);
  const y1 = Math.ceil(eye.y + distance * EYE_HALF_HEIGHT);
  if (x0 < 0 || y0 < 0 || x1 >= image.width || y1 >= image.height || x1 <= x0 || y1 <= y0) return undefined;
  let n = 0;
  let sum = 0;
  let sum2 = 0;
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const l = linearToSrgb8(luminanceAt(image.data, (y * image.width + x) * 4));
      n++;
      sum += l;
      sum2 += l * l;
    }
  }
  const m = sum / n;
  return Math.sqrt(Math.max(0, sum2 / n - m * m));
}

export function checkEyesVisible(face: FaceFinding, image: ImageLike, stats: FaceStats): CheckResult {
  const distance = Math.sqrt((face.rightEye.x - face.leftEye.x) ** 2 + (face.rightEye.y - face.leftEye.y) ** 2);
  const left = distance > 0 ? eyeContrast(image, face.leftEye, distance) : undefined;
  const right = distance > 0 ? eyeContrast(image, face.rightEye, distance) : undefined;
  if (left === undefined || right === undefined)
    return result("eyes_visible", "fail", 0, THRESHOLD, "eyes_visible.not_found");
  // A face with no contrast at all is face_not_visible's to report; 1 keeps the ratio finite.
  const ratio = Math.min(left, right) / Math.max(1, stats.contrast);
  const value = round(ratio, 3);
  if (ratio < FAIL_EYE_CONTRAST) return result("eyes_visible", "fail", value, THRESHOLD, "eyes_visible.fail");
  if (ratio < WARN_EYE_CONTRAST) return result("eyes_visible", "warn", value, THRESHOLD, "eyes_visible.warn");
  return result("eyes_visible", "pass", value, THRESHOLD, "eyes_visible.pass");
}
