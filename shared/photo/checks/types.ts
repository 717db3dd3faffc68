// Shared types of the photo checks. Pure TypeScript: the browser imports these files too.

import type { FaceFinding } from "../face/types.ts";

export type Verdict = "pass" | "warn" | "fail";

export type CheckId =
  | "format"
  | "file_size"
  | "dimensions"
  | "too_dark"
  | "overexposed"
  | "background_not_white"
  | "glare"
  | "face_not_visible"
  | "eyes_visible"
  | "head_size"
  | "face_centred"
  | "head_tilt"
  | "eyes_open"
  | "mouth_closed"
  | "head_pose";

export interface Bilingual {
  en: string;
  fr: string;
}

export interface CheckResult {
  id: CheckId;
  verdict: Verdict;
  /** The measured value the verdict was decided on (its unit is in `threshold`); for `format`,
   *  the file type's name read from the bytes ("JPEG"). */
  value: number | string;
  /** The rule, in plain English for officers and logs, e.g. "≥ 0.035 linear luminance (fail < 0.012)". */
  threshold: string;
  /** What is wrong (or, for a pass, what is right). */
  message: Bilingual;
  /** How to fix it; empty for a pass. */
  tip: Bilingual;
}

/** ImageData-like: RGBA, 8 bits per channel, row-major, no padding. */
export interface ImageLike {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

export type { FaceBox, FaceFinding, HeadAngles, Point, Point3 } from "../face/types.ts";

export interface CheckContext {
  /**
   * What the face finder (face/finder.ts) found: undefined when no detector ran (then the checks that need a
   * face are left out and the exposure checks use the fallback face region, measure.ts
   * FALLBACK_FACE); [] when it ran and found no face.
   */
  faces?: FaceFinding[];
}

const ORDER: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };
export function worstVerdict(verdicts: Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((worst, v) => (ORDER[v] > ORDER[worst] ? v : worst), "pass");
}
