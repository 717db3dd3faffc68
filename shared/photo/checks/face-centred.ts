// `face_centred`: the face must be centred (IRCC: "face and shoulders centred").
// Horizontal: ISO/IEC 19794-5 (full frontal image, geometric requirements, which ICAO 9303
// part 3 refers to) puts the face's vertical centre line — through the midpoints of the nose
// bridge and of the mouth — between 45% and 55% of the image width. Landmarks 27 (nose bridge)
// and 48–67 (mouth) give those points.
// Vertical: the same standard puts the eye line between 50% and 70% of the height from the
// bottom (30–50% from the top). IRCC's own rule is the head size, so the eye line only warns.

import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding, ImageLike, Point } from "./types.ts";

/** Centre line within ±5% of the width from the middle: ISO/IEC 19794-5's 45–55%. */
const PASS_OFFSET = 0.05;
/** Beyond ±10% the face is plainly off to one side: fail. */
const FAIL_OFFSET = 0.1;
/** Eye line, as a share of the height from the top (ISO/IEC 19794-5: 30–50%). */
export const EYE_LINE_MIN = 0.3;
export const EYE_LINE_MAX = 0.5;

const THRESHOLD = `face centre line within ${PASS_OFFSET * 100}% of the width from the middle (fail beyond ${FAIL_OFFSET * 100}%); eye line ${EYE_LINE_MIN * 100}–${EYE_LINE_MAX * 100}% of the height from the top (warn)`;

const mean = (points: Point[]): Point => ({
  x: points.reduce((s, p) => s + p.x, 0) / points.length,
  y: points.reduce((s, p) => s + p.y, 0) / points.length,
});

/** The face's centre line x: nose bridge and mouth midpoints, or eyes and chin without landmarks. */
export function faceCentreX(face: FaceFinding): number {
  const lm = face.landmarks;
  if (lm && lm.length === 68) return (lm[27]!.x + mean(lm.slice(48, 68)).x) / 2;
  return ((face.leftEye.x + face.rightEye.x) / 2 + face.chin.x) / 2;
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
