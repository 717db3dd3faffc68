// The spread of luminance between two lines of face-mesh points that share their end points (the
// inner lips, mouth-opening.ts): the pixels between them walked column by column, top to bottom, in
// one order, so sums round the same in every engine. Until decision 029 it also read what shows
// between the eyelids (an open eye's white and iris, a shut one's lid): the plain mesh's lids did
// not follow a closing eye; the attention mesh's do, and eyes_open now measures their gap.
// Deterministic: integer pixel walks, + − × ÷ and √, and checks/srgb.ts's luminance (as eyes_visible).

import { linearToSrgb8, luminanceAt } from "../checks/srgb.ts";
import type { ImageLike } from "../checks/types.ts";
import type { MeshPoint2 } from "./openness.ts";

/** The height of a lid line at x (linear between its points), or undefined outside it. */
function lineAt(landmarks: readonly MeshPoint2[], line: readonly number[], x: number): number | undefined {
  for (let k = 0; k + 1 < line.length; k++) {
    const a = landmarks[line[k]!];
    const b = landmarks[line[k + 1]!];
    if (!a || !b) throw new Error(`eye opening: landmark ${line[k]} or ${line[k + 1]} missing`);
    if ((x - a.x) * (x - b.x) <= 0 && a.x !== b.x) return a.y + ((x - a.x) / (b.x - a.x)) * (b.y - a.y);
  }
  return undefined;
}

/** The standard deviation of sRGB-encoded luminance over the pixels between two lines of mesh points
 *  that share their end points (a mouth's inner lips), over the shares `across` of the way from one
 *  end to the other and `down` of the way from the upper line to the lower, column by column, top to
 *  bottom (one order, so sums round the same in every engine); no pixel where the lines meet or the
 *  region is outside the image. 0 when there is no pixel between them. */
export function spreadBetween(
  image: ImageLike,
  landmarks: readonly MeshPoint2[],
  upper: readonly number[],
  lower: readonly number[],
  across: readonly [number, number],
  down: readonly [number, number],
): number {
  const a = landmarks[upper[0]!];
  const b = landmarks[upper[upper.length - 1]!];
  if (!a || !b) throw new Error("spread between: end points missing");
  const left = Math.min(a.x, b.x);
  const span = Math.abs(b.x - a.x);
  const x0 = Math.max(0, Math.ceil(left + across[0] * span - 0.5));
  const x1 = Math.min(image.width - 1, Math.floor(left + across[1] * span - 0.5));
  let n = 0;
  let sum = 0;
  let sum2 = 0;
  for (let x = x0; x <= x1; x++) {
    const top = lineAt(landmarks, upper, x + 0.5);
    const bottom = lineAt(landmarks, lower, x + 0.5);
    if (top === undefined || bottom === undefined || bottom <= top) continue;
    const y0 = Math.max(0, Math.ceil(top + down[0] * (bottom - top) - 0.5));
    const y1 = Math.min(image.height - 1, Math.floor(top + down[1] * (bottom - top) - 0.5));
    for (let y = y0; y <= y1; y++) {
      const l = linearToSrgb8(luminanceAt(image.data, (y * image.width + x) * 4));
      n++;
      sum += l;
      sum2 += l * l;
    }
  }
  if (n === 0) return 0;
  const mean = sum / n;
  return Math.sqrt(Math.max(0, sum2 / n - mean * mean));
}
