// `head_pose`: the head must face the camera: not turned to one side (yaw) nor nodding up or down
// (pitch). Roll, the sideways tilt, is head_tilt's (head-tilt.ts). ICAO 9303 part 3 and ISO/IEC
// 19794-5 (full frontal image) allow about ±5° of yaw and pitch. The angles are those of
// MediaPipe's canonical face fitted to the 468-point mesh (mesh-measures/head-pose.ts), whose
// error is about 2.5° in yaw and pitch (decision 016: turning a photo in its own plane moved them
// by up to 1.44° and 2.48°). So: within 5° passes; between 5° and 5° plus that error warns (the
// head may be turned a little, or the estimate may be off); beyond it fails, since a head turned
// 5° at most cannot read that far. Pitch is read from a calibrated origin: on portraits that look
// frontal the fit reads the nose 2.8–13.1° down (decision 020: more on darker skin tones, up to
// 4–5° more at Monk 9–10), so PITCH_ORIGIN is subtracted; its pass band covers every frontal
// reading (±5.2°, a little more than the standard's 5°) and the origin's spread is added to its
// warning band, so no valid photo is warned or refused for its skin tone.
// Figures: docs/decisions/020-face-mesh-checks.md.

import { result, round } from "./result.ts";
import type { CheckResult, FaceFinding } from "./types.ts";

/** ICAO 9303 / ISO/IEC 19794-5: about ±5° of yaw and of pitch. */
const STANDARD_DEGREES = 5;
/** The estimator's measured error in yaw and pitch (decision 016). */
const ESTIMATOR_ERROR_DEGREES = 2.5;
/** What the fit reads as pitch on frontal portraits: the middle of 2.8–13.1° (decision 020). */
export const PITCH_ORIGIN_DEGREES = 8;
/** How far frontal readings lie from that origin (decision 020: every valid photo of the fixtures
 *  and of both calibration-set faces at every Monk tone, ±5.15°). */
const PITCH_ORIGIN_SPREAD_DEGREES = 5.2;

const PASS_YAW = STANDARD_DEGREES;
const FAIL_YAW = STANDARD_DEGREES + ESTIMATOR_ERROR_DEGREES;
/** Pitch passes within the standard's 5°, or the frontal readings' spread where that is wider. */
const PASS_PITCH = Math.max(STANDARD_DEGREES, PITCH_ORIGIN_SPREAD_DEGREES);
const FAIL_PITCH = STANDARD_DEGREES + ESTIMATOR_ERROR_DEGREES + PITCH_ORIGIN_SPREAD_DEGREES;

const THRESHOLD = `yaw within ${PASS_YAW}° (ICAO/ISO), warn up to ${FAIL_YAW}° (the estimator's ${ESTIMATOR_ERROR_DEGREES}° error); pitch measured from ${PITCH_ORIGIN_DEGREES}° within ${PASS_PITCH}°, warn up to ${FAIL_PITCH}° (that error and the origin's ±${PITCH_ORIGIN_SPREAD_DEGREES}°); fail beyond`;

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
