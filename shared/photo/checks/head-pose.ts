// `head_pose`: the head must face the camera: not turned to one side (yaw) nor nodding up or down
// (pitch). Roll, the sideways tilt, is head_tilt's (head-tilt.ts). ICAO 9303 part 3 and ISO/IEC
// 19794-5 (full frontal image) allow about ±5° of yaw and pitch. The angles are those of
// MediaPipe's canonical face fitted to the 468-point mesh (mesh-measures/head-pose.ts). So: within
// 5° passes; between 5° and 5° plus the estimator's measured error warns (the head may be turned a
// little, or the estimate may be off); beyond fails, since a head turned 5° at most cannot read
// that far. The error: 2.5° in yaw (turning a photo in its own plane moves the fitted yaw by up to
// 1.42°, decision 016's test; the calibration split's frontal portraits read yaw within −1.5…0.2°),
// 2.7° in pitch (the same in-plane turns move pitch by up to 2.66°, more than the calibration
// split's frontal portraits' ±1.7° about their middle). Pitch is read from an origin: on portraits
// that look frontal the fit (on the mesh's rigid points, mesh-measures/head-pose.ts) reads the nose
// down (the canonical face's "frontal" is not the mesh's), 4.8–8.2° on the calibration split's 50
// valid photos at Monk 1–10 (set v4), so PITCH_ORIGIN (their middle) is subtracted. Origin and
// errors come from the calibration split only (Eileen Collins); the test split (Grace Hopper) only
// reports. Figures: docs/decisions/020-face-mesh-checks.md.

import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding } from "./types.ts";

/** ICAO 9303 / ISO/IEC 19794-5: about ±5° of yaw and of pitch. */
const STANDARD_DEGREES = 5;
/** The estimator's measured error in yaw (in-plane turns 1.42°; the calibration split's frontal yaw ±1.5°). */
const YAW_ERROR_DEGREES = 2.5;
/** Its error in pitch: in-plane turns move it by up to 2.66° (Eileen Collins' photo turned 8°), more
 *  than the calibration split's frontal readings' ±1.7° about their middle (4.8–8.2°). */
const PITCH_ERROR_DEGREES = 2.7;
/** What the fit reads as pitch on frontal portraits: the middle of the calibration split's 4.8–8.2°. */
export const PITCH_ORIGIN_DEGREES = 6.5;

const PASS_YAW = STANDARD_DEGREES;
const FAIL_YAW = STANDARD_DEGREES + YAW_ERROR_DEGREES;
const PASS_PITCH = STANDARD_DEGREES;
const FAIL_PITCH = STANDARD_DEGREES + PITCH_ERROR_DEGREES;

const THRESHOLD = `yaw within ${PASS_YAW}° (ICAO/ISO), warn up to ${FAIL_YAW}° (the estimator's ${YAW_ERROR_DEGREES}° error); pitch measured from ${PITCH_ORIGIN_DEGREES}° within ${PASS_PITCH}°, warn up to ${FAIL_PITCH}° (its ${PITCH_ERROR_DEGREES}° error); fail beyond`;

const RANK = { pass: 0, warn: 1, fail: 2 } as const;

export function checkHeadPose(face: FaceFinding): CheckResult {
  if (!face.pose) return result("head_pose", "fail", 0, THRESHOLD, "head_pose.unknown");
  const pitch = face.pose.pitch - PITCH_ORIGIN_DEGREES;
  const judge = (way: "turned" | "down" | "up", angle: number, pass: number, fail: number) => ({
    way,
    angle,
    verdict: angle > fail ? ("fail" as const) : angle > pass ? ("warn" as const) : ("pass" as const),
  });
  const yaw = judge("turned", Math.abs(face.pose.yaw), PASS_YAW, FAIL_YAW);
  const nod = judge(pitch > 0 ? "down" : "up", Math.abs(pitch), PASS_PITCH, FAIL_PITCH);
  // The value is the angle of the axis the verdict comes from (the worse one; yaw on a tie).
  const worst =
    RANK[nod.verdict] > RANK[yaw.verdict] || (nod.verdict === yaw.verdict && nod.angle > yaw.angle) ? nod : yaw;
  const value = round(worst.angle, 2);
  const params = { degrees: round(worst.angle, 1) };
  if (worst.verdict === "pass") return result("head_pose", "pass", value, THRESHOLD, "head_pose.pass", params);
  return result("head_pose", worst.verdict, value, THRESHOLD, `head_pose.${worst.way}.${worst.verdict}`, params);
}
