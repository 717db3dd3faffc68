// Glare as specular highlights RELATIVE to the face's own tone, in compact blobs (issue 15):
//
// 1. A glare pixel is near white in every channel (a reflection takes the colour of the light,
//    not of the skin) AND well above the face's own median tone, so that a light face's bright,
//    evenly lit forehead is not glare.
// 2. Glare pixels are grouped into 4-connected blobs; only blobs that are large (a share of the
//    face) and solid (a square of blown-out white fits inside) count. A flash hotspot on
//    the forehead or a reflection on a lens is one such blob; the natural sheen of skin under a
//    flash is a scatter of small highlights broken up by pores and texture, which is not glare
//    and must not refuse a darker-toned face (it was read as glare before, at 1.5% of the face).

import { type Ellipse, forEachInEllipse, samplingStep } from "./face-region.ts";
import { luminanceAt, linearToSrgb8 } from "./srgb.ts";
import type { ImageLike } from "./types.ts";

/** Every channel at or above this (of 255): the sensor is at or near clipping, so the pixel shows
 *  the light source's colour, not the skin's: a reflection. Bright skin of any tone keeps its hue
 *  (its blue channel well below its red) until it is blown out. */
const GLARE_MIN_CHANNEL = 240;
/** …and its sRGB-encoded luminance at least this far above the face's median tone (0–255): the
 *  highlight stands out from the face's own tone (a washed-out face, all of it near white, is
 *  over-exposure, not glare). */
const GLARE_ABOVE_FACE = 40;
/** The level asked of a glare pixel is never above this (sRGB-encoded luminance, 0–255): on the
 *  lightest faces (median tone above 210) "40 above the face" is beyond white, so no hotspot could
 *  count, and the calibration set's flash hotspots on MST 1 faces were missed. A pixel this bright
 *  with every channel ≥ 240 is clipped whatever the skin: it shows the light, not the skin. */
const GLARE_LEVEL_CAP = 250;
/** A blob larger than this share of the face is not a highlight: a face washed out to white over
 *  much of its area is over-exposure (overexposed.ts), not glare. A flash hotspot or a reflection on
 *  a lens covers 0.5–4% of the face. */
const MAX_BLOB_SHARE = 0.15;
/** A blob counts when it covers at least this share of the face: 0.2% (about 10×10 px on a face
 *  270 px wide, 17×17 px on one 450 px wide) is a spot an officer sees; the specks of sheen are
 *  a few pixels each. */
const MIN_BLOB_SHARE = 0.002;
/** …and has a solid core: at least one pixel whose whole square of side 2r + 1 around it is glare,
 *  r being this share of the face's width (3 px on a face 230 px wide). A hotspot or a lens
 *  reflection is a solid patch of blown-out white; sheen, however much of it, is specks and
 *  threads a few pixels wide with skin between them, which no such square fits in. */
const CORE_RADIUS_SHARE = 0.013;

/** Number of sampled face pixels that lie in glare blobs (see the rules above). */
export function findGlareBlobs(image: ImageLike, e: Ellipse, medianTone: number): number {
  const minLevel = Math.min(medianTone + GLARE_ABOVE_FACE, GLARE_LEVEL_CAP);
  // The mask is on the sampling grid (every `step` pixels on large images).
  const step = samplingStep(image);
  const x0 = Math.max(0, Math.floor(e.cx - e.rx));
  const y0 = Math.max(0, Math.floor(e.cy - e.ry));
  const w = Math.ceil((Math.min(image.width, Math.ceil(e.cx + e.rx) + 1) - x0) / step);
  const h = Math.ceil((Math.min(image.height, Math.ceil(e.cy + e.ry) + 1) - y0) / step);
  if (w <= 0 || h <= 0) return 0;
  const mask = new Uint8Array(w * h);
  let samples = 0;
  let candidates = 0;
  forEachInEllipse(image, e, (x, y, i) => {
    samples++;
    const d = image.data;
    const lowest = Math.min(d[i]!, d[i + 1]!, d[i + 2]!);
    if (lowest >= GLARE_MIN_CHANNEL && linearToSrgb8(luminanceAt(d, i)) >= minLevel) {
      mask[Math.floor((y - y0) / step) * w + Math.floor((x - x0) / step)] = 1;
      candidates++;
    }
  });
  if (candidates === 0) return 0;
  // Integral image of the mask: the glare count of any square in four reads.
  const sums = new Int32Array((w + 1) * (h + 1));
  for (let gy = 0; gy < h; gy++)
    for (let gx = 0; gx < w; gx++)
      sums[(gy + 1) * (w + 1) + gx + 1] =
        (mask[gy * w + gx] ? 1 : 0) +
        sums[gy * (w + 1) + gx + 1]! +
        sums[(gy + 1) * (w + 1) + gx]! -
        sums[gy * (w + 1) + gx]!;
  const r = Math.max(1, Math.round((CORE_RADIUS_SHARE * 2 * e.rx) / step));
  const isCore = (gx: number, gy: number) => {
    if (gx < r || gy < r || gx + r >= w || gy + r >= h) return false;
    const a = (gy - r) * (w + 1) + gx - r;
    const b = (gy + r + 1) * (w + 1) + gx + r + 1;
    const side = 2 * r + 1;
    return sums[b]! - sums[b - side]! - sums[a + side]! + sums[a]! === side * side;
  };
  const minArea = Math.max(4, MIN_BLOB_SHARE * samples);
  const maxArea = MAX_BLOB_SHARE * samples;
  const queue = new Int32Array(w * h);
  let inBlobs = 0;
  for (let start = 0; start < mask.length; start++) {
    if (mask[start] !== 1) continue;
    mask[start] = 2;
    let head = 0;
    let tail = 0;
    queue[tail++] = start;
    let core = false;
    while (head < tail) {
      const p = queue[head++]!;
      const gx = p % w;
      const gy = (p - gx) / w;
      if (!core && isCore(gx, gy)) core = true;
      const around = [gx > 0 ? p - 1 : -1, gx + 1 < w ? p + 1 : -1, gy > 0 ? p - w : -1, gy + 1 < h ? p + w : -1];
      for (const q of around) {
        if (q >= 0 && mask[q] === 1) {
          mask[q] = 2;
          queue[tail++] = q;
        }
      }
    }
    if (tail >= minArea && tail <= maxArea && core) inBlobs += tail;
  }
  return inBlobs;
}
