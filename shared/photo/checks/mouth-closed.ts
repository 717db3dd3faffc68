// `mouth_closed`: a neutral expression with the mouth closed (IRCC: "neutral expression, mouth
// closed, no smile"; ICAO 9303 part 3 and ISO/IEC 19794-5 say the same and give no number). Two
// measures, the worse verdict counts:
// - the inner-lip gap, as OFIQ measures "mouth closed" (ISO/IEC 29794-5, the BSI reference
//   implementation OFIQlib/modules/measures/src/MouthClosed.cpp): the largest distance between
//   paired upper and lower inner-lip points over T, the eyes-to-chin distance
//   (mesh-measures/openness.ts): an open mouth;
// - what shows between the inner lips (mesh-measures/mouth-opening.ts): the luminance spread there,
//   large when teeth show. The plain mesh did not always see lips part in a smile showing the teeth
//   (decision 020), which the gap alone then passed; the attention mesh's refined lips do.
// A closed-lip smile is caught by neither (OFIQ's expression neutrality is a learned model, which
// this is not). Thresholds chosen on the calibration split only: docs/decisions/020-face-mesh-checks.md and
// 029-attention-mesh.md.

import { mouthOpeningSpread } from "../mesh-measures/mouth-opening.ts";
import { mouthOpenness } from "../mesh-measures/openness.ts";
import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding, ImageLike } from "./types.ts";

/** Above this inner-lip gap (share of T) the mouth is open or the teeth show: fail. Chosen on the
 *  calibration split of set v6, measured with the attention mesh's refined lips (decision 029): its
 *  closed mouths read 0.003–0.005 (the refined inner lips meet, where the plain mesh's read
 *  0.020–0.040), its open mouths 0.058–0.115 and its smiles with teeth 0.094–0.102; this is the
 *  open mouths' lowest less two measurement noises (2 × 0.0067, decision 016), rounded:
 *  0.0446 → 0.045. */
const FAIL_MOUTH_GAP = 0.045;
/** Above this the lips may be parted: warn. The calibration split's closed mouths' highest (0.005)
 *  plus one measurement noise (0.0067), rounded: no valid photo of that split warns. */
const WARN_MOUTH_GAP = 0.012;
/** Above this spread between the lips (sRGB levels) the teeth show: fail. Chosen on set v5 with the
 *  plain mesh, whose inner lips stayed apart on closed mouths: those read 6.0–23.8 at Monk 1–10, and
 *  this is their highest plus the measure's variation between photos of one face at one tone (6 %,
 *  25.2), rounded down. With the refined lips a closed mouth leaves almost no pixel between them
 *  (0–1 on set v6) and the gap alone fails every smile with teeth of both splits; the spread stays
 *  as the second guard, at the line chosen when it was needed, not moved closer to 0. */
const FAIL_LIP_SPREAD = 25;

const THRESHOLD = `inner-lip gap ≤ ${WARN_MOUTH_GAP} of the eyes-to-chin distance (OFIQ mouth closed; fail > ${FAIL_MOUTH_GAP}); luminance spread between the lips ≤ ${FAIL_LIP_SPREAD} (sRGB levels; teeth showing: fail)`;

export function checkMouthClosed(face: FaceFinding, image: ImageLike): CheckResult {
  const gap = mouthOpenness(face.landmarks).gap;
  // A degenerate mesh (eyes on the chin: T = 0) gives NaN, which no comparison below would catch.
  if (!Number.isFinite(gap)) return result("mouth_closed", "fail", 0, THRESHOLD, "mouth_closed.fail");
  if (gap > FAIL_MOUTH_GAP) return result("mouth_closed", "fail", round(gap), THRESHOLD, "mouth_closed.fail");
  const spread = mouthOpeningSpread(image, face.landmarks);
  if (spread > FAIL_LIP_SPREAD) return result("mouth_closed", "fail", round(spread, 1), THRESHOLD, "mouth_closed.fail");
  if (gap > WARN_MOUTH_GAP) return result("mouth_closed", "warn", round(gap), THRESHOLD, "mouth_closed.warn");
  return result("mouth_closed", "pass", round(gap), THRESHOLD, "mouth_closed.pass");
}
