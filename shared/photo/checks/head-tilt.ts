// `head_tilt`: the head must be square to the camera, not tilted sideways. Measured as roll: the
// roll of MediaPipe's canonical face fitted to the 468-point mesh (face/finder.ts,
// mesh-measures/head-pose.ts; OFIQ's head-pose roll, ISO/IEC 29794-5, is the same angle from a 3D
// fit). ISO/IEC 19794-5's full frontal image allows ±8° of roll; IRCC asks for the head
// "straight", so beyond 5° warns. The estimate follows a real turn of the photo within 0.5°
// (decision 016), well inside the 3° warning band. Yaw and pitch are head_pose's (head-pose.ts).

import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding } from "./types.ts";

const WARN_ROLL_DEGREES = 5;
const FAIL_ROLL_DEGREES = 8;

const THRESHOLD = `head roll within ${WARN_ROLL_DEGREES}° of level (fail beyond ${FAIL_ROLL_DEGREES}°)`;

export function checkHeadTilt(face: FaceFinding): CheckResult {
  const roll = Math.abs(face.roll);
  const value = round(roll, 2);
  const params = { degrees: round(roll, 1) };
  if (roll > FAIL_ROLL_DEGREES) return result("head_tilt", "fail", value, THRESHOLD, "head_tilt.fail", params);
  if (roll > WARN_ROLL_DEGREES) return result("head_tilt", "warn", value, THRESHOLD, "head_tilt.warn", params);
  return result("head_tilt", "pass", value, THRESHOLD, "head_tilt.pass", params);
}
