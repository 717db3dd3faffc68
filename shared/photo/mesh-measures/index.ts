// Measures on MediaPipe's 468-point face mesh for issue 15's new checks (eyes_open, mouth_closed,
// head_pose; head_tilt's roll): pure, deterministic functions of the landmarks. Not wired into
// the photo checks yet (docs/decisions/016-face-mesh-model.md, "Measures for the new checks").
export { atan, atan2, degrees } from "./atan.ts";
export { CANONICAL_FACE_BYTE_RANGE, type CanonicalFace, parseCanonicalFace } from "./canonical-face.ts";
export { anglesOf, eyeCornerRoll, type HeadPose, headPose, type Matrix3, nearestRotation } from "./head-pose.ts";
export { type EyesOpenness, eyesOpenness, eyesToChin, type MouthOpenness, mouthOpenness } from "./openness.ts";
