// Measures on MediaPipe's face mesh (478 points with the attention mesh's refined eyes and lips) for issue 15's new checks (eyes_open, mouth_closed,
// head_pose; head_tilt's roll): pure, deterministic functions of the landmarks, wired into the
// checks (decision 020); mouth-opening.ts also reads the pixels the mesh points at.
export { atan, atan2, degrees } from "./atan.ts";
export { CANONICAL_FACE_BYTE_RANGE, type CanonicalFace, parseCanonicalFace } from "./canonical-face.ts";
export { anglesOf, eyeCornerRoll, type HeadPose, headPose, type Matrix3, nearestRotation } from "./head-pose.ts";
export { spreadBetween } from "./between-lines.ts";
export { mouthOpeningSpread } from "./mouth-opening.ts";
export {
  type PerEye,
  type EyesOpenness,
  eyesOpenness,
  eyesToChin,
  type MouthOpenness,
  mouthOpenness,
} from "./openness.ts";
