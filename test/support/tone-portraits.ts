// The same real face at every Monk Skin Tone, in a studio-style portrait, for the pixel checks'
// fairness tests (test/unit/photo-tone-fairness.test.ts) and their background, exposure and glare
// cases (test/unit/photo-background-exposure.test.ts).
//
// - recolourFace(): the real face (FACE_SOURCE_FILE, astronaut.png) with its skin recoloured to a
//   Monk Skin Tone swatch as a change of albedo: in linear light each skin pixel's channels are
//   multiplied so that the lit skin lands on the swatch, which keeps the shading, the features'
//   relative contrast and the light's direction. Skin is told from eyes, teeth and highlights by
//   its chroma and hue (eye whites and pupils are nearly neutral and are left as they are).
// - studioPortrait(): the portrait a studio takes: chin to crown 44.5% of the height, and dark
//   clothes whose shoulders reach both sides of the frame in the lower third (the fixtures of
//   photo-fixtures.ts have narrow shoulders that never reach the sides).
// - findingFor(): the face finding the finder would report, from the drawing's own geometry, so
//   that these tests judge the checks and not the face finder.

import { checkBackground } from "../../shared/photo/checks/background.ts";
import { measureBackground } from "../../shared/photo/checks/background-region.ts";
import { checkEyesVisible } from "../../shared/photo/checks/eyes-visible.ts";
import { checkFaceVisible } from "../../shared/photo/checks/face-not-visible.ts";
import { checkGlare } from "../../shared/photo/checks/glare.ts";
import { measureFace } from "../../shared/photo/checks/measure.ts";
import { checkOverexposed } from "../../shared/photo/checks/overexposed.ts";
import { checkTooDark } from "../../shared/photo/checks/too-dark.ts";
import type { CheckResult, FaceFinding, ImageLike } from "../../shared/photo/checks/types.ts";
import { type FaceSource, type PortraitOptions, drawPortrait, prng } from "./photo-fixtures.ts";

/** The Monk Skin Tone scale's ten swatches (Google, 2022), sRGB. */
export const MONK_SKIN_TONES = [
  [246, 237, 228],
  [243, 231, 219],
  [247, 234, 208],
  [234, 218, 186],
  [215, 189, 150],
  [160, 126, 86],
  [130, 92, 67],
  [96, 65, 52],
  [58, 49, 42],
  [41, 36, 32],
] as const;

const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const toSrgb = (y: number) => {
  const v = y <= 0.0031308 ? 12.92 * y : 1.055 * y ** (1 / 2.4) - 0.055;
  return Math.max(0, Math.min(255, Math.round(v * 255)));
};

/** Skin weight 0–1 of an sRGB pixel: warm hue (red ≥ green ≥ blue, roughly) and some chroma. */
function skinWeight(r: number, g: number, b: number): number {
  const spread = Math.max(r, g, b) - Math.min(r, g, b);
  if (r < g || g < b * 0.85) return 0;
  return Math.max(0, Math.min(1, (spread - 12) / 14));
}

/** The lit skin's light as a share of the swatch's: the swatch is the skin's colour seen square
 *  to the light with white at 255; in the portrait the white wall is at 242 (0.89 in linear
 *  light) and the lit parts of a rounded face turn a little away from the light. */
const LIT_SKIN_SHARE = 0.7;

