// `overexposed`: share of face pixels in OFIQ's bright range (luminance image ≥ 247, i.e. linear
// luminance ≥ 0.97, every channel about 250 or more), after ISO/IEC 29794-5 "over-exposure
// prevention": clipping, the detail the photo has lost. Not the face's tone: a darker face in a
// bright photo keeps its detail and is not over-exposed; the lightest skin, correctly lit, already
// clips in places, so the limits leave room for it.

import type { FaceStats } from "./measure.ts";
import { result, round } from "./result.ts";
import type { CheckResult } from "./types.ts";

/** 45% of the face blown out: washed-out patches over much of the face. The calibration set's
 *  valid photos of the lightest skin (Monk 1–3, lit skin at the swatch's L* 93–95) have 31–39%
 *  of the face at or above 247, Monk 4 14%, darker tones none: the old limits (5%, 20%) refused
 *  every valid Monk 1–3 photo of it (decision 021). */
const WARN_BRIGHT_FRACTION = 0.45;
/** 60%: most of the face has no detail left (its over-exposed photos: 77–93% at Monk 1–5). */
const FAIL_BRIGHT_FRACTION = 0.6;

const THRESHOLD = `share of face pixels with OFIQ luminance ≥ 247: < ${WARN_BRIGHT_FRACTION} (fail ≥ ${FAIL_BRIGHT_FRACTION})`;

export function checkOverexposed(face: FaceStats): CheckResult {
  const value = round(face.brightFraction);
  if (face.brightFraction >= FAIL_BRIGHT_FRACTION)
    return result("overexposed", "fail", value, THRESHOLD, "overexposed.fail");
  if (face.brightFraction >= WARN_BRIGHT_FRACTION)
    return result("overexposed", "warn", value, THRESHOLD, "overexposed.warn");
  return result("overexposed", "pass", value, THRESHOLD, "overexposed.pass");
}
