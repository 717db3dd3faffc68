// `eyes_open`: both eyes must be open (IRCC; ICAO 9303 part 3 and ISO/IEC 19794-5 ask for open
// eyes but give no number). OFIQ measures "eyes openness" (ISO/IEC 29794-5, the BSI reference
// implementation OFIQlib/modules/measures/src/EyesOpen.cpp) as the eyelid landmarks' gap over the
// eyes-to-chin distance; on the 468-point mesh that gap does not follow a shut eye (the mesh read
// the calibration split's closed eyes at 0.053–0.069, its open ones at 0.097–0.115, and the test
// face's open eyes at 0.071–0.088: no threshold separates them; decision 020). So the check reads
// what shows between the lids instead (mesh-measures/eye-opening.ts): the spread of luminance along
// the rows of each eye's opening, where an open eye shows white, iris, white and a shut one its lid
// and the lash line along it; the eye that shows less counts. Thresholds chosen on the calibration split only
// (decision 020): docs/decisions/020-face-mesh-checks.md.

import { eyesOpeningSpread } from "../mesh-measures/eye-opening.ts";
import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding, ImageLike } from "./types.ts";

/** Below this spread (sRGB levels, 0–255, along the rows between the lids) the eye shows only its
 *  lid: closed, fail. The calibration split (set v4, Eileen Collins, Monk 1–10) reads its shut eyes
 *  at 2.8–8.6, its half-closed eyes (borderline: to warn, not to refuse) at 24.1–34.3 and its open
 *  eyes at 37.7–46.1; this is halfway between the shut eyes' highest and the half-closed eyes'
 *  lowest, (8.6 + 24.1) ÷ 2 ≈ 16.4, rounded down (decision 020, 6 December 16:55). */
export const FAIL_EYE_SPREAD = 16;
/** Below this the eye may be half shut (a blink, squinting): warn. One more variation of the
 *  measure between photos of one face at one tone above the fail threshold (12 %, as before):
 *  16 × 1.12 ≈ 17.9. The calibration face's half-closed eyes lie above it: the band a half-closed
 *  eye should fall in cannot be placed from one face (her open eyes are wide and bright-white). */
export const WARN_EYE_SPREAD = 18;

const THRESHOLD = `luminance spread along the rows between the lids of the eye that shows less ≥ ${WARN_EYE_SPREAD} (sRGB levels; fail < ${FAIL_EYE_SPREAD})`;

export function checkEyesOpen(face: FaceFinding, image: ImageLike): CheckResult {
  const spread = eyesOpeningSpread(image, face.landmarks).min;
  const value = round(spread, 1);
  // A degenerate mesh (no pixel between the lids) reads 0; NaN cannot arise, but fails too.
  if (!(spread >= FAIL_EYE_SPREAD)) return result("eyes_open", "fail", value || 0, THRESHOLD, "eyes_open.fail");
  if (spread < WARN_EYE_SPREAD) return result("eyes_open", "warn", value, THRESHOLD, "eyes_open.warn");
  return result("eyes_open", "pass", value, THRESHOLD, "eyes_open.pass");
}
