// A photo that cannot meet a rule for a medical or religious reason, or because of a disability, can be
// sent with a written explanation (decision 028). Only the rules about the person's face and head can be
// excused: a head covering worn for religious reasons hides part of the face, a medical dressing or an
// eye that does not open, a posture a disability makes hard to change, glasses that must be worn. The
// file's own rules and the light and background are about the picture, not the person, and a
// professional photographer can always meet them, so no explanation excuses those.
import type { CheckId } from "./checks/types.ts";

export const EXCEPTION_REASONS = ["medical", "religious", "disability"] as const;
export type ExceptionReason = (typeof EXCEPTION_REASONS)[number];

export function isExceptionReason(value: unknown): value is ExceptionReason {
  return EXCEPTION_REASONS.includes(value as ExceptionReason);
}

/** The checks an explanation can excuse. */
export const EXCUSABLE_CHECKS: ReadonlySet<CheckId> = new Set<CheckId>([
  "face_not_visible",
  "eyes_visible",
  "eyes_open",
  "mouth_closed",
  "head_tilt",
  "head_pose",
  "head_size",
  "face_centred",
  "glare",
]);

/** Whether every failed check of a photo is one an explanation can excuse (and at least one failed). */
export function failuresExcusable(checks: readonly { id: string; verdict: string }[]): boolean {
  const failed = checks.filter((c) => c.verdict === "fail");
  return failed.length > 0 && failed.every((c) => EXCUSABLE_CHECKS.has(c.id as CheckId));
}
