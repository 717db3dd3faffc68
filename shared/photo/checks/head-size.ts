// `head_size`: chin to crown must be 31–36 mm of the photo's 70 mm height (IRCC photo
// specification; ICAO 9303 part 3 measures head size the same way, chin to crown), i.e.
// 44.3–51.4% of the image height, whatever its pixel size. The chin is the face mesh's point 152;
// the crown is estimated from the hair line against the background, scanning up from the top of
// the forehead (face/crown.ts). A crown at the top edge means the head is cut off.
// The chin point and the crown scan together read heads 2.4% short: on the calibration split's
// portraits drawn at 46%, 48% and 50% chin to crown (decision 020) they read 44.9%, 46.9% and
// 48.8%, the same ratio (0.976) at every size and skin tone, so the measure is scaled by its inverse.

import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding, ImageLike } from "./types.ts";

export const MIN_HEAD_SHARE = 31 / 70;
export const MAX_HEAD_SHARE = 36 / 70;
/** Within this share of the height outside the range (≈ 2 mm of 70 mm) it is a warning: the
 *  crown is an estimate, and hair volume makes it uncertain by about that much. */
const HEAD_SHARE_TOLERANCE = 2 / 70;

/** Measured chin-to-crown times this is the head's height as a person measures it (decision 020). */
const MEASURED_TO_TRUE = 1 / 0.976;

/** The head's height, chin to crown, in the finding's pixels, as a person would measure it. */
export function headHeight(face: FaceFinding): number {
  return (face.chin.y - face.crown.y) * MEASURED_TO_TRUE;
}

const pct = (share: number) => round(share * 100, 1);
const THRESHOLD = `chin to crown ${pct(MIN_HEAD_SHARE)}–${pct(MAX_HEAD_SHARE)}% of the height (31–36 mm of 70 mm); warn within ${pct(HEAD_SHARE_TOLERANCE)} points outside`;

export function checkHeadSize(face: FaceFinding, image: ImageLike): CheckResult {
  const share = headHeight(face) / image.height;
  const value = round(share);
  const params = { percent: pct(share), mm: round(share * 70, 1) };
  if (face.crown.y <= 0) return result("head_size", "fail", value, THRESHOLD, "head_size.cut_off", params);
  if (share < MIN_HEAD_SHARE - HEAD_SHARE_TOLERANCE)
    return result("head_size", "fail", value, THRESHOLD, "head_size.too_small", params);
  if (share > MAX_HEAD_SHARE + HEAD_SHARE_TOLERANCE)
    return result("head_size", "fail", value, THRESHOLD, "head_size.too_large", params);
  if (share < MIN_HEAD_SHARE) return result("head_size", "warn", value, THRESHOLD, "head_size.small", params);
  if (share > MAX_HEAD_SHARE) return result("head_size", "warn", value, THRESHOLD, "head_size.large", params);
  return result("head_size", "pass", value, THRESHOLD, "head_size.pass", params);
}
