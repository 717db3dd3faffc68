// `eyes_open`: both eyes must be open (IRCC; ICAO 9303 part 3 and ISO/IEC 19794-5 ask for open
// eyes but give no number). OFIQ measures "eyes openness" (ISO/IEC 29794-5, the BSI reference
// implementation OFIQlib/modules/measures/src/EyesOpen.cpp) as the eyelid landmarks' gap over the
// eyes-to-chin distance; on the 468-point mesh that gap does not follow a shut eye (the mesh read
// the calibration split's closed eyes at 0.053–0.069, its open ones at 0.097–0.115, and the test
// face's open eyes at 0.071–0.088: no threshold separates them; decision 020). So the check reads
// what shows between the lids instead (mesh-measures/eye-opening.ts): the spread of luminance in
// the middle of each eye's opening, where an open eye shows its white and its iris and a shut one
// its lid; the eye that shows less counts. Thresholds chosen on the calibration split only
// (decision 020): docs/decisions/020-face-mesh-checks.md.

import { eyesOpeningSpread } from "../mesh-measures/eye-opening.ts";
import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding, ImageLike } from "./types.ts";

/** Below this spread (sRGB levels, 0–255) the eye shows only its lid: closed, fail. The
 *  calibration split's shut eyes read 3.1–11.0 at Monk 1–10, its open eyes 46.0–55.0; this is the
 *  shut eyes' highest plus the measure's own variation between photos of one face at one tone
 *  (up to 5.6 on 46–55, 12 %): 11.0 × 1.12 ≈ 12.3, rounded up. */
export const FAIL_EYE_SPREAD = 13;
/** Below this the eye may be half shut (a blink, squinting): warn. One more such variation. */
export const WARN_EYE_SPREAD = 15;

const THRESHOLD = `luminance spread between the lids of the eye that shows less ≥ ${WARN_EYE_SPREAD} (sRGB levels; fail < ${FAIL_EYE_SPREAD})`;

export function checkEyesOpen(face: FaceFinding, image: ImageLike): CheckResult {
  const spread = eyesOpeningSpread(image, face.landmarks).min;
  const value = round(spread, 1);
  // A degenerate mesh (no pixel between the lids) reads 0; NaN cannot arise, but fails too.
  if (!(spread >= FAIL_EYE_SPREAD)) return result("eyes_open", "fail", value || 0, THRESHOLD, "eyes_open.fail");
  if (spread < WARN_EYE_SPREAD) return result("eyes_open", "warn", value, THRESHOLD, "eyes_open.warn");
  return result("eyes_open", "pass", value, THRESHOLD, "eyes_open.pass");
}
