// `head_pose`: the head must face the camera: not turned to one side (yaw) nor nodding up or down
// (pitch). Roll, the sideways tilt, is head_tilt's (head-tilt.ts). ICAO 9303 part 3 and ISO/IEC
// 19794-5 (full frontal image) allow about ±5° of yaw and pitch. The angles are those of
// MediaPipe's canonical face fitted to the attention mesh (mesh-measures/head-pose.ts). So: within
// 5° passes; between 5° and 5° plus the estimator's measured error warns (the head may be turned a
// little, or the estimate may be off); beyond fails, since a head turned 5° at most cannot read
// that far. The error, each the larger of two measurements (decision 029): yaw 1.6° (turning a
// real photo in its own plane by up to ±15° moves the fitted yaw by up to 0.81°,
// node/mesh-measures; the calibration split's frontal portraits read yaw within −0.7…1.6°), pitch
// 1.9° (in-plane turns move it by up to 1.89°; the frontal portraits' pitch lies within ±1.65° of
// its middle). Pitch is read from an origin: on portraits that look frontal the fit (on the mesh's
// rigid points) reads the nose down (the canonical face's "frontal" is not the mesh's), 2.9–6.2°
// on the calibration split's 50 valid photos at Monk 1–10 (set v6), so PITCH_ORIGIN (their middle)
// is subtracted. Origin and errors come from the calibration split (Eileen Collins) and the
// in-plane test; the test split (Grace Hopper) only reports. Figures: docs/decisions/020 and 029.

import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding } from "./types.ts";

/** ICAO 9303 / ISO/IEC 19794-5: about ±5° of yaw and of pitch. */
const STANDARD_DEGREES = 5;
/** The estimator's measured error in yaw: the calibration split's frontal yaw, up to 1.6° (in-plane
 *  turns: 0.81°). */
const YAW_ERROR_DEGREES = 1.6;
/** Its error in pitch: in-plane turns move it by up to 1.89°, a little more than the calibration
 *  split's frontal readings' ±1.65° about their middle (2.9–6.2°). */
const PITCH_ERROR_DEGREES = 1.9;
/** What the fit reads as pitch on frontal portraits: the middle of the calibration split's 2.9–6.2°. */
export const PITCH_ORIGIN_DEGREES = 4.55;

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
