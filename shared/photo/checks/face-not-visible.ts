// `face_not_visible`: facial features must be visible.
//
// 1. Exactly one face (when the detector ran, context.faces): none, or two people in the photo,
//    fails. The detector is the Tiny Face Detector (face/tiny-face-detector.ts), score ≥ 0.5.
// 2. The face region has detail: OFIQ's "dynamic range" measure (ISO/IEC 29794-5), the Shannon
//    entropy of the luminance histogram of the face region (the detector's box when there is
//    one), in bits (0–8). A covered, blank, blurred-to-nothing or fogged face has few grey levels
//    and a low entropy; a real face, lit normally, has 5–7 bits.
//    Deviation from OFIQ: the histogram is of sRGB-encoded (perceptual) luminance, not OFIQ's
//    linear luminance image, whose dark end is so compressed that a dark-skinned face would fall
//    into a handful of levels and be flagged for its skin tone.
// Eyes, head size, centring and tilt are their own checks (eyes-visible.ts, head-size.ts,
// face-centred.ts, head-tilt.ts). The value is always the entropy; the message names the count.

import type { FaceStats } from "./measure.ts";
import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding } from "./types.ts";

/** Below 3 bits (≈ 8 equally used grey levels) there is no face to see: fail. */
const FAIL_ENTROPY_BITS = 3;
/** Below 4 bits (≈ 16 equally used levels) the face shows little detail: warn. (A synthetic,
 *  evenly lit dark-skinned face measures ≈ 4.7 bits; real skin has more texture.) */
const WARN_ENTROPY_BITS = 4;

const THRESHOLD = `exactly one face detected; entropy of the face-region luminance histogram ≥ ${WARN_ENTROPY_BITS} bits (fail < ${FAIL_ENTROPY_BITS})`;

export function checkFaceVisible(face: FaceStats, faces?: FaceFinding[]): CheckResult {
  const value = round(face.entropy, 3);
  if (faces && faces.length === 0)
    return result("face_not_visible", "fail", value, THRESHOLD, "face_not_visible.no_face");
  if (faces && faces.length > 1)
    return result("face_not_visible", "fail", value, THRESHOLD, "face_not_visible.several", { count: faces.length });
  if (face.samples === 0 || face.entropy < FAIL_ENTROPY_BITS)
    return result("face_not_visible", "fail", value, THRESHOLD, "face_not_visible.fail");
  if (face.entropy < WARN_ENTROPY_BITS)
    return result("face_not_visible", "warn", value, THRESHOLD, "face_not_visible.warn");
  return result(
    "face_not_visible",
    "pass",
    value,
    THRESHOLD,
    faces ? "face_not_visible.detected.pass" : "face_not_visible.pass",
  );
}
