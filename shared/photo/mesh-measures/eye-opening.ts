// What shows between the eyelids, read from the pixels inside the face mesh's eye outline: an open
// eye shows its white and its iris there, a closed one shows lid skin. The mesh's own lid points
// do not follow a closed eye well (the 468-point model regresses them from the whole face: on shut
// eyes it still reads two thirds of an open eye's gap; decision 020), but they do say where the
// opening is. So, per eye, the middle of the opening: between 20 % and 80 % of the way from corner
// to corner, and between 30 % and 70 % of the way from the upper lid to the lower at each column
// (the lids' edges and lashes mostly left out). Its spread of sRGB-encoded luminance (standard
// deviation, 0–255) is the measure: the white against the iris gives an open eye a large spread,
// while a shut lid is skin, as even as the rest of the face.
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

/** The middle of the opening that is read: across, and from lid to lid (chosen on the calibration
 *  split, decision 020: of three bands tried, the one whose open and shut eyes lie furthest apart). */
const ACROSS = [0.2, 0.8] as const;
const DOWN = [0.3, 0.7] as const;

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

/** The standard deviation of sRGB-encoded luminance between two lines of mesh points that share
 *  their end points (an eye's lids, a mouth's lips), over the shares `across` of the way from one
 *  end to the other and `down` of the way from the upper line to the lower; 0 when the lines meet
 *  (no pixel between them) or the region is outside the image. */
export function spreadBetween(
  image: RawImage,
  landmarks: readonly MeshPoint2[],
  upper: readonly number[],
  lower: readonly number[],
  across: readonly [number, number] = ACROSS,
  down: readonly [number, number] = DOWN,
): number {
  const a = landmarks[upper[0]!];
  const b = landmarks[upper[upper.length - 1]!];
  if (!a || !b) throw new Error("spread between: end points missing");
  const left = Math.min(a.x, b.x);
  const span = Math.abs(b.x - a.x);
  let n = 0;
  let sum = 0;
  let sum2 = 0;
  const x0 = Math.max(0, Math.ceil(left + across[0] * span - 0.5));
  const x1 = Math.min(image.width - 1, Math.floor(left + across[1] * span - 0.5));
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

export interface EyeOpeningSpread {
  /** The person's right eye (the image's left). */
  right: number;
  left: number;
  /** The eye that shows less: the one that counts (a wink is not two open eyes). */
  min: number;
}

export function eyesOpeningSpread(image: RawImage, landmarks: readonly MeshPoint2[]): EyeOpeningSpread {
  const right = spreadBetween(image, landmarks, RIGHT_EYE_UPPER, RIGHT_EYE_LOWER);
  const left = spreadBetween(image, landmarks, LEFT_EYE_UPPER, LEFT_EYE_LOWER);
  return { right, left, min: right < left ? right : left };
}
