// `glare`: specular highlights on the face or glasses, RELATIVE to the face's own tone and in
// compact blobs (glare-blobs.ts): near-white, nearly neutral pixels well above the face's median
// tone, grouped into blobs, counting only blobs large and compact enough to be a flash hotspot or
// a reflection on a lens. Bright skin is not glare, and neither is the natural sheen of skin under
// a flash (scattered small highlights), which refused darker-toned faces before (issue 15). Not
// an OFIQ measure (OFIQ has none for glare); it complements over-exposure, which looks at large
// washed-out areas.

import type { FaceStats } from "./measure.ts";
import { result, round } from "./result.ts";
import type { CheckResult } from "./types.ts";

/** 0.2% of the face region (~17×17 px at 900×1260): a visible shiny spot. */
const WARN_GLARE_FRACTION = 0.002;
/** 0.5%: a flash hotspot or a lens reflection. The calibration split's flash hotspots measure
 *  0.0069–0.022 of the face at Monk 1–10; its valid photos and the sheen fixtures measure 0
 *  (decision 021). It was 1%, which let the hotspots on darker faces through as warnings. */
const FAIL_GLARE_FRACTION = 0.005;

const THRESHOLD = `share of face pixels in compact near-white blobs above the face's tone: < ${WARN_GLARE_FRACTION} (fail ≥ ${FAIL_GLARE_FRACTION})`;

export function checkGlare(face: FaceStats): CheckResult {
  const value = round(face.glareFraction);
  if (face.glareFraction >= FAIL_GLARE_FRACTION) return result("glare", "fail", value, THRESHOLD, "glare.fail");
  if (face.glareFraction >= WARN_GLARE_FRACTION) return result("glare", "warn", value, THRESHOLD, "glare.warn");
  return result("glare", "pass", value, THRESHOLD, "glare.pass");
}
