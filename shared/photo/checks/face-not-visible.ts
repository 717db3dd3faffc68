// `face_not_visible`: facial features must be visible.
//
// 1. Exactly one face (when the detector ran, context.faces): none, or two people in the photo,
//    fails. The detector is the Tiny Face Detector (face/tiny-face-detector.ts), score ≥ 0.5.
// 2. The face region has detail: after OFIQ's "dynamic range" measure (ISO/IEC 29794-5), the
//    Shannon entropy of the face region's luminance histogram, in bits. A covered, blank,
//    blurred-to-nothing or fogged face has few grey levels and a low entropy.
//    Deviations from OFIQ, both for skin-tone fairness (issue 15 rule (a)): the luminance is
//    sRGB-encoded (perceptual), not OFIQ's linear one, whose dark end is so compressed that a
//    dark-skinned face falls into a handful of levels; and the histogram's bins are 1/32 of the
//    face's own median tone (measure.ts relativeEntropy), not fixed levels, so that a darker face,
//    whose every luminance difference is scaled down with its tone, gets the same histogram shape
//    and the same verdict as the same face lighter.
// Eyes, head size, centring and tilt are their own checks (eyes-visible.ts, head-size.ts,
// face-centred.ts, head-tilt.ts). The value is always the entropy; the message names the count.

import type { FaceStats } from "./measure.ts";
import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding } from "./types.ts";

/** Below 2 bits (≈ 4 equally used bins of 1/32 of the tone: a spread of ±6% around it) there is no
 *  face to see: fail. */
const FAIL_ENTROPY_BITS = 2;
/** Below 3 bits (≈ 8 bins, ±12%) the face shows little detail: warn. A real face, lit normally,
 *  measures 4–5 bits at every skin tone. */
const WARN_ENTROPY_BITS = 3;

const THRESHOLD = `exactly one face detected; entropy of the face-region luminance histogram in bins of 1/32 of its median ≥ ${WARN_ENTROPY_BITS} bits (fail < ${FAIL_ENTROPY_BITS})`;

export function checkFaceVisible(face: FaceStats, faces?: FaceFinding[]): CheckResult {
  const value = round(face.relativeEntropy, 3);
  if (faces && faces.length === 0)
    return result("face_not_visible", "fail", value, THRESHOLD, "face_not_visible.no_face");
  if (faces && faces.length > 1)
    return result("face_not_visible", "fail", value, THRESHOLD, "face_not_visible.several", { count: faces.length });
  if (face.samples === 0 || face.relativeEntropy < FAIL_ENTROPY_BITS)
    return result("face_not_visible", "fail", value, THRESHOLD, "face_not_visible.fail");
  if (face.relativeEntropy < WARN_ENTROPY_BITS)
    return result("face_not_visible", "warn", value, THRESHOLD, "face_not_visible.warn");
  return result(
    "face_not_visible",
    "pass",
    value,
    THRESHOLD,
    faces ? "face_not_visible.detected.pass" : "face_not_visible.pass",
  );
}
