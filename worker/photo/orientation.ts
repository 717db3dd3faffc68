// EXIF orientation (TIFF tag 0x0112) applied to decoded RGBA pixels. jsquash ignores the tag,
// so without this the checks on a phone's portrait (stored sideways, tagged 6 or 8) would measure
// a landscape picture. validate-upload.ts judges the upright image; the stored file keeps the tag
// (strip-metadata.ts), so viewers show what was judged.

import type { ImageLike } from "../../shared/photo/checks/types.ts";

/** Returns the image as displayed. Orientations 5–8 swap width and height. */
export function applyOrientation(image: ImageLike, orientation: number): ImageLike & { data: Uint8ClampedArray } {
  const { width: w, height: h, data } = image;
  if (orientation < 2 || orientation > 8) return { width: w, height: h, data: new Uint8ClampedArray(data) };
  const swap = orientation >= 5;
  const W = swap ? h : w;
  const H = swap ? w : h;
  const out = new Uint8ClampedArray(W * H * 4);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      // (sx, sy): the stored pixel shown at (x, y).
      let sx: number;
      let sy: number;
      switch (orientation) {
        case 2:
          sx = w - 1 - x;
          sy = y;
          break; // mirrored horizontally
        case 3:
          sx = w - 1 - x;
          sy = h - 1 - y;
          break; // rotated 180°
        case 4:
          sx = x;
          sy = h - 1 - y;
          break; // mirrored vertically
        case 5:
          sx = y;
          sy = x;
          break; // transposed
        case 6:
          sx = y;
          sy = h - 1 - x;
          break; // rotate 90° clockwise to display
        case 7:
          sx = w - 1 - y;
          sy = h - 1 - x;
          break; // transversed
        default:
          sx = w - 1 - y;
          sy = x;
          break; // 8: rotate 90° counter-clockwise to display
      }
      const from = (sy * w + sx) * 4;
      out.set(data.subarray(from, from + 4), (y * W + x) * 4);
    }
  }
  return { width: W, height: H, data: out };
}
