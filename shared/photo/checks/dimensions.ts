// `dimensions`: 715×1000 to 2000×2800 pixels, 5:7 within ±1% (product.md §6). The rules live in
// ../header.ts (checkDeclaredDimensions) because the server applies them before decoding.

import {
  ASPECT_RATIO,
  ASPECT_TOLERANCE,
  MAX_HEIGHT,
  MAX_WIDTH,
  MIN_HEIGHT,
  MIN_WIDTH,
  checkDeclaredDimensions,
} from "../header.ts";
import { result, round } from "./result.ts";
import type { CheckResult } from "./types.ts";

const THRESHOLD =
  `${MIN_WIDTH}×${MIN_HEIGHT} to ${MAX_WIDTH}×${MAX_HEIGHT} px; width/height ` +
  `${round(ASPECT_RATIO * (1 - ASPECT_TOLERANCE))}–${round(ASPECT_RATIO * (1 + ASPECT_TOLERANCE))} (5:7 ± 1%)`;

/** `value` is width / height. Pass the size as displayed (after EXIF orientation). */
export function checkDimensions(size: { width: number; height: number }): CheckResult {
  const { problems, ratio } = checkDeclaredDimensions(size);
  const params = { width: size.width, height: size.height };
  const first = problems[0];
  if (!first) return result("dimensions", "pass", round(ratio), THRESHOLD, "dimensions.pass", params);
  return result("dimensions", "fail", round(ratio), THRESHOLD, `dimensions.${first}`, params);
}
