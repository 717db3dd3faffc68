// `too_dark`: exposure of the face, measured as OFIQ measures it (ISO/IEC 29794-5 "luminance
// mean" and "under-exposure prevention"): mean LINEAR luminance of the face region, and the share
// of face pixels in OFIQ's dark range (luminance image ≤ 25).
//
// Fairness: a dark skin tone has a low linear luminance even when perfectly lit (sRGB 60/40/30
// skin is Y ≈ 0.026), and the face region alone cannot tell dark skin from a dark photo. So a
// FAIL needs either a face that is practically black, or a dim face in a dim scene (the
// background of a correctly lit photo is bright; in an under-exposed photo it is dim too). A dim
// face in front of a bright background is only a WARNING, which the applicant can acknowledge
// and an officer then looks at.

import type { BackgroundStats, FaceStats } from "./measure.ts";
import { result, round } from "./result.ts";
import type { CheckResult } from "./types.ts";

/** Below this mean linear luminance (≈ sRGB grey 28) the face is practically black: fail. */
const FAIL_FACE_LUMINANCE = 0.012;
/** Below this (≈ sRGB grey 53) the face may be too dark: warn, or fail if the scene is dim too. */
const WARN_FACE_LUMINANCE = 0.035;
/** A background darker than this linear luminance (≈ sRGB grey 149) means the whole scene is dim. */
const DIM_SCENE_LUMINANCE = 0.3;
/** OFIQ's under-exposure sigmoid is centred on 92% of face pixels in the dark range; at that
 *  share in a dim scene, warn. */
const WARN_DARK_FRACTION = 0.92;

const THRESHOLD =
  `face mean linear luminance ≥ ${WARN_FACE_LUMINANCE} (fail < ${FAIL_FACE_LUMINANCE}, ` +
  `or < ${WARN_FACE_LUMINANCE} with background < ${DIM_SCENE_LUMINANCE}); ` +
  `OFIQ dark share < ${WARN_DARK_FRACTION} when background < ${DIM_SCENE_LUMINANCE}`;

export function checkTooDark(face: FaceStats, background: BackgroundStats): CheckResult {
  const value = round(face.meanLuminance);
  const dimScene = background.meanLuminance < DIM_SCENE_LUMINANCE;
  if (face.meanLuminance < FAIL_FACE_LUMINANCE || (face.meanLuminance < WARN_FACE_LUMINANCE && dimScene))
    return result("too_dark", "fail", value, THRESHOLD, "too_dark.fail");
  if (face.meanLuminance < WARN_FACE_LUMINANCE || (face.darkFraction >= WARN_DARK_FRACTION && dimScene))
    return result("too_dark", "warn", value, THRESHOLD, "too_dark.warn");
  return result("too_dark", "pass", value, THRESHOLD, "too_dark.pass");
}
