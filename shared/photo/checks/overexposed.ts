// `overexposed`: share of face pixels in OFIQ's bright range (luminance image ≥ 247, i.e. linear
// luminance ≥ 0.97, every channel about 250 or more), after ISO/IEC 29794-5 "over-exposure
// prevention": clipping, the detail the photo has lost. Not the face's tone: a darker face in a
// bright photo keeps its detail and is not over-exposed; the lightest skin, correctly lit, already
// clips in places, so the limits leave room for it.

import type { FaceStats } from "./measure.ts";
import { result, round } from "./result.ts";
import type { CheckResult } from "./types.ts";

/** 25% of the face blown out: washed-out patches over a large part of the face. The calibration
 *  split's valid photos measure 0–0.1% at every tone (decision 021). (The first calibration set
 *  clipped MST 1–3 foreheads and noses to white, 31–39% of the face, a fault of its recolouring,
 *  not of the skin: limits of 45% and 60% were chosen on it and are gone with it.) */
const WARN_BRIGHT_FRACTION = 0.25;
/** 50%: half the face or more has no detail left (the calibration split's over-exposed photos,
 *  the face washed out at every tone: 74–91%). */
const FAIL_BRIGHT_FRACTION = 0.5;

const THRESHOLD = `share of face pixels with OFIQ luminance ≥ 247: < ${WARN_BRIGHT_FRACTION} (fail ≥ ${FAIL_BRIGHT_FRACTION})`;

export function checkOverexposed(face: FaceStats): CheckResult {
  const value = round(face.brightFraction);
  if (face.brightFraction >= FAIL_BRIGHT_FRACTION)
    return result("overexposed", "fail", value, THRESHOLD, "overexposed.fail");
  if (face.brightFraction >= WARN_BRIGHT_FRACTION)
    return result("overexposed", "warn", value, THRESHOLD, "overexposed.warn");
  return result("overexposed", "pass", value, THRESHOLD, "overexposed.pass");
}