/** The face source with its skin at Monk Skin Tone `tone` (1–10). */
export function recolourFace(source: FaceSource, tone: number): FaceSource {
  const swatch = MONK_SKIN_TONES[tone - 1];
  if (!swatch) throw new RangeError(`no Monk Skin Tone ${tone}`);
  const { data, ellipse: e } = source;
  // The lit skin: the 75th percentile of luminance among the clearly skin pixels of the ellipse.
  const skin: [number, number, number, number][] = [];
  for (let y = 0; y < source.height; y++)
    for (let x = 0; x < source.width; x++) {
      if (((x - e.cx) / e.rx) ** 2 + ((y - e.cy) / e.ry) ** 2 > 0.8) continue;
      const i = (y * source.width + x) * 4;
      if (skinWeight(data[i]!, data[i + 1]!, data[i + 2]!) < 1) continue;
      const lin = [toLinear(data[i]!), toLinear(data[i + 1]!), toLinear(data[i + 2]!)] as const;
      skin.push([0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2], ...lin]);
    }
  skin.sort((p, q) => p[0] - q[0]);
  const lit = skin[Math.floor(skin.length * 0.75)]!;
  const gain = [0, 1, 2].map((c) => (LIT_SKIN_SHARE * toLinear(swatch[c]!)) / lit[c + 1]!);
  const out = new Uint8ClampedArray(data);
  for (let i = 0; i < data.length; i += 4) {
    const w = skinWeight(data[i]!, data[i + 1]!, data[i + 2]!);
    if (w === 0) continue;
    for (let c = 0; c < 3; c++) {
      const recoloured = toSrgb(toLinear(data[i + c]!) * gain[c]!);
      out[i + c] = Math.round(recoloured * w + data[i + c]! * (1 - w));
    }
  }
  return { ...source, data: out };
}

/** Chin to crown of the drawn figure is 0.545 of the height at scale 1: 0.8165 makes it 44.5%. */
const STUDIO_SCALE = 0.445 / 0.545;
/** Face centre moved up so that the crown is 10% below the top edge. */
const STUDIO_DV = 0.1 + 0.335 * STUDIO_SCALE - 0.445;
/** Where the clothes begin: at the neck (0.61 of the height) and at the frame's sides (0.655). */
const COLLAR = 0.61;
const SHOULDER_AT_SIDES = 0.655;

/** What is wrong with (or added to) a studio portrait, applied to the drawn pixels. */
export interface StudioEffects {
  /** Natural sheen of skin under a flash: scattered small near-white highlights on the forehead,
   *  nose and cheekbones, broken up by the skin's texture. */
  sheen?: boolean;
  /** A reflection of the flash on a lens: one compact near-white patch over an eye. */
  lensReflection?: boolean;
  /** Two flash hotspots, blown-out white, on the forehead and a cheek (as drawPortrait's glare). */
  hotspot?: boolean;
  /** Dark glasses over both eyes. */
  darkGlasses?: boolean;
  /** The face's contrast squeezed to 4% around its mean colour: no detail to see. */
  fog?: boolean;
  /** Every sRGB value multiplied by this: < 1 under-exposes the whole photo. */
  exposure?: number;
  /** The face blended toward white by this share (0–1): washed out, over-exposed. */
  washout?: number;
  /** Sheen as a web of thin highlights along the skin's lines on the forehead, all joined in one
   *  blob (2 px lines 8 px apart), with no solid patch anywhere. */
  sheenWeb?: boolean;
}

export interface StudioOptions extends StudioEffects {
  width?: number;
  height?: number;
  seed?: number;
  /** Monk Skin Tone 1–10 (default: the source's own skin). */
  tone?: number;
  background?: PortraitOptions["background"];
  /** The clothes' colour (default a dark jacket). */
  clothes?: readonly [number, number, number];
}

type Pixels = ImageLike & { data: Uint8ClampedArray };

