// Regions and per-region statistics shared by the pixel checks (one pass over each region).
//
// Luminance follows OFIQ (the open-source reference implementation of ISO/IEC 29794-5, face
// image quality): each sRGB channel is linearised, Y = 0.2126 R + 0.7152 G + 0.0722 B, and the
// "luminance image" is round(255 · Y) (OFIQ image_utils GetLuminanceImageFromBGR).

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

/** Background band: this share of the width (sides) and height (top) along the edges. */
const BACKGROUND_BAND = 0.04;
/** The side bands stop at this share of the height: below it, shoulders and clothing reach the
 *  edges of a correctly framed photo. The bottom edge is not measured for the same reason. */
const BACKGROUND_SIDE_BOTTOM = 0.7;

/** OFIQ's under- and over-exposure ranges on the 0–255 luminance image
 *  (UnderExposurePrevention: [0, 25]; OverExposurePrevention: [247, 255]). */
const OFIQ_DARK_MAX = 25;
const OFIQ_BRIGHT_MIN = 247;

/** Glare pixel: all channels near saturation and nearly neutral (specular reflections are the
 *  colour of the light, not of the skin). */
const GLARE_MIN_CHANNEL = 235;
const GLARE_MAX_SPREAD = 30;

/** sRGB (0–255) to linear light (0–1), IEC 61966-2-1. */
export const SRGB_TO_LINEAR = (() => {
  const lut = new Float64Array(256);
  for (let i = 0; i < 256; i++) {
    const c = i / 255;
    lut[i] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }
  return lut;
})();

/** Linear light (0–1) back to 8-bit sRGB-encoded (perceptual) lightness. */
export function linearToSrgb8(y: number): number {
  const c = y <= 0.0031308 ? 12.92 * y : 1.055 * y ** (1 / 2.4) - 0.055;
  return Math.max(0, Math.min(255, Math.round(c * 255)));
}

/** Sample every `step` pixels in both directions: at most ~1.5 M samples per image. */
function samplingStep(image: ImageLike): number {
  return image.width * image.height > 3_000_000 ? 2 : 1;
}

interface Ellipse {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
}

/** Share of the landmark ellipse (jaw line side to side, brows to chin) that is measured: the
 *  rim, where skin meets hair, ears or background, is left out. */
const LANDMARK_ELLIPSE_SHRINK = 0.9;

/**
 * The ellipse measured as "the face": from the detector's landmarks when there are (cheek to
 * cheek at the jaw line's ends, points 0 and 16; top of the brows to the chin, point 8), from its
 * box when there are not (the Tiny Face Detector's box is loose: it takes in background at the
 * sides), else the fallback region.
 */
