// Shared types of the photo checks. Pure TypeScript: the browser imports these files too.

export type Verdict = "pass" | "warn" | "fail";

export type CheckId =
  | "format"
  | "file_size"
  | "dimensions"
  | "too_dark"
  | "overexposed"
  | "background_not_white"
  | "glare"
  | "face_not_visible";

export interface Bilingual {
  en: string;
  fr: string;
}

export interface CheckResult {
  id: CheckId;
  verdict: Verdict;
  /** The measured value the verdict was decided on (its unit is in `threshold`). */
  value: number;
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

export interface Point {
  x: number;
  y: number;
}

/** In pixels of the image, as a face detector reports it (forehead to chin, ear to ear). */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CheckContext {
  /** From a face detector, when there is one (there is not yet: the fallback region is used). */
  face?: FaceBox;
  /** Eye centres from the detector; not used yet (reserved for eyes-open, tilt and centring). */
  eyes?: { left: Point; right: Point };
}

const ORDER: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };
export function worstVerdict(verdicts: Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((worst, v) => (ORDER[v] > ORDER[worst] ? v : worst), "pass");
}
