// What shows between the eyelids, read from the pixels inside the face mesh's eye outline: an open
// eye shows its white and its iris there, a closed one shows lid skin. The mesh's own lid points
// do not follow a closed eye well (the 468-point model regresses them from the whole face: on shut
// eyes it still reads two thirds of an open eye's gap; decision 020), but they do say where the
// opening is. So, per eye, the middle of the opening: between 20 % and 80 % of the way from corner
// to corner, from the upper lid to the lower.
// The measure is the spread of sRGB-encoded luminance (standard deviation, 0–255) ALONG each pixel
// row, pooled over the rows (the within-row spread), not over the whole region: an open eye is
// white, iris, white from corner to corner, so every row across it changes; what a shut eye shows
// is lid skin and the lash line where the lids meet, which runs from corner to corner, so it changes
// from row to row but hardly along one. The whole region's spread counted that line: on Grace
// Hopper's shut eyes (test split, MST 5) the mesh put the opening's middle band across her lash
// line and read 16.3, an open eye (decision 020, 6 December 16:55). Along the rows the lid edges
// and lashes no longer count, so the band runs from lid to lid.
// Not divided by the face's tone or contrast: skin tone changes neither the white of the eye nor
// the iris, only the lid. On the calibration split the same open eyes read the same spread at every
// Monk tone (decision 020), while dividing by the face's median tone or contrast multiplies a dark
// lid's noise (a shut eye at Monk 10 then reads like a lighter face's open one). So a darker face's
// shut lid reads lower, never higher, and its open eye the same. Exposure does scale it: a photo
// dark enough for that to matter is too_dark's to refuse.
// Deterministic: integer pixel walks, + − × ÷ and √, and checks/srgb.ts's luminance (as eyes_visible).

import { linearToSrgb8, luminanceAt } from "../checks/srgb.ts";
import type { MeshPoint2 } from "./openness.ts";

/** The person's right eye (the image's left): upper lid then lower lid, outer corner first. */
const RIGHT_EYE_UPPER = [33, 246, 161, 160, 159, 158, 157, 173, 133] as const;
const RIGHT_EYE_LOWER = [33, 7, 163, 144, 145, 153, 154, 155, 133] as const;
const LEFT_EYE_UPPER = [263, 466, 388, 387, 386, 385, 384, 398, 362] as const;
const LEFT_EYE_LOWER = [263, 249, 390, 373, 374, 380, 381, 382, 362] as const;

/** The middle of the opening that is read: across (chosen on the calibration split, decision 020:
 *  of three bands tried, the one whose open and shut eyes lie furthest apart), and from lid to lid
 *  for the within-row spread. */
const ACROSS = [0.2, 0.8] as const;
const DOWN = [0.3, 0.7] as const;
const LID_TO_LID = [0, 1] as const;

export interface RawImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

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

/** Calls `visit` with the sRGB-encoded luminance of each pixel between two lines of mesh points that
 *  share their end points (an eye's lids, a mouth's lips), over the shares `across` of the way from one
 *  end to the other and `down` of the way from the upper line to the lower, column by column, top to
 *  bottom (one order, so sums round the same in every engine); no pixel where the lines meet or the
 *  region is outside the image. `what` names the caller in the error for missing end points. */
function eachPixelBetween(
  image: RawImage,
  landmarks: readonly MeshPoint2[],
  upper: readonly number[],
  lower: readonly number[],
  across: readonly [number, number],
  down: readonly [number, number],
  what: string,
  visit: (y: number, l: number) => void,
): void {
  const a = landmarks[upper[0]!];
  const b = landmarks[upper[upper.length - 1]!];
  if (!a || !b) throw new Error(`${what}: end points missing`);
  const left = Math.min(a.x, b.x);
  const span = Math.abs(b.x - a.x);
  const x0 = Math.max(0, Math.ceil(left + across[0] * span - 0.5));
  const x1 = Math.min(image.width - 1, Math.floor(left + across[1] * span - 0.5));
  for (let x = x0; x <= x1; x++) {
    const top = lineAt(landmarks, upper, x + 0.5);
    const bottom = lineAt(landmarks, lower, x + 0.5);
    if (top === undefined || bottom === undefined || bottom <= top) continue;
    const y0 = Math.max(0, Math.ceil(top + down[0] * (bottom - top) - 0.5));
    const y1 = Math.min(image.height - 1, Math.floor(top + down[1] * (bottom - top) - 0.5));
    for (let y = y0; y <= y1; y++) visit(y, linearToSrgb8(luminanceAt(image.data, (y * image.width + x) * 4)));
  }
}

/** The standard deviation of sRGB-encoded luminance between two lines of mesh points
 *  (`eachPixelBetween`); 0 when there is no pixel between them. */
export function spreadBetween(
  image: RawImage,
  landmarks: readonly MeshPoint2[],
  upper: readonly number[],
  lower: readonly number[],
  across: readonly [number, number] = ACROSS,
  down: readonly [number, number] = DOWN,
): number {
  let n = 0;
  let sum = 0;
  let sum2 = 0;
  eachPixelBetween(image, landmarks, upper, lower, across, down, "spread between", (_y, l) => {
    n++;
    sum += l;
    sum2 += l * l;
  });
  if (n === 0) return 0;
  const mean = sum / n;
  return Math.sqrt(Math.max(0, sum2 / n - mean * mean));
}

/** The spread of sRGB-encoded luminance along the pixel rows between two lines of mesh points that
 *  share their end points (an eye's lids), pooled over the rows: √(Σ over rows of Σ (l − the row's
 *  mean)² ÷ the number of pixels). Over the same pixels as `spreadBetween`; 0 when there are none. */
export function rowSpreadBetween(
  image: RawImage,
  landmarks: readonly MeshPoint2[],
  upper: readonly number[],
  lower: readonly number[],
  across: readonly [number, number] = ACROSS,
  down: readonly [number, number] = LID_TO_LID,
): number {
  // Per image row: pixel count, sum and sum of squares.
  const rows = new Map<number, { n: number; sum: number; sum2: number }>();
  eachPixelBetween(image, landmarks, upper, lower, across, down, "row spread between", (y, l) => {
    const row = rows.get(y);
    if (row) {
      row.n++;
      row.sum += l;
      row.sum2 += l * l;
    } else rows.set(y, { n: 1, sum: l, sum2: l * l });
  });
  // Rows in ascending order, so the sum's rounding is the same in every engine.
  let n = 0;
  let within = 0;
  for (const [, row] of [...rows.entries()].sort((p, q) => p[0] - q[0])) {
    n += row.n;
    within += Math.max(0, row.sum2 - (row.sum * row.sum) / row.n);
  }
  return n === 0 ? 0 : Math.sqrt(within / n);
}

export interface EyeOpeningSpread {
  /** The person's right eye (the image's left). */
  right: number;
  left: number;
  /** The eye that shows less: the one that counts (a wink is not two open eyes). */
  min: number;
}

/** Per eye, the within-row luminance spread between the lids (`rowSpreadBetween`). */
export function eyesOpeningSpread(image: RawImage, landmarks: readonly MeshPoint2[]): EyeOpeningSpread {
  const right = rowSpreadBetween(image, landmarks, RIGHT_EYE_UPPER, RIGHT_EYE_LOWER);
  const left = rowSpreadBetween(image, landmarks, LEFT_EYE_UPPER, LEFT_EYE_LOWER);
  return { right, left, min: right < left ? right : left };
}
