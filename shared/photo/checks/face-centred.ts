// `face_centred`: the face must be centred (IRCC: "face and shoulders centred").
// Horizontal: ISO/IEC 19794-5 (full frontal image, geometric requirements, which ICAO 9303
// part 3 refers to) puts the face's vertical centre line — through the midpoints of the nose
// bridge and of the mouth — between 45% and 55% of the image width.
// Vertical: the same standard puts the eye line between 50% and 70% of the height from the
// bottom (30–50% from the top). IRCC's own rule is the head size, so the eye line only warns.
// The points are the face mesh's: 168 on the nose bridge between the eyes, and the mouth's
// centre as the midpoint of its corners 61 and 291 (face/mesh-points.ts).

import { MOUTH_CORNERS, NOSE_BRIDGE } from "../face/mesh-points.ts";
import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding, ImageLike } from "./types.ts";

/** Centre line within ±5% of the width from the middle: ISO/IEC 19794-5's 45–55%. */
const PASS_OFFSET = 0.05;
/** Beyond ±10% the face is plainly off to one side: fail. */
const FAIL_OFFSET = 0.1;
/** Eye line, as a share of the height from the top (ISO/IEC 19794-5: 30–50%). */
export const EYE_LINE_MIN = 0.3;
export const EYE_LINE_MAX = 0.5;

const THRESHOLD = `face centre line within ${PASS_OFFSET * 100}% of the width from the middle (fail beyond ${FAIL_OFFSET * 100}%); eye line ${EYE_LINE_MIN * 100}–${EYE_LINE_MAX * 100}% of the height from the top (warn)`;

/** The face's centre line x: the mean of the nose bridge's and the mouth's centres. */
export function faceCentreX(face: FaceFinding): number {
  const lm = face.landmarks;
  const mouth = (lm[MOUTH_CORNERS[0]]!.x + lm[MOUTH_CORNERS[1]]!.x) / 2;
  return (lm[NOSE_BRIDGE]!.x + mouth) / 2;
}

export function checkFaceCentred(face: FaceFinding, image: ImageLike): CheckResult {
  const offset = faceCentreX(face) / image.width - 0.5;
  const value = round(Math.abs(offset));
  const side = offset < 0 ? "left" : "right";
  const eyeLine = (face.leftEye.y + face.rightEye.y) / 2 / image.height;
  const params = { percent: round(Math.abs(offset) * 100, 1), eyes: round(eyeLine * 100, 1) };
  if (Math.abs(offset) > FAIL_OFFSET)
    return result("face_centred", "fail", value, THRESHOLD, `face_centred.${side}.fail`, params);
  if (Math.abs(offset) > PASS_OFFSET)
    return result("face_centred", "warn", value, THRESHOLD, `face_centred.${side}.warn`, params);
  if (eyeLine < EYE_LINE_MIN) return result("face_centred", "warn", value, THRESHOLD, "face_centred.eyes_high", params);
  if (eyeLine > EYE_LINE_MAX) return result("face_centred", "warn", value, THRESHOLD, "face_centred.eyes_low", params);
  return result("face_centred", "pass", value, THRESHOLD, "face_centred.pass", params);
}