/** A 5:7 studio portrait of the real face (see the file's comment), with `effects` applied. */
export function studioPortrait(source: FaceSource, options: StudioOptions = {}): Pixels {
  const { tone, width = 715, height = 1001, seed = 1, background, clothes = [40, 42, 52], ...effects } = options;
  const face = tone ? recolourFace(source, tone) : source;
  const swatch = tone ? MONK_SKIN_TONES[tone - 1]! : ([214, 168, 140] as const);
  const image = drawPortrait({
    width,
    height,
    seed,
    ...(background ? { background } : {}),
    face,
    skin: [swatch[0] * 0.92, swatch[1] * 0.92, swatch[2] * 0.92],
    figures: [{ scale: STUDIO_SCALE, dv: STUDIO_DV }],
  });
  const { data } = image;
  const random = prng(seed + 1000);
  // Clothes: a dark jacket from the collar down, reaching both sides by SHOULDER_AT_SIDES, with
  // folds; a V of neck skin at the collar.
  for (let y = 0; y < height; y++) {
    const v = y / height;
    for (let x = 0; x < width; x++) {
      const u = x / width;
      const side = Math.abs(2 * u - 1);
      const top = COLLAR + (SHOULDER_AT_SIDES - COLLAR) * side ** 1.5;
      if (v < top) continue;
      if (Math.abs(u - 0.5) < 0.06 - (v - COLLAR) * 0.4) continue; // the neck's V
      const fold = 10 * Math.sin(u * 37 + v * 11) + 6 * Math.sin(u * 9 - v * 23);
      const n = (random() * 2 - 1) * 4;
      const i = (y * width + x) * 4;
      data[i] = clothes[0] + fold + n;
      data[i + 1] = clothes[1] + fold + n;
      data[i + 2] = clothes[2] + fold + n;
    }
  }
  applyEffects(image, source, effects, seed);
  return image;
}

/** A copy of a studio portrait (`base`, from studioPortrait with no effects) with `effects`. */
export function withEffects(base: Pixels, source: FaceSource, effects: StudioEffects, seed = 1): Pixels {
  const image = { width: base.width, height: base.height, data: new Uint8ClampedArray(base.data) };
  applyEffects(image, source, effects, seed);
  return image;
}

function applyEffects(image: Pixels, source: FaceSource, effects: StudioEffects, seed: number) {
  const g = studioGeometry(image.width, image.height, source);
  if (effects.fog) fogFace(image, g);
  if (effects.washout)
    forEachInFace(image, g, (i) => {
      for (let c = 0; c < 3; c++)
        image.data[i + c] = image.data[i + c]! + (255 - image.data[i + c]!) * effects.washout!;
    });
  if (effects.sheenWeb) {
    const cx = (g.leftEye.x + g.rightEye.x) / 2;
    const cy = g.leftEye.y - 0.6 * g.eyeDistance;
    const rx = 0.55 * g.eyeDistance;
    const ry = 0.22 * g.eyeDistance;
    for (let y = Math.floor(cy - ry); y <= Math.ceil(cy + ry); y++)
      for (let x = Math.floor(cx - rx); x <= Math.ceil(cx + rx); x++) {
        if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 > 1) continue;
        if ((x + y) % 8 < 2 || (((x - y) % 8) + 8) % 8 < 2) image.data.set([252, 252, 250], (y * image.width + x) * 4);
      }
  }
  if (effects.sheen) addSheen(image, g, seed);
  if (effects.hotspot) {
    // drawPortrait's two glare spots, at the same places of the figure.
    const { width: w, height: h } = image;
    const spot = (u: number, v: number, ru: number, rv: number) => {
      const c = g.at(u, v);
      paintEllipse(image, c.x, c.y, ru * STUDIO_SCALE * w, rv * STUDIO_SCALE * h, 255);
    };
    spot(0.47, 0.3, 0.035, 0.022);
    spot(0.6, 0.48, 0.03, 0.018);
  }
  if (effects.darkGlasses)
    for (const eye of [g.leftEye, g.rightEye])
      paintEllipse(image, eye.x, eye.y, g.faceRx * 0.3, g.faceRy * 0.16, 22, [20, 20, 22]);
  if (effects.lensReflection) {
    const { leftEye, eyeDistance } = g;
    paintEllipse(image, leftEye.x, leftEye.y - eyeDistance * 0.02, eyeDistance * 0.2, eyeDistance * 0.1, 250);
  }
  // Exposure last, on the whole photo (a dark photo is dark everywhere), in sRGB values as
  // drawPortrait does.
  const exposure = effects.exposure ?? 1;
  if (exposure !== 1)
    for (let i = 0; i < image.data.length; i += 4)
      for (let c = 0; c < 3; c++) image.data[i + c] = image.data[i + c]! * exposure;
}

