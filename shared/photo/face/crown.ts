// The crown (top of the head, hair included), which no face detector reports. ICAO 9303 part 3
// and the IRCC specification measure head size from the chin to the crown, so it is estimated:
//
// 1. The background colour is the median of two small patches in the top corners (a compliant
//    photo has plain background there; hair reaching the corners makes the estimate fail safe,
//    see below).
// 2. Starting at the top of the forehead (mesh point 10, where the face mesh ends), walk up along the face's own vertical axis (perpendicular to the
//    eye line, so a tilted head is followed) and look at a band as wide as the distance between
//    the eyes, centred on that axis.
// 3. A band row is "head" when at least HEAD_SHARE of its pixels differ from the background
//    colour by more than COLOUR_DISTANCE (largest channel difference). The crown is the last head
//    row before BACKGROUND_RUN consecutive background rows. Hair reaching the top edge puts the
//    crown at y = 0: the head is cut off, and head_size then fails as too large.
//
// White or very light hair on a white background is not told apart from it: the crown comes out
// low and the head measures small. That errs towards a warning the person can see is wrong,
// never towards accepting a cut-off head.

import type { ImageLike } from "../checks/types.ts";
import type { Point } from "./types.ts";

/** Largest channel difference (0–255) from the background colour that still counts as background. */
const COLOUR_DISTANCE = 40;
/** Share of a band row that must differ from the background for the row to be head (hair). */
const HEAD_SHARE = 0.2;
/** Consecutive background rows (as a share of the image height) that end the head. */
const BACKGROUND_RUN = 0.01;
/** Side of the corner patches sampled for the background colour (share of the width). */
const CORNER_PATCH = 0.05;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 255;
}

function backgroundColour(image: ImageLike): [number, number, number] {
  const patch = Math.max(2, Math.round(image.width * CORNER_PATCH));
  const channels: number[][] = [[], [], []];
  for (const left of [0, image.width - patch]) {
    for (let y = 0; y < patch; y += 2) {
      for (let x = left; x < left + patch; x += 2) {
        const i = (y * image.width + x) * 4;
        for (let c = 0; c < 3; c++) channels[c]!.push(image.data[i + c]!);
      }
    }
  }
  return [median(channels[0]!), median(channels[1]!), median(channels[2]!)];
}

/**
 * `start`: where the scan starts (the top of the forehead); `leftEye`/`rightEye`: the eye centres
 * (image left, right).
 */
export function estimateCrown(image: ImageLike, start: Point, leftEye: Point, rightEye: Point): Point {
  const bg = backgroundColour(image);
  const dx = rightEye.x - leftEye.x;
  const dy = rightEye.y - leftEye.y;
  // Math.sqrt, not Math.hypot: sqrt is correctly rounded everywhere, so every engine gives the same bits.
  const eyeDistance = Math.max(4, Math.sqrt(dx * dx + dy * dy));
  // Unit vector along the eye line, and "up" perpendicular to it.
  const ux = dx / eyeDistance;
  const uy = dy / eyeDistance;
  const upX = uy;
  const upY = -ux;
  const mid = { x: (leftEye.x + rightEye.x) / 2, y: (leftEye.y + rightEye.y) / 2 };
  // Start on the axis at the forehead's height.
  const startT = Math.max(0, (mid.y - start.y) / Math.max(0.2, -upY));
  const half = eyeDistance / 2;
  const run = Math.max(3, Math.round(image.height * BACKGROUND_RUN));
  let lastHead = { x: mid.x + upX * startT, y: mid.y + upY * startT };
  let backgroundRows = 0;
  for (let t = startT; ; t += 1) {
    const cx = mid.x + upX * t;
    const cy = mid.y + upY * t;
    if (cy < 0) return { x: lastHead.x, y: 0 };
    let head = 0;
    let samples = 0;
    for (let s = -half; s <= half; s += 1) {
      const x = Math.round(cx + ux * s);
      const y = Math.round(cy + uy * s);
      if (x < 0 || y < 0 || x >= image.width || y >= image.height) continue;
      const i = (y * image.width + x) * 4;
      const diff = Math.max(
        Math.abs(image.data[i]! - bg[0]),
        Math.abs(image.data[i + 1]! - bg[1]),
        Math.abs(image.data[i + 2]! - bg[2]),
      );
      samples++;
      if (diff > COLOUR_DISTANCE) head++;
    }
    if (samples > 0 && head / samples >= HEAD_SHARE) {
      lastHead = { x: cx, y: cy };
      backgroundRows = 0;
    } else if (++backgroundRows >= run) {
      return lastHead;
    }
  }
}
