// `eyes_open`: both eyes must be open (IRCC; ICAO 9303 part 3 and ISO/IEC 19794-5 ask for open
// eyes but give no number). Measured as OFIQ measures "eyes openness" (ISO/IEC 29794-5; BSI's
// reference implementation OFIQlib/modules/measures/src/EyesOpen.cpp): per eye, the largest gap
// between three paired upper and lower lid points, the less open eye counting; divided here by the
// eye's own width rather than OFIQ's eyes-to-chin distance (mesh-measures/openness.ts `eyesOpenness(…).byWidth`,
// decision 029). The lids are the attention mesh's refined ones (face-mesh/refinement.ts), which
// follow a lid as it closes: the plain 468-point mesh's did not, so this check used to read the
// pixels between the lids instead, and that depended on the skin's tone (decision 020). A gap
// between landmarks does not: the same eye reads the same at every tone, up to the mesh's error.
// Thresholds chosen on the calibration split only: docs/decisions/029-attention-mesh.md.

import { eyesOpenness } from "../mesh-measures/openness.ts";
import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding } from "./types.ts";

/** Below this (lid gap over eye width) the eye is closed: fail. The calibration split (set v6,
 *  Eileen Collins, Monk 1–10) reads its shut eyes at 0.048–0.154 and its half-closed ones (upper
 *  lid to about the pupil: borderline, to warn) at 0.235–0.298, its open ones at 0.332–0.380;
 *  halfway between the shut eyes' highest and the half-closed ones' lowest: 0.1945 → 0.19. */
export const FAIL_EYE_ASPECT = 0.19;
/** Below this the eye may be half shut (a blink, squinting): warn. The fail threshold plus the
 *  measure's own variation between photos of one face at one tone (12 %, as for the other mesh
 *  checks: 0.19 × 1.12 = 0.213 → 0.21), so an open eye near the line is warned about, not refused. Eyes narrow by nature read
 *  lower than wide ones; the band is kept narrow so that they are not flagged (decision 029). */
export const WARN_EYE_ASPECT = 0.21;

const THRESHOLD = `eyelid gap over eye width of the less open eye ≥ ${WARN_EYE_ASPECT} (fail < ${FAIL_EYE_ASPECT})`;

export function checkEyesOpen(face: FaceFinding): CheckResult {
  const aspect = eyesOpenness(face.landmarks).byWidth.min;
  const value = round(aspect, 3);
  // A degenerate mesh (both corners on one point) reads NaN or Infinity: it fails.
  if (!(aspect >= FAIL_EYE_ASPECT) || !Number.isFinite(aspect))
    return result("eyes_open", "fail", Number.isFinite(value) ? value : 0, THRESHOLD, "eyes_open.fail");
  if (aspect < WARN_EYE_ASPECT) return result("eyes_open", "warn", value, THRESHOLD, "eyes_open.warn");
  return result("eyes_open", "pass", value, THRESHOLD, "eyes_open.pass");
}
