// The face region and its statistics, shared by the pixel checks (too_dark, overexposed, glare,
// face_not_visible, eyes_visible). The background is measured apart (background-region.ts).
//
// Fairness (issue 15 rule (a)): skin tone changes a face's albedo, so in an evenly lit photo a
// darker face is the same face with every pixel's light scaled down. The measures that judge
// detail, contrast and highlights are therefore taken RELATIVE to the face's own median tone
// (the median of its sRGB-encoded luminance), so the same face at Monk 1 and Monk 10 measures
// alike. What cannot be relative is exposure: the face alone cannot tell a dark face from a dark
// photo, so too_dark reads the background and clipping instead (too-dark.ts).

import { findGlareBlobs } from "./glare-blobs.ts";
import { SRGB_TO_LINEAR, linearToSrgb8 } from "./srgb.ts";
import { faceEllipse, forEachInEllipse } from "./face-region.ts";
import type { FaceFinding, ImageLike } from "./types.ts";

export { FALLBACK_FACE } from "./face-region.ts";

/** OFIQ's under- and over-exposure ranges on the 0–255 luminance image round(255 · Y)
 *  (UnderExposurePrevention: [0, 25]; OverExposurePrevention: [247, 255]). */
const OFIQ_DARK_MAX = 25;
const OFIQ_BRIGHT_MIN = 247;

/** A pixel whose three channels are all at or below this (of 255, about 0.3% of white in linear
 *  light) is clipped to black: the sensor recorded nothing there. In a correctly exposed photo
 *  only pupils and nostrils get there, whatever the skin tone (Monk 10's swatch is 41, 36, 32 and
 *  its shaded rim stays above 20). */
const CRUSHED_MAX = 10;

/** Bins of the relative-detail histogram: this many per median tone (so the histogram of a face
 *  and of the same face darker have the same shape), never narrower than one 8-bit level. */
const RELATIVE_BINS_PER_MEDIAN = 32;

export interface FaceStats {
  samples: number;
  /** Mean linear luminance Y (0–1). */
  meanLuminance: number;
  /** Share of samples in OFIQ's dark range (luminance image ≤ 25). */
  darkFraction: number;
  /** Share of samples in OFIQ's bright range (luminance image ≥ 247): clipped to white. */
  brightFraction: number;
  /** Share of samples clipped to black (every channel ≤ CRUSHED_MAX). */
  crushedFraction: number;
  /** Median sRGB-encoded luminance (0–255): the face's own tone. */
  medianTone: number;
  /** Interquartile range of sRGB-encoded luminance (0–255): the face's own contrast, robust to
   *  small highlights and shadows (glare, sheen, nostrils), which a standard deviation is not. */
  contrast: number;
  /** Shannon entropy (bits) of the histogram of sRGB-encoded luminance in bins of 1/32 of the
   *  median tone: the face's detail relative to its own tone. */
  relativeEntropy: number;
  /** Share of samples in compact near-white blobs well above the face's tone (glare-blobs.ts). */
  glareFraction: number;
}

export function measureFace(image: ImageLike, detected?: FaceFinding): FaceStats {
  const { data } = image;
  const e = faceEllipse(image, detected);
  // Pass 1: exposure counts and the histogram of sRGB-encoded luminance (its median is the tone).
  const histogram = new Uint32Array(256);
  let samples = 0;
  let sumY = 0;
  let dark = 0;
  let bright = 0;
  let crushed = 0;
  forEachInEllipse(image, e, (_x, _y, i) => {
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    const lum = 0.2126 * SRGB_TO_LINEAR[r]! + 0.7152 * SRGB_TO_LINEAR[g]! + 0.0722 * SRGB_TO_LINEAR[b]!;
    const l8 = Math.floor(lum * 255 + 0.5);
    samples++;
    sumY += lum;
    if (l8 <= OFIQ_DARK_MAX) dark++;
    if (l8 >= OFIQ_BRIGHT_MIN) bright++;
    if (r <= CRUSHED_MAX && g <= CRUSHED_MAX && b <= CRUSHED_MAX) crushed++;
    histogram[linearToSrgb8(lum)]!++;
  });
  const n = Math.max(1, samples);
  const quantile = (q: number) => {
    let at = 0;
    for (let v = 0, seen = 0; v < 256 && seen < n * q; v++) {
      at = v;
      seen += histogram[v]!;
    }
    return at;
  };
  const median = quantile(0.5);
  // Relative histogram: the same bins of 256 levels regrouped in widths proportional to the tone.
  const width = Math.max(1, median / RELATIVE_BINS_PER_MEDIAN);
  const relative = new Map<number, number>();
  for (let v = 0; v < 256; v++) {
    if (histogram[v] === 0) continue;
    const bin = Math.floor(v / width);
    relative.set(bin, (relative.get(bin) ?? 0) + histogram[v]!);
  }
  let relativeEntropy = 0;
  for (const count of relative.values()) {
    const p = count / n;
    relativeEntropy -= p * Math.log2(p);
  }
  return {
    samples,
    meanLuminance: sumY / n,
    darkFraction: dark / n,
    brightFraction: bright / n,
    crushedFraction: crushed / n,
    medianTone: median,
    contrast: quantile(0.75) - quantile(0.25),
    relativeEntropy,
    glareFraction: samples === 0 ? 0 : findGlareBlobs(image, e, median) / n,
  };
}
