// `head_tilt`: the head must be square to the camera, not tilted sideways. Measured as roll, the
// angle of the line through the two eye centres from the horizontal (OFIQ's head-pose roll
// component, ISO/IEC 29794-5, measures the same angle from a 3D fit). ISO/IEC 19794-5's full
// frontal image allows ±8° of roll; IRCC asks for the head "straight", so beyond 5° warns.
// Yaw and pitch (turned or nodding) are not measured.

import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding } from "./types.ts";

const WARN_ROLL_DEGREES = 5;
const FAIL_ROLL_DEGREES = 8;

const THRESHOLD = `eye line within ${WARN_ROLL_DEGREES}° of horizontal (fail beyond ${FAIL_ROLL_DEGREES}°)`;

/** Roll in degrees: positive when the eye on the image's right is lower. */
function rollDegrees(face: FaceFinding): number {
  return (Math.atan2(face.rightEye.y - face.leftEye.y, face.rightEye.x - face.leftEye.x) * 180) / Math.PI;
}

export function checkHeadTilt(face: FaceFinding): CheckResult {
  const roll = rollDegrees(face);
  const value = round(Math.abs(roll), 2);
  const params = { degrees: round(Math.abs(roll), 1) };
  if (Math.abs(roll) > FAIL_ROLL_DEGREES)
    return result("head_tilt", "fail", value, THRESHOLD, "head_tilt.fail", params);
  if (Math.abs(roll) > WARN_ROLL_DEGREES)
    return result("head_tilt", "warn", value, THRESHOLD, "head_tilt.warn", params);
  return result("head_tilt", "pass", value, THRESHOLD, "head_tilt.pass", params);
}