/** Calls `visit(i)` for the RGBA offset of every pixel of the drawn face ellipse. */
function forEachInFace(image: Pixels, g: StudioGeometry, visit: (i: number) => void) {
  for (let y = Math.floor(g.faceCy - g.faceRy); y <= Math.ceil(g.faceCy + g.faceRy); y++)
    for (let x = Math.floor(g.faceCx - g.faceRx); x <= Math.ceil(g.faceCx + g.faceRx); x++)
      if (((x - g.faceCx) / g.faceRx) ** 2 + ((y - g.faceCy) / g.faceRy) ** 2 <= 1) visit((y * image.width + x) * 4);
}

/** The face ellipse's contrast squeezed to 4% around its mean colour (drawPortrait's faceContrast). */
function fogFace(image: Pixels, g: StudioGeometry) {
  const inside: number[] = [];
  forEachInFace(image, g, (i) => inside.push(i));
  const mean = [0, 1, 2].map((c) => inside.reduce((sum, i) => sum + image.data[i + c]!, 0) / inside.length);
  for (const i of inside)
    for (let c = 0; c < 3; c++) image.data[i + c] = mean[c]! + (image.data[i + c]! - mean[c]!) * 0.04;
}

function paintEllipse(
  image: Pixels,
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  level: number,
  rgb: readonly [number, number, number] = [level, level, level - 3],
) {
  for (let y = Math.floor(cy - ry); y <= Math.ceil(cy + ry); y++)
    for (let x = Math.floor(cx - rx); x <= Math.ceil(cx + rx); x++) {
      if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 > 1) continue;
      const i = (y * image.width + x) * 4;
      image.data.set(rgb, i);
    }
}

/** Sheen: where the flash meets the face head-on (forehead, nose ridge, cheekbones), skin texture
 *  (value noise at 1/45 of the distance between the eyes) lets the specular reflection through in small near-white highlights. */
function addSheen(image: Pixels, g: StudioGeometry, seed: number) {
  const random = prng(seed + 2000);
  const cell = g.eyeDistance / 45; // skin texture scales with the face: 2 px at 715 px wide
  const gw = Math.ceil(image.width / cell) + 1;
  const noise = Float32Array.from({ length: gw * (Math.ceil(image.height / cell) + 1) }, () => random());
  const d = g.eyeDistance;
  const mid = { x: (g.leftEye.x + g.rightEye.x) / 2, y: g.leftEye.y };
  const lobes = [
    { x: mid.x, y: mid.y - 0.55 * d, rx: 0.5 * d, ry: 0.18 * d }, // forehead
    { x: mid.x, y: mid.y + 0.45 * d, rx: 0.1 * d, ry: 0.4 * d }, // nose ridge
    { x: g.leftEye.x - 0.05 * d, y: mid.y + 0.45 * d, rx: 0.22 * d, ry: 0.12 * d }, // cheekbones
    { x: g.rightEye.x + 0.05 * d, y: mid.y + 0.45 * d, rx: 0.22 * d, ry: 0.12 * d },
  ];
  for (const lobe of lobes)
    for (let y = Math.floor(lobe.y - lobe.ry); y <= Math.ceil(lobe.y + lobe.ry); y++)
      for (let x = Math.floor(lobe.x - lobe.rx); x <= Math.ceil(lobe.x + lobe.rx); x++) {
        const r2 = ((x - lobe.x) / lobe.rx) ** 2 + ((y - lobe.y) / lobe.ry) ** 2;
        if (r2 > 1) continue;
        // Bilinear value noise: smooth over a cell, so highlights are specks of a few cells.
        const fx = x / cell;
        const fy = y / cell;
        const x0 = Math.floor(fx);
        const y0 = Math.floor(fy);
        const tx = fx - x0;
        const ty = fy - y0;
        const at = (xx: number, yy: number) => noise[yy * gw + xx]!;
        const value =
          (at(x0, y0) * (1 - tx) + at(x0 + 1, y0) * tx) * (1 - ty) +
          (at(x0, y0 + 1) * (1 - tx) + at(x0 + 1, y0 + 1) * tx) * ty;
        const strength = (1 - r2 / 2) * Math.max(0, (value - 0.55) / 0.25);
        if (strength <= 0) continue;
        const s = Math.min(1, strength);
        const i = (y * image.width + x) * 4;
        for (let c = 0; c < 3; c++) image.data[i + c] = image.data[i + c]! + (252 - image.data[i + c]!) * s;
      }
}

