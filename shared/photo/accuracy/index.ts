// The latest fairness audit of the photo checks, as `npm run audit:photos` wrote it
// (accuracy.json beside this file, committed with each run), for /photo-check/accuracy. The JSON
// lives in shared/ with the checks it measures, so the page (client/) may import it and the audit
// (scripts/) writes it with the same types.
import accuracy from "./accuracy.json";
import type { Rules, SplitTable } from "./audit-table.ts";

export interface PhotoAccuracy {
  /** The day the audit ran, YYYY-MM-DD. */
  ranOn: string;
  set: {
    realFaces: number;
    faces: { person: string; licence: string; split: "calibration" | "test" }[];
    tones: number;
    variants: number;
    images: number;
    variantKinds: string[];
  };
  /** Skin-tone groups, lightest first. */
  groups: string[];
  test: SplitTable;
  calibration: SplitTable;
  /** Rules (a)–(d) on the test split. */
  rules: Rules;
  summary: string;
}

export const PHOTO_ACCURACY: PhotoAccuracy = accuracy as PhotoAccuracy;
