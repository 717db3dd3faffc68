// sRGB encoding: 8-bit channel values to linear light and back (IEC 61966-2-1), and a pixel's
// luminance. Luminance follows OFIQ (the open-source reference implementation of ISO/IEC 29794-5,
// face image quality): each channel linearised, Y = 0.2126 R + 0.7152 G + 0.0722 B.

/** sRGB (0–255) to linear light (0–1). */
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

/** Linear luminance Y (0–1) of the pixel at byte offset `i` of RGBA `data`. */
export function luminanceAt(data: Uint8ClampedArray | Uint8Array, i: number): number {
  return (
    0.2126 * SRGB_TO_LINEAR[data[i]!]! + 0.7152 * SRGB_TO_LINEAR[data[i + 1]!]! + 0.0722 * SRGB_TO_LINEAR[data[i + 2]!]!
  );
}
