// `overexposed`: share of face pixels in OFIQ's bright range (luminance image ≥ 247, i.e. linear
// luminance ≥ 0.97), after ISO/IEC 29794-5 "over-exposure prevention". Skin is never that bright
// when correctly exposed, whatever its tone; washed-out skin (flash, sunlight) is.

import type { FaceStats } from "./measure.ts";
import { result, round } from "./result.ts";
import type { CheckResult } from "./types.ts";

/** 5% of the face blown out: visible washed-out patches (a forehead under flash). */
const WARN_BRIGHT_FRACTION = 0.05;
/** 20%: a large part of the face has no detail left. */
const FAIL_BRIGHT_FRACTION = 0.2;

const THRESHOLD = `share of face pixels with OFIQ luminance ≥ 247: < ${WARN_BRIGHT_FRACTION} (fail ≥ ${FAIL_BRIGHT_FRACTION})`;

export function checkOverexposed(face: FaceStats): CheckResult {
  const value = round(face.brightFraction);
  if (face.brightFraction >= FAIL_BRIGHT_FRACTION)
    return result("overexposed", "fail", value, THRESHOLD, "overexposed.fail");
  if (face.brightFraction >= WARN_BRIGHT_FRACTION)
    return result("overexposed", "warn", value, THRESHOLD, "overexposed.warn");
  return result("overexposed", "pass", value, THRESHOLD, "overexposed.pass");
}
