// The editor's crop: a 5:7 window on the source image, in the source's pixels. The editor only
// crops and scales (the rules forbid any other change), so the crop always lies inside the image:
// no padding, no invented background.

import { faceCentreX, EYE_LINE_MAX, EYE_LINE_MIN } from "../../../shared/photo/checks/face-centred.ts";
import { headHeight, MAX_HEAD_SHARE, MIN_HEAD_SHARE } from "../../../shared/photo/checks/head-size.ts";
import type { FaceFinding } from "../../../shared/photo/face/types.ts";
import { MAX_WIDTH, MIN_WIDTH } from "../../../shared/photo/header.ts";

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** Top-left corner and width, in source pixels; the height is always width × 7/5. */
export interface Crop {
  x: number;
  y: number;
  width: number;
}

/** Height over width of the PR card photo (5:7). */
const HEIGHT_PER_WIDTH = 7 / 5;
/** The closest zoom shows a quarter of the widest crop's width. */
export const MAX_ZOOM = 4;

/**
 * The head-size guide drawn on the frame, as shares of the frame's height: the oval's centre,
 * its height for the smallest and largest accepted head (chin to crown, head-size.ts), and the
 * band where the eye line belongs (face-centred.ts). A head filling the band between the two
 * ovals, with the eyes in the band, passes both checks.
 */
export const GUIDE = {
  ovalCentreY: 0.42,
  minHead: MIN_HEAD_SHARE,
  maxHead: MAX_HEAD_SHARE,
  eyeLineMin: EYE_LINE_MIN,
  eyeLineMax: EYE_LINE_MAX,
} as const;

export const cropHeight = (crop: Crop): number => crop.width * HEIGHT_PER_WIDTH;

/** The widest 5:7 window the image holds. */
function maxCropWidth(image: Size): number {
  return Math.min(image.width, image.height / HEIGHT_PER_WIDTH);
}

/** How far in the crop is zoomed: 1 for the widest window, up to MAX_ZOOM. */
export function zoomOf(crop: Crop, image: Size): number {
  return maxCropWidth(image) / crop.width;
}

/** The crop moved and sized back inside the image and the zoom range. */
function clampCrop(crop: Crop, image: Size): Crop {
  const widest = maxCropWidth(image);
  const width = Math.min(widest, Math.max(widest / MAX_ZOOM, crop.width));
  const height = width * HEIGHT_PER_WIDTH;
  const x = Math.min(image.width - width, Math.max(0, crop.x));
  const y = Math.min(image.height - height, Math.max(0, crop.y));
  return { x, y, width };
}

/** The widest crop, centred. */
export function centredCrop(image: Size): Crop {
  const width = maxCropWidth(image);
  return clampCrop({ x: (image.width - width) / 2, y: (image.height - width * HEIGHT_PER_WIDTH) / 2, width }, image);
}

/** Moves the crop by (dx, dy) source pixels. */
export function panCrop(crop: Crop, image: Size, dx: number, dy: number): Crop {
  return clampCrop({ ...crop, x: crop.x + dx, y: crop.y + dy }, image);
}

/**
 * Zooms by `factor` (> 1 closer) keeping `anchor` (a source point, by default the crop's centre)
 * at the same place in the frame, as a wheel or a pinch expects.
 */
export function zoomCrop(crop: Crop, image: Size, factor: number, anchor?: Point): Crop {
  const height = cropHeight(crop);
  const at = anchor ?? { x: crop.x + crop.width / 2, y: crop.y + height / 2 };
  const fx = (at.x - crop.x) / crop.width;
  const fy = (at.y - crop.y) / height;
  const widest = maxCropWidth(image);
  const width = Math.min(widest, Math.max(widest / MAX_ZOOM, crop.width / factor));
  return clampCrop({ x: at.x - fx * width, y: at.y - fy * width * HEIGHT_PER_WIDTH, width }, image);
}

/** Sets the zoom to an absolute value (the slider), about the crop's centre. */
export function cropAtZoom(crop: Crop, image: Size, zoom: number): Crop {
  return zoomCrop(crop, image, zoom / zoomOf(crop, image));
}

/**
 * The JPEG's size for this crop: the crop's own resolution (no needless upscaling or loss),
 * brought within 715×1001 to 2000×2800 and exactly 5:7 (a multiple of 5 by the same multiple of 7).
 */
export function outputSize(crop: Crop): Size {
  const minUnit = Math.ceil(MIN_WIDTH / 5);
  const maxUnit = Math.floor(MAX_WIDTH / 5);
  const unit = Math.min(maxUnit, Math.max(minUnit, Math.round(crop.width / 5)));
  return { width: unit * 5, height: unit * 7 };
}

/**
 * The crop that puts a detected face where the rules want it: head (chin to crown) at the middle
 * of the accepted 44–51% of the height, head centred in the guide's oval, face centre line in
 * the middle. Clamped inside the image, so a head near an edge may end up off-centre (the checks
 * then say so).
 */
export function suggestCrop(face: FaceFinding, image: Size): Crop {
  // The head's height as head_size measures it, so that the placed photo measures mid-range.
  const head = Math.max(1, headHeight(face));
  const share = (GUIDE.minHead + GUIDE.maxHead) / 2;
  const height = head / share;
  const width = height / HEIGHT_PER_WIDTH;
  const headMiddle = face.chin.y - head / 2;
  return clampCrop({ x: faceCentreX(face) - width / 2, y: headMiddle - GUIDE.ovalCentreY * height, width }, image);
}
