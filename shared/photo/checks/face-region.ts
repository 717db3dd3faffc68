// The face region the pixel checks measure: an ellipse from the face finder's landmarks or box,
// or a fallback area where a correctly framed photo has its face, and the sampled walk over it.

import type { FaceBox, FaceFinding, ImageLike } from "./types.ts";

/**
 * Where the face is when no detector gives a box: the central area where a correctly framed
 * passport photo has its face (5:7 frame, chin to crown 44–51% of the height, eyes a little above
 * the middle). Measured inside the ellipse inscribed in this box, so that hair, ears and the
 * background at the box's corners are left out.
 */
export const FALLBACK_FACE = { left: 0.3, right: 0.7, top: 0.25, bottom: 0.65 } as const;
/** A detector's box runs ear to ear and brow (or crown) to chin; its inscribed ellipse is shrunk
 *  to this share so that hair and background at the edges do not count as face. */
const DETECTOR_BOX_SHRINK = 0.85;
/** Share of the landmarks' ellipse (their bounding box: cheek to cheek, brows or forehead to
 *  chin) that is measured: the rim, where skin meets hair, ears or background, is left out. */
const LANDMARK_ELLIPSE_SHRINK = 0.9;

/** Sample every `step` pixels in both directions: at most ~1.5 M samples per image. */
export function samplingStep(image: ImageLike): number {
  return image.width * image.height > 3_000_000 ? 2 : 1;
}

export interface Ellipse {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
}

/**
 * The ellipse measured as "the face": from the finder's landmarks when there are (their bounding
 * box, whatever the landmark scheme: 68 points or the 468-point mesh), from its box when there are
 * not, else the fallback region.
 */
export function faceEllipse(image: ImageLike, detected?: FaceFinding): Ellipse {
  const lm = detected?.landmarks;
  if (lm && lm.length >= 5) {
    let left = Number.POSITIVE_INFINITY;
    let right = Number.NEGATIVE_INFINITY;
    let top = Number.POSITIVE_INFINITY;
    let bottom = Number.NEGATIVE_INFINITY;
    for (const p of lm) {
      left = Math.min(left, p.x);
      right = Math.max(right, p.x);
      top = Math.min(top, p.y);
      bottom = Math.max(bottom, p.y);
    }
    return {
      cx: (left + right) / 2,
      cy: (top + bottom) / 2,
      rx: ((right - left) / 2) * LANDMARK_ELLIPSE_SHRINK,
      ry: ((bottom - top) / 2) * LANDMARK_ELLIPSE_SHRINK,
    };
  }
  const box: FaceBox = detected?.box ?? {
    x: image.width * FALLBACK_FACE.left,
    y: image.height * FALLBACK_FACE.top,
    width: image.width * (FALLBACK_FACE.right - FALLBACK_FACE.left),
    height: image.height * (FALLBACK_FACE.bottom - FALLBACK_FACE.top),
  };
  const shrink = detected ? DETECTOR_BOX_SHRINK : 1;
  return {
    cx: box.x + box.width / 2,
    cy: box.y + box.height / 2,
    rx: (box.width / 2) * shrink,
    ry: (box.height / 2) * shrink,
  };
}

/** Calls `visit(x, y, i)` for every sampled pixel inside the ellipse (i: RGBA byte offset). */
export function forEachInEllipse(image: ImageLike, e: Ellipse, visit: (x: number, y: number, i: number) => void) {
  const step = samplingStep(image);
  const y0 = Math.max(0, Math.ceil(e.cy - e.ry));
  const y1 = Math.min(image.height - 1, Math.floor(e.cy + e.ry));
  for (let y = y0; y <= y1; y += step) {
    const dy = (y + 0.5 - e.cy) / e.ry;
    const half = e.rx * Math.sqrt(Math.max(0, 1 - dy * dy));
    const x0 = Math.max(0, Math.ceil(e.cx - half));
    const x1 = Math.min(image.width - 1, Math.floor(e.cx + half));
    for (let x = x0; x <= x1; x += step) visit(x, y, (y * image.width + x) * 4);
  }
}
