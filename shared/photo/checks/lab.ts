// sRGB pixels to CIELAB (D65), the space the background and glare thresholds are written in:
// L* is perceived lightness (0 black, 100 white), chroma C* = √(a*² + b*²) how coloured a pixel
// is (0 for neutral grey and white). OFIQ (ISO/IEC 29794-5) uses CIELAB a*, b* for colour too.

import { SRGB_TO_LINEAR } from "./srgb.ts";

// sRGB (D65) linear RGB to CIE XYZ, and the D65 white point.
const XN = 0.95047;
const ZN = 1.08883;
const LAB_EPS = 216 / 24389;
const LAB_K = 24389 / 27;
const labF = (t: number) => (t > LAB_EPS ? Math.cbrt(t) : (LAB_K * t + 16) / 116);

export interface Lab {
  /** Linear luminance Y (0–1). */
  y: number;
  l: number;
  a: number;
  b: number;
}

/** The pixel at byte offset `i` of RGBA `data`, in CIELAB (and its linear luminance). */
export function labAt(data: Uint8ClampedArray | Uint8Array, i: number): Lab {
  const r = SRGB_TO_LINEAR[data[i]!]!;
  const g = SRGB_TO_LINEAR[data[i + 1]!]!;
  const b = SRGB_TO_LINEAR[data[i + 2]!]!;
  const X = 0.4124 * r + 0.3576 * g + 0.1805 * b;
  const Y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const Z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
  const fy = labF(Y);
  return { y: Y, l: 116 * fy - 16, a: 500 * (labF(X / XN) - fy), b: 200 * (fy - labF(Z / ZN)) };
}
