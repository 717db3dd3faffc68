// `glare`: specular highlights on the face or glasses. A glare pixel is near saturation in every
// channel and nearly neutral (a reflection takes the colour of the light, not of the skin);
// only pixels with at least 3 of 4 neighbours glare too are counted, so sensor noise and the
// tiny catch-lights in the eyes do not add up. Not an OFIQ measure (OFIQ has none for glare);
// it complements over-exposure, which looks at large washed-out areas.

import type { FaceStats } from "./measure.ts";
import { result, round } from "./result.ts";
import type { CheckResult } from "./types.ts";

/** 0.2% of the face region (~17×17 px at 900×1260): a visible shiny spot. */
const WARN_GLARE_FRACTION = 0.002;
/** 1%: patches large enough to hide an eye or part of the skin. */
const FAIL_GLARE_FRACTION = 0.01;

const THRESHOLD = `share of face pixels in clustered near-white glare: < ${WARN_GLARE_FRACTION} (fail ≥ ${FAIL_GLARE_FRACTION})`;

export function checkGlare(face: FaceStats): CheckResult {
  const value = round(face.glareFraction);
  if (face.glareFraction >= FAIL_GLARE_FRACTION) return result("glare", "fail", value, THRESHOLD, "glare.fail");
  if (face.glareFraction >= WARN_GLARE_FRACTION) return result("glare", "warn", value, THRESHOLD, "glare.warn");
  return result("glare", "pass", value, THRESHOLD, "glare.pass");
}