function faceEllipse(image: ImageLike, detected?: FaceFinding): Ellipse {
  const lm = detected?.landmarks;
  if (lm && lm.length === 68) {
    const top = Math.min(...lm.slice(17, 27).map((p) => p.y));
    const bottom = lm[8]!.y;
    return {
      cx: (lm[0]!.x + lm[16]!.x) / 2,
      cy: (top + bottom) / 2,
      rx: (Math.abs(lm[16]!.x - lm[0]!.x) / 2) * LANDMARK_ELLIPSE_SHRINK,
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

export interface FaceStats {
  samples: number;
  /** Mean linear luminance Y (0–1). */
  meanLuminance: number;
  /** Share of samples in OFIQ's dark range (luminance image ≤ 25). */
  darkFraction: number;
  /** Share of samples in OFIQ's bright range (luminance image ≥ 247). */
  brightFraction: number;
  /** Share of samples that are glare pixels with at least 3 of their 4 neighbours glare too. */
  glareFraction: number;
  /** Shannon entropy (bits, 0–8) of the histogram of sRGB-encoded luminance. */
  entropy: number;
}

export function measureFace(image: ImageLike, detected?: FaceFinding): FaceStats {
  const { width, height, data } = image;
  const e = faceEllipse(image, detected);
  const step = samplingStep(image);
  const isGlare = (x: number, y: number): boolean => {
    if (x < 0 || y < 0 || x >= width || y >= height) return false;
    const i = (y * width + x) * 4;
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    const min = Math.min(r, g, b);
    return min >= GLARE_MIN_CHANNEL && Math.max(r, g, b) - min <= GLARE_MAX_SPREAD;
  };
  const histogram = new Uint32Array(256);
  let samples = 0;
  let sumY = 0;
  let dark = 0;
  let bright = 0;
  let glare = 0;
  const y0 = Math.max(0, Math.ceil(e.cy - e.ry));
  const y1 = Math.min(height - 1, Math.floor(e.cy + e.ry));
  for (let y = y0; y <= y1; y += step) {
    const dy = (y + 0.5 - e.cy) / e.ry;
    const half = e.rx * Math.sqrt(Math.max(0, 1 - dy * dy));
    const x0 = Math.max(0, Math.ceil(e.cx - half));
    const x1 = Math.min(width - 1, Math.floor(e.cx + half));
    for (let x = x0; x <= x1; x += step) {
      const i = (y * width + x) * 4;
      const lum =
        0.2126 * SRGB_TO_LINEAR[data[i]!]! +
        0.7152 * SRGB_TO_LINEAR[data[i + 1]!]! +
        0.0722 * SRGB_TO_LINEAR[data[i + 2]!]!;
      const l8 = Math.floor(lum * 255 + 0.5);
      samples++;
      sumY += lum;
      if (l8 <= OFIQ_DARK_MAX) dark++;
      if (l8 >= OFIQ_BRIGHT_MIN) bright++;
      histogram[linearToSrgb8(lum)]!++;
      if (isGlare(x, y)) {
        const neighbours = +isGlare(x - 1, y) + +isGlare(x + 1, y) + +isGlare(x, y - 1) + +isGlare(x, y + 1);
        if (neighbours >= 3) glare++;
      }
    }
  }
  let entropy = 0;
  for (const count of histogram) {
    if (count === 0) continue;
    const p = count / samples;
    entropy -= p * Math.log2(p);
  }
  const n = Math.max(1, samples);
  return {
    samples,
    meanLuminance: sumY / n,
    darkFraction: dark / n,
    brightFraction: bright / n,
    glareFraction: glare / n,
    entropy,
  };
}

export interface BackgroundStats {
  samples: number;
  /** Mean linear luminance Y (0–1). */
  meanLuminance: number;
  /** Mean CIELAB L* (0–100). */
  meanLightness: number;
  /** Mean CIELAB chroma C* = √(a*² + b*²) of the pixels (0 for neutral grey/white). */
  meanChroma: number;
  /** Standard deviation of L*: low for a plain background, high for texture, objects, shadows. */
  lightnessStdDev: number;
}

// sRGB (D65) linear RGB to CIE XYZ, and the D65 white point.
const XN = 0.95047;
const ZN = 1.08883;
const LAB_EPS = 216 / 24389;
const LAB_K = 24389 / 27;
const labF = (t: number) => (t > LAB_EPS ? Math.cbrt(t) : (LAB_K * t + 16) / 116);

/** The border band (top edge full width; left and right edges down to BACKGROUND_SIDE_BOTTOM). */
export function measureBackground(image: ImageLike): BackgroundStats {
  const { width, height, data } = image;
  const step = samplingStep(image);
  const bandX = Math.max(1, Math.round(width * BACKGROUND_BAND));
  const bandY = Math.max(1, Math.round(height * BACKGROUND_BAND));
  const sideBottom = Math.round(height * BACKGROUND_SIDE_BOTTOM);
  let samples = 0;
  let sumY = 0;
  let sumL = 0;
  let sumL2 = 0;
  let sumC = 0;
  const rightStart = Math.max(bandX, width - bandX);
  for (let y = 0; y < sideBottom; y += step) {
    const ranges: [number, number][] =
      y < bandY
        ? [[0, width]]
        : [
            [0, bandX],
            [rightStart, width],
          ];
    for (const [from, to] of ranges) {
      for (let x = from; x < to; x += step) {
        const i = (y * width + x) * 4;
        const r = SRGB_TO_LINEAR[data[i]!]!;
        const g = SRGB_TO_LINEAR[data[i + 1]!]!;
        const b = SRGB_TO_LINEAR[data[i + 2]!]!;
        const X = 0.4124 * r + 0.3576 * g + 0.1805 * b;
        const Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        const Z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
        const fy = labF(Y);
        const L = 116 * fy - 16;
        const A = 500 * (labF(X / XN) - fy);
        const B = 200 * (fy - labF(Z / ZN));
        samples++;
        sumY += Y;
        sumL += L;
        sumL2 += L * L;
        sumC += Math.sqrt(A * A + B * B);
      }
    }
  }
  const n = Math.max(1, samples);
  const meanL = sumL / n;
  return {
    samples,
    meanLuminance: sumY / n,
    meanLightness: meanL,
    meanChroma: sumC / n,
    lightnessStdDev: Math.sqrt(Math.max(0, sumL2 / n - meanL * meanL)),
  };
}