interface StudioGeometry {
  /** A point of the unplaced figure (drawPortrait's u, v) to pixels. */
  at: (u: number, v: number) => { x: number; y: number };
  faceCx: number;
  faceCy: number;
  faceRx: number;
  faceRy: number;
  leftEye: { x: number; y: number };
  rightEye: { x: number; y: number };
  eyeDistance: number;
  box: { x: number; y: number; width: number; height: number };
  chin: { x: number; y: number };
  crown: { x: number; y: number };
}

/** Where drawPortrait puts the face of studioPortrait (its figure scaled and moved, not turned). */
function studioGeometry(width: number, height: number, source: FaceSource): StudioGeometry {
  const s = STUDIO_SCALE;
  // A point of the unplaced figure (u, v) to pixels.
  const at = (u: number, v: number) => ({
    x: (0.5 + (u - 0.5) * s) * width,
    y: (0.445 + STUDIO_DV + (v - 0.445) * s) * height,
  });
  const eye = (p: { x: number; y: number }) =>
    at(
      0.5 + ((p.x - source.ellipse.cx) / source.ellipse.rx) * 0.23,
      0.445 + ((p.y - source.ellipse.cy) / source.ellipse.ry) * 0.21,
    );
  const leftEye = eye(source.leftEye);
  const rightEye = eye(source.rightEye);
  const topLeft = at(0.27, 0.235);
  const bottomRight = at(0.73, 0.655);
  const centre = at(0.5, 0.445);
  return {
    at,
    faceCx: centre.x,
    faceCy: centre.y,
    faceRx: 0.23 * s * width,
    faceRy: 0.21 * s * height,
    leftEye,
    rightEye,
    eyeDistance: Math.sqrt((rightEye.x - leftEye.x) ** 2 + (rightEye.y - leftEye.y) ** 2),
    box: { x: topLeft.x, y: topLeft.y, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y },
    chin: at(0.5, 0.655),
    crown: at(0.5, 0.11),
  };
}

/** The finding a face finder would give for studioPortrait's face (no landmarks: the checks use
 *  the box, eyes, chin and crown). */
export function findingFor(image: ImageLike, source: FaceSource): FaceFinding {
  const { leftEye, rightEye, box, chin, crown } = studioGeometry(image.width, image.height, source);
  const finding = { box, score: 0.95, leftEye, rightEye, chin, crown, roll: 0, pose: null, landmarks: [] };
  return finding;
}

/** The checks of this file's concern, composed as runPixelChecks composes them (checks/index.ts),
 *  for a face finding with no landmarks (the face-geometry checks need the mesh's points). */
export function toneChecks(image: ImageLike, finding?: FaceFinding): Record<ToneCheckId, CheckResult> {
  const face = measureFace(image, finding);
  const background = measureBackground(image, finding ? [finding] : undefined);
  const results = [
    checkTooDark(face, background),
    checkOverexposed(face),
    checkBackground(background),
    checkGlare(face),
    checkFaceVisible(face, finding ? [finding] : undefined),
    ...(finding ? [checkEyesVisible(finding, image, face)] : []),
  ];
  return Object.fromEntries(results.map((r) => [r.id, r])) as Record<ToneCheckId, CheckResult>;
}
export type ToneCheckId =
  | "too_dark"
  | "overexposed"
  | "background_not_white"
  | "glare"
  | "face_not_visible"
  | "eyes_visible";
