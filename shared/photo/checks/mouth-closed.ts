// `mouth_closed`: a neutral expression with the mouth closed (IRCC: "neutral expression, mouth
// closed, no smile"; ICAO 9303 part 3 and ISO/IEC 19794-5 say the same and give no number).
// Measured as OFIQ measures "mouth closed" (ISO/IEC 29794-5, the BSI reference implementation
// OFIQlib/modules/measures/src/MouthClosed.cpp): the largest distance between paired upper and
// lower inner-lip points, divided by T, the eyes-to-chin distance (mesh-measures/openness.ts, on
// the face mesh's points). A smile showing teeth parts the inner lips as an open mouth does, so
// both are caught; a closed-lip smile is not (OFIQ's expression neutrality is a learned model,
// which this is not). Thresholds and their measurements: docs/decisions/020-face-mesh-checks.md.

import { mouthOpenness } from "../mesh-measures/openness.ts";
import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding } from "./types.ts";

/** Above this inner-lip gap (share of T) the mouth is open or the teeth show: fail. Chosen on the
 *  calibration split (decision 020): its closed mouths read 0.045–0.062 (a real closed mouth,
 *  Grace Hopper's, 0.011), its open mouths 0.078–0.080 and its smiles with teeth 0.097–0.102. */
const FAIL_MOUTH_GAP = 0.07;
/** Above this the lips may be parted: warn. One measurement noise (0.0067, decision 016) below
 *  the fail threshold, above every closed mouth of the calibration split. */
const WARN_MOUTH_GAP = 0.063;

const THRESHOLD = `inner-lip gap ≤ ${WARN_MOUTH_GAP} of the eyes-to-chin distance (OFIQ mouth closed; fail > ${FAIL_MOUTH_GAP})`;

export function checkMouthClosed(face: FaceFinding): CheckResult {
  const gap = mouthOpenness(face.landmarks).gap;
  const value = round(gap);
  // A degenerate mesh (eyes on the chin: T = 0) gives NaN, which no comparison below would catch.
  if (!Number.isFinite(gap)) return result("mouth_closed", "fail", 0, THRESHOLD, "mouth_closed.fail");
  if (gap > FAIL_MOUTH_GAP) return result("mouth_closed", "fail", value, THRESHOLD, "mouth_closed.fail");
  if (gap > WARN_MOUTH_GAP) return result("mouth_closed", "warn", value, THRESHOLD, "mouth_closed.warn");
  return result("mouth_closed", "pass", value, THRESHOLD, "mouth_closed.pass");
}
