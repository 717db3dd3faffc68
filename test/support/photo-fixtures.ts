// Reproducible photo fixtures, used by the unit tests (inside workerd, which cannot read files)
// and by scripts/fixtures/generate-photos.ts (which writes them to disk for manual tries).
//
// Pure TypeScript plus CompressionStream (in workerd, browsers and Node ≥ 18):
//   - drawPortrait(): a synthetic passport-style portrait as RGBA pixels (white background,
//     shoulders, hair, a shaded skin-toned face with eyes, brows, nose and mouth), with knobs for
//     each reason for return (dark, coloured/textured background, glare, low-contrast face…);
//     given a FaceSource (a real face, see below) it pastes that face into the drawn head, so that
//     a face detector finds it, and it can move, scale, tilt or double the figure;
//   - encodePng(): a real, decodable PNG (8/16-bit, RGB/RGBA, optionally Adam7-interlaced);
//   - buildJpeg(): a structurally valid JPEG byte stream (markers, EXIF, scans) for header
//     tests. Its entropy-coded data is random: it is NOT decodable, and is not meant to be;
//   - byte-level hostile files (truncated, bad CRC, huge declared sizes, bombs, …).

import { crc32 } from "../../shared/photo/header.ts";
import type { ImageLike } from "../../shared/photo/checks/types.ts";

// ---------------------------------------------------------------------------------------------
// Seeded PRNG
// ---------------------------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for test noise; same seed, same bytes everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Pixels
// ---------------------------------------------------------------------------------------------

type Rgb = readonly [number, number, number];

export interface PortraitOptions {
  width?: number;
  height?: number;
  seed?: number;
  /** Plain background colour, or a function for patterns. */
  background?: Rgb | ((x: number, y: number, random: () => number) => Rgb);
  skin?: Rgb;
  hair?: Rgb;
  /** Noise amplitude (± this, per channel) everywhere. */
  noise?: number;
  /** Scale the contrast of the face around its mean (1 = normal; 0.05 = fogged/blank). */
  faceContrast?: number;
  /** Blend the face towards white by this share (0–1): a washed-out, over-exposed face. */
  faceWashout?: number;
  /** White specular spots on the forehead and a cheek. */
  glare?: boolean;
  /** Multiply every pixel (sRGB values) by this: < 1 under-exposes the whole photo. */
  exposure?: number;
  /** A real face to paste into the drawn face (realFacePortrait() and realPortraits use it). */
  face?: FaceSource;
  /** Where the figure (head, hair, neck, shoulders) is: one or more (two people). Default: one,
   *  as drawn. */
  figures?: FigurePlacement[];
  /** The back of the head: hair where the face would be (no face to find). */
  faceHidden?: boolean;
  /** Dark glasses over both eyes of the real face. */
  darkGlasses?: boolean;
}

/** The figure moved, scaled and rotated about the face centre (u 0.5, v 0.445). */
interface FigurePlacement {
  /** Shift of the face centre, as shares of the width and height. */
  du?: number;
  dv?: number;
  /** Size factor (1 = as drawn: face ellipse v 0.235–0.655, hair from v 0.11). */
  scale?: number;
  /** Clockwise rotation, degrees (head tilted towards its left shoulder on the image). */
  angle?: number;
}

/**
 * A real face: pixels cropped around one face, with the ellipse (brow line and a little forehead
 * down to the chin, cheek to cheek) that drawPortrait maps onto its drawn face, and the eye
 * centres, all in the crop's pixels. Made by scripts/fixtures/face-source.ts: FACE_SOURCE_FILE
 * from matplotlib's grace_hopper.jpg (neutral, mouth closed), SMILING_FACE_SOURCE_FILE from
 * scikit-image's astronaut.png (smiling, teeth showing).
 */
export interface FaceSource {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  ellipse: { cx: number; cy: number; rx: number; ry: number };
  leftEye: { x: number; y: number };
  rightEye: { x: number; y: number };
}

/** Where the generator writes the face sources (relative to the repository root). */
export const FACE_SOURCE_FILE = "test/fixtures/photos/face-source.bin";
export const SMILING_FACE_SOURCE_FILE = "test/fixtures/photos/face-source-smiling.bin";
const FACE_SOURCE_MAGIC = 0x46414345; // "FACE"

/** FaceSource ⇄ bytes: magic, width, height (u32), 8 float32 (ellipse, eyes), then RGBA. */
export function serializeFaceSource(source: FaceSource): Uint8Array {
  const header = 12 + 8 * 4;
  const bytes = new Uint8Array(header + source.data.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, FACE_SOURCE_MAGIC);
  view.setUint32(4, source.width);
  view.setUint32(8, source.height);
  const { ellipse: e, leftEye: l, rightEye: r } = source;
  [e.cx, e.cy, e.rx, e.ry, l.x, l.y, r.x, r.y].forEach((v, i) => {
    view.setFloat32(12 + i * 4, v);
  });
  bytes.set(source.data, header);
  return bytes;
}

export function parseFaceSource(buffer: ArrayBuffer | Uint8Array): FaceSource {
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 44 || view.getUint32(0) !== FACE_SOURCE_MAGIC) throw new Error("not a face source file");
  const width = view.getUint32(4);
  const height = view.getUint32(8);
  const f = (i: number) => view.getFloat32(12 + i * 4);
  const data = new Uint8ClampedArray(bytes.subarray(44, 44 + width * height * 4)); // a copy
  if (data.length !== width * height * 4) throw new Error("face source file is truncated");
  return {
    width,
    height,
    data,
    ellipse: { cx: f(0), cy: f(1), rx: f(2), ry: f(3) },
    leftEye: { x: f(4), y: f(5) },
    rightEye: { x: f(6), y: f(7) },
  };
}

/** Bilinear sample of the source at (x, y), edge pixels repeated. */
function sampleSource(source: FaceSource, x: number, y: number): number[] {
  const x0 = Math.max(0, Math.min(source.width - 1, Math.floor(x)));
  const y0 = Math.max(0, Math.min(source.height - 1, Math.floor(y)));
  const x1 = Math.min(source.width - 1, x0 + 1);
  const y1 = Math.min(source.height - 1, y0 + 1);
  const fx = Math.max(0, Math.min(1, x - x0));
  const fy = Math.max(0, Math.min(1, y - y0));
  const at = (xx: number, yy: number, c: number) => source.data[(yy * source.width + xx) * 4 + c]!;
  return [0, 1, 2].map(
    (c) =>
      (at(x0, y0, c) * (1 - fx) + at(x1, y0, c) * fx) * (1 - fy) + (at(x0, y1, c) * (1 - fx) + at(x1, y1, c) * fx) * fy,
  );
}

export const WHITE: Rgb = [242, 242, 240];
const LIGHT_SKIN: Rgb = [224, 176, 146];
const DARK_SKIN: Rgb = [92, 60, 44];

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) =>
  ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

/**
 * A synthetic 5:7 portrait, drawn in relative coordinates (u = x / width, v = y / height):
 * hair from the crown at v ≈ 0.11, face ellipse v 0.235–0.655 (chin to crown ≈ 0.47 of the height,
 * within the 44–51% rule), eyes at v 0.41, shoulders from v ≈ 0.8.
 */
export function drawPortrait(options: PortraitOptions = {}): ImageLike & { data: Uint8ClampedArray } {
  const width = options.width ?? 900;
  const height = options.height ?? 1260;
  const random = prng(options.seed ?? 1);
  const noise = options.noise ?? 4;
  const skin = options.skin ?? LIGHT_SKIN;
  const hair = options.hair ?? [58, 40, 30];
  const contrast = options.faceContrast ?? 1;
  const washout = options.faceWashout ?? 0;
  const exposure = options.exposure ?? 1;
  const background = options.background ?? WHITE;
  const data = new Uint8ClampedArray(width * height * 4);
  const faceMean = skin.map((c) => c * 0.9);

  const placements = (options.figures ?? [{}]).map((f) => {
    const angle = ((f.angle ?? 0) * Math.PI) / 180;
    return { du: f.du ?? 0, dv: f.dv ?? 0, scale: f.scale ?? 1, cos: Math.cos(angle), sin: Math.sin(angle) };
  });
  const source = options.face;
  // The real face's eyes, in the drawn face ellipse's unit coordinates.
  const sourceEyes = source
    ? [source.leftEye, source.rightEye].map((p) => ({
        x: (p.x - source.ellipse.cx) / source.ellipse.rx,
        y: (p.y - source.ellipse.cy) / source.ellipse.ry,
      }))
    : [];

  /** The figure's colour at (u, v) in its own (unplaced) coordinates, or undefined for background. */
  const figureAt = (u: number, v: number): { rgb: number[]; isFace: boolean } | undefined => {
    if (inEllipse(u, v, 0.5, 0.445, 0.23, 0.21)) {
      if (options.faceHidden) return { rgb: [...hair], isFace: false };
      // Shading: darker towards the edge of the face, like a rounded, front-lit face.
      const d = ((u - 0.5) / 0.23) ** 2 + ((v - 0.445) / 0.21) ** 2;
      let shade = 1 - 0.3 * d;
      if (Math.abs(u - 0.5) < 0.012 && v > 0.43 && v < 0.52) shade *= 0.85; // nose shadow
      let rgb = skin.map((c) => c * shade);
      if (source) {
        // The real face, its ellipse mapped onto this one, blended into the drawn skin at the rim.
        const ex = (u - 0.5) / 0.23;
        const ey = (v - 0.445) / 0.21;
        const real = sampleSource(
          source,
          source.ellipse.cx + ex * source.ellipse.rx,
          source.ellipse.cy + ey * source.ellipse.ry,
        );
        const w = d < 0.8 ? 1 : Math.max(0, (1 - d) / 0.2);
        rgb = rgb.map((c, i) => real[i]! * w + c * (1 - w));
        // Dark lenses, taller than the eye: sunglasses' lenses reach well below the lower lid. At
        // 0.16 of the face's height the bottom of Grace Hopper's irises showed under them, and the
        // attention mesh, which puts her eyes a little lower than the plain mesh did, then saw
        // an eye (decision 029).
        if (options.darkGlasses)
          for (const eye of sourceEyes) if (inEllipse(ex, ey, eye.x, eye.y, 0.3, 0.22)) rgb = [20, 20, 22];
        return { rgb, isFace: true };
      }
      for (const eu of [0.41, 0.59]) {
        if (inEllipse(u, v, eu, 0.37, 0.05, 0.009)) rgb = [62, 44, 36]; // brow
        if (inEllipse(u, v, eu, 0.41, 0.042, 0.017)) rgb = [222, 218, 214]; // white of the eye
        if (inEllipse(u, v, eu, 0.41, 0.014, 0.01)) rgb = [70, 48, 34]; // iris
        if (inEllipse(u, v, eu, 0.41, 0.006, 0.0043)) rgb = [16, 12, 12]; // pupil
      }
      if (inEllipse(u, v, 0.5, 0.56, 0.06, 0.014)) rgb = [skin[0] * 0.72, skin[1] * 0.5, skin[2] * 0.5]; // mouth
      return { rgb, isFace: true };
    }
    if (inEllipse(u, v, 0.5, 0.36, 0.29, 0.25) && v < 0.5) return { rgb: [...hair], isFace: false };
    if (u > 0.42 && u < 0.58 && v > 0.6 && v < 0.82) return { rgb: skin.map((c) => c * 0.8), isFace: false }; // neck, in the chin's shadow
    if (inEllipse(u, v, 0.5, 1.08, 0.5, 0.3)) return { rgb: [46, 58, 84], isFace: false }; // shoulders, dark blue top
    return undefined;
  };

  for (let y = 0; y < height; y++) {
    const v = y / height;
    for (let x = 0; x < width; x++) {
      const u = x / width;
      let rgb: number[] | undefined;
      let isFace = false;
      let fu = u;
      let fv = v;
      for (const p of placements) {
        // Undo the placement: pixel offsets from the placed face centre, rotated back, unscaled.
        const px = (u - 0.5 - p.du) * width;
        const py = (v - 0.445 - p.dv) * height;
        const qu = 0.5 + (p.cos * px + p.sin * py) / p.scale / width;
        const qv = 0.445 + (-p.sin * px + p.cos * py) / p.scale / height;
        const hit = figureAt(qu, qv);
        if (hit) {
          ({ rgb, isFace } = hit);
          fu = qu;
          fv = qv;
          break;
        }
      }
      if (!rgb) rgb = typeof background === "function" ? [...background(x, y, random)] : [...background];
      if (isFace) {
        if (contrast !== 1) rgb = rgb.map((c, i) => faceMean[i]! + (c - faceMean[i]!) * contrast);
        if (washout > 0) rgb = rgb.map((c) => c + (255 - c) * washout);
        if (options.glare) {
          const spots = [
            [0.47, 0.3, 0.035, 0.022],
            [0.6, 0.48, 0.03, 0.018],
          ] as const;
          for (const [cu, cv, ru, rv] of spots) if (inEllipse(fu, fv, cu, cv, ru, rv)) rgb = [255, 255, 255];
        }
      }
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) {
        const n = noise > 0 ? (random() * 2 - 1) * noise : 0;
        data[i + c] = clamp((rgb[c]! + n) * exposure);
      }
      data[i + 3] = 255;
    }
  }
  return { width, height, data };
}

/** Named pixel fixtures: each reason for return, plus valid ones (light and dark skin). */
export const portraits = {
  valid: () => drawPortrait({ seed: 1 }),
  validDarkSkin: () => drawPortrait({ seed: 2, skin: DARK_SKIN, hair: [22, 18, 18] }),
  tooDark: () => drawPortrait({ seed: 3, exposure: 0.15 }),
  greyBackground: () => drawPortrait({ seed: 4, background: [150, 150, 150] }),
  blueBackground: () => drawPortrait({ seed: 5, background: [150, 190, 235] }),
  texturedBackground: () =>
    drawPortrait({
      seed: 6,
      // A patterned wall: 36-pixel checks of white and mid grey.
      background: (x, y) => ((Math.floor(x / 36) + Math.floor(y / 36)) % 2 === 0 ? WHITE : [160, 158, 150]),
    }),
  glare: () => drawPortrait({ seed: 7, glare: true }),
  lowContrastFace: () => drawPortrait({ seed: 8, faceContrast: 0.04, noise: 1 }),
  overexposed: () => drawPortrait({ seed: 9, faceWashout: 0.97, noise: 2 }),
} satisfies Record<string, () => ImageLike>;
export type PortraitName = keyof typeof portraits;

/** Chin to crown of the drawn figure is 0.545 of the height; this scale makes it ≈ 0.475, inside
 *  the 44–51% rule, as a photographer would frame it. */
export const VALID_FIGURE_SCALE = 0.87;

/** Portraits with a real face (`source`: FACE_SOURCE_FILE; `smilingSource`:
 *  SMILING_FACE_SOURCE_FILE), for face detection and the face checks: valid ones and one for each
 *  face-related reason for return. */
export function realPortraits(source: FaceSource, smilingSource: FaceSource) {
  const placed = (figure: FigurePlacement = {}) => [{ scale: VALID_FIGURE_SCALE, ...figure }];
  const draw = (options: PortraitOptions) => drawPortrait({ face: source, figures: placed(), ...options });
  return {
    valid: () => draw({ seed: 31 }),
    validDarkHair: () => draw({ seed: 32, hair: [22, 18, 18], figures: placed({ du: 0.02, scale: 0.9 }) }),
    tooDark: () => draw({ seed: 33, exposure: 0.15 }),
    greyBackground: () => draw({ seed: 34, background: [200, 200, 198] }),
    glare: () => draw({ seed: 35, glare: true }),
    offCentre: () => draw({ seed: 36, figures: placed({ du: 0.17 }) }),
    tilted: () => draw({ seed: 37, figures: placed({ angle: 14 }) }),
    headTooSmall: () => draw({ seed: 38, figures: placed({ scale: 0.62 }) }),
    headTooLarge: () => draw({ seed: 39, figures: placed({ scale: 1.12, dv: 0.03 }) }),
    twoFaces: () =>
      draw({
        seed: 40,
        figures: [
          { scale: 0.5, du: -0.23 },
          { scale: 0.5, du: 0.23 },
        ],
      }),
    noFace: () => draw({ seed: 41, faceHidden: true }),
    darkGlasses: () => draw({ seed: 42, darkGlasses: true }),
    smiling: () => drawPortrait({ face: smilingSource, figures: placed(), seed: 43 }),
  } satisfies Record<string, () => ImageLike>;
}
export type RealPortraitName = keyof ReturnType<typeof realPortraits>;

// ---------------------------------------------------------------------------------------------
// Bytes
// ---------------------------------------------------------------------------------------------

export function concatBytes(parts: (Uint8Array | number[])[]): Uint8Array {
  const arrays = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrays.reduce((s, a) => s + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}
const u16be = (v: number) => [(v >> 8) & 255, v & 255];
const u32be = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const text = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

export async function zlib(raw: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(raw)]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// --- PNG -------------------------------------------------------------------------------------

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngChunk(type: string, data: Uint8Array | number[] = []): Uint8Array {
  const body = concatBytes([text(type), data]);
  return concatBytes([u32be(body.length - 4), body, u32be(crc32(body))]);
}

export function ihdr(width: number, height: number, bitDepth = 8, colorType = 2, interlace = 0): Uint8Array {
  return pngChunk("IHDR", [...u32be(width), ...u32be(height), bitDepth, colorType, 0, 0, interlace]);
}

/** Adam7 passes: [x start, y start, x step, y step]. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

interface PngEncodeOptions {
  bitDepth?: 8 | 16;
  alpha?: boolean;
  interlace?: boolean;
  /** Extra chunks written after IHDR (e.g. tEXt, eXIf, tIME). */
  extraChunks?: Uint8Array[];
}

/** A real PNG of the pixels (filter type 0 on every row), decodable by any PNG decoder. */
export async function encodePng(image: ImageLike, options: PngEncodeOptions = {}): Promise<Uint8Array> {
  const { width, height, data } = image;
  const bitDepth = options.bitDepth ?? 8;
  const channels = options.alpha ? 4 : 3;
  const bytesPerSample = bitDepth / 8;
  const passes = options.interlace ? ADAM7 : ([[0, 0, 1, 1]] as const);
  const rows: Uint8Array[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const passWidth = Math.ceil((width - x0) / dx);
    if (passWidth <= 0) continue;
    for (let y = y0; y < height; y += dy) {
      const row = new Uint8Array(1 + passWidth * channels * bytesPerSample);
      let o = 1;
      for (let x = x0; x < width; x += dx) {
        const i = (y * width + x) * 4;
        for (let c = 0; c < channels; c++) {
          const v = data[i + c]!;
          row[o++] = v;
          if (bytesPerSample === 2) row[o++] = v; // 16-bit: v * 257, big-endian
        }
      }
      rows.push(row);
    }
  }
  const idat = await zlib(concatBytes(rows));
  return concatBytes([
    PNG_SIGNATURE,
    ihdr(width, height, bitDepth, options.alpha ? 6 : 2, options.interlace ? 1 : 0),
    ...(options.extraChunks ?? []),
    pngChunk("IDAT", idat),
    pngChunk("IEND"),
  ]);
}

/** A small, valid greyscale PNG (header tests do not need real pictures). */
export async function smallPng(width = 1000, height = 1400, extraChunks: Uint8Array[] = []): Promise<Uint8Array> {
  const raw = new Uint8Array((width + 1) * height).fill(200);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0;
  return concatBytes([
    PNG_SIGNATURE,
    ihdr(width, height, 8, 0),
    ...extraChunks,
    pngChunk("IDAT", await zlib(raw)),
    pngChunk("IEND"),
  ]);
}

export const tEXt = (keyword: string, value: string) => pngChunk("tEXt", [...text(keyword), 0, ...text(value)]);
export const tIME = () => pngChunk("tIME", [...u16be(2026), 11, 23, 12, 0, 0]);

// --- JPEG ------------------------------------------------------------------------------------

/** An EXIF APP1 segment with IFD0 holding Orientation (0x0112) and one other tag before it. */
export function exifSegment(orientation: number, byteOrder: "II" | "MM" = "II"): Uint8Array {
  const le = byteOrder === "II";
  const w16 = (v: number) => (le ? [v & 255, (v >> 8) & 255] : u16be(v));
  const w32 = (v: number) => (le ? [v & 255, (v >> 8) & 255, (v >> 16) & 255, (v >>> 24) & 255] : u32be(v));
  const tiff = [
    ...text(byteOrder),
    ...w16(42),
    ...w32(8),
    ...w16(2), // two entries
    ...w16(0x010f),
    ...w16(2),
    ...w32(4),
    ...text("ACM"),
    0, // Make = "ACM\0" inline
    ...w16(0x0112),
    ...w16(3),
    ...w32(1),
    ...w16(orientation),
    0,
    0,
    ...w32(0), // no next IFD
  ];
  const payload = [...text("Exif"), 0, 0, ...tiff];
  return concatBytes([[0xff, 0xe1, ...u16be(payload.length + 2)], payload]);
}

export function segment(marker: number, payload: number[] | Uint8Array): Uint8Array {
  return concatBytes([[0xff, marker, ...u16be(payload.length + 2)], payload]);
}

interface JpegBuildOptions {
  width?: number;
  height?: number;
  components?: number;
  /** Frame marker: 0xC0 baseline, 0xC1 extended, 0xC2 progressive, 0xC3 lossless, 0xC9 arithmetic… */
  sof?: number;
  precision?: number;
  orientation?: number;
  byteOrder?: "II" | "MM";
  xmp?: boolean;
  app13?: boolean;
  comment?: string;
  icc?: boolean;
  jfifThumbnail?: boolean;
  adobeTransform?: number;
  scans?: number;
  eoi?: boolean;
  trailing?: Uint8Array | number[];
  seed?: number;
}

/** A structurally valid JPEG: SOI, APP0 JFIF, optional metadata, DQT, SOFn, DHT, SOS + data…, EOI. */
export function buildJpeg(o: JpegBuildOptions = {}): Uint8Array {
  const width = o.width ?? 1000;
  const height = o.height ?? 1400;
  const components = o.components ?? 3;
  const random = prng(o.seed ?? 11);
  const parts: (Uint8Array | number[])[] = [[0xff, 0xd8]];
  const jfif = [...text("JFIF"), 0, 1, 2, 1, 0, 72, 0, 72];
  parts.push(segment(0xe0, o.jfifThumbnail ? [...jfif, 2, 2, ...new Array(12).fill(128)] : [...jfif, 0, 0]));
  if (o.orientation !== undefined) parts.push(exifSegment(o.orientation, o.byteOrder));
  if (o.xmp)
    parts.push(
      segment(0xe1, [...text("http://ns.adobe.com/xap/1.0/"), 0, ...text("<x:xmpmeta>GPS 45.42,-75.69</x:xmpmeta>")]),
    );
  if (o.icc) parts.push(segment(0xe2, [...text("ICC_PROFILE"), 0, 1, 1, ...new Array(128).fill(7)]));
  if (o.app13) parts.push(segment(0xed, [...text("Photoshop 3.0"), 0, ...text("8BIM"), 4, 4, 0, 0, 0, 0, 0, 0]));
  if (o.comment !== undefined) parts.push(segment(0xfe, text(o.comment)));
  if (o.adobeTransform !== undefined)
    parts.push(segment(0xee, [...text("Adobe"), 0, 100, 0, 0, 0, 0, o.adobeTransform]));
  parts.push(segment(0xdb, [0, ...new Array(64).fill(1)])); // DQT
  const sofPayload = [o.precision ?? 8, ...u16be(height), ...u16be(width), components];
  for (let c = 0; c < components; c++) sofPayload.push(c + 1, c === 0 ? 0x22 : 0x11, 0);
  parts.push(segment(o.sof ?? 0xc0, sofPayload));
  parts.push(segment(0xc4, [0x00, ...new Array(16).fill(0).map((_, i) => (i === 0 ? 1 : 0)), 0])); // DHT (one code)
  parts.push(segment(0xdd, u16be(0))); // DRI
  const scans = o.scans ?? 1;
  for (let s = 0; s < scans; s++) {
    const sos = [components];
    for (let c = 0; c < components; c++) sos.push(c + 1, 0x00);
    sos.push(0, 63, 0);
    parts.push(segment(0xda, sos));
    // Entropy-coded data: random bytes, 0xFF stuffed as FF 00, with a restart marker inside.
    const data: number[] = [];
    for (let i = 0; i < 300; i++) {
      const b = Math.floor(random() * 256);
      data.push(b);
      if (b === 0xff) data.push(0x00);
      if (i === 150) data.push(0xff, 0xd0);
    }
    parts.push(data);
  }
  if (o.eoi !== false) parts.push([0xff, 0xd9]);
  if (o.trailing) parts.push(o.trailing);
  return concatBytes(parts);
}

// --- Hostile and odd files ---------------------------------------------------------------------

/** ISO-BMFF `ftyp` box of a HEIC file (what an iPhone writes), plus a little filler. */
export function heicLike(): Uint8Array {
  return concatBytes([
    u32be(24),
    text("ftypheic"),
    u32be(0),
    text("mif1heic"),
    u32be(8),
    text("mdat"),
    new Array(64).fill(0),
  ]);
}

/** A PNG whose IHDR declares width × height but whose IDAT is a tiny, incomplete stream. */
export async function hugeDeclaredPng(width = 30000, height = 30000): Promise<Uint8Array> {
  return concatBytes([
    PNG_SIGNATURE,
    ihdr(width, height, 8, 2),
    pngChunk("IDAT", await zlib(new Uint8Array(1024))),
    pngChunk("IEND"),
  ]);
}

/** A complete, valid 10000×10000 1-bit greyscale PNG of zeros: ~12 MB of scanlines deflate to a
 *  few KB, and decode to 400 MB of RGBA. */
export async function decompressionBombPng(side = 10000): Promise<Uint8Array> {
  const rowBytes = 1 + Math.ceil(side / 8);
  return concatBytes([
    PNG_SIGNATURE,
    ihdr(side, side, 1, 0),
    pngChunk("IDAT", await zlib(new Uint8Array(rowBytes * side))),
    pngChunk("IEND"),
  ]);
}

/** Flips one byte inside the first IDAT's data, so its CRC no longer matches. */
export function corruptPngCrc(png: Uint8Array): Uint8Array {
  const copy = png.slice();
  const idat = findAscii(copy, "IDAT");
  copy[idat + 6] = copy[idat + 6]! ^ 0x55;
  return copy;
}

/** Inserts segments right after SOI (e.g. an EXIF block into an encoder's output). */
export function insertAfterSoi(jpeg: Uint8Array, ...segments: Uint8Array[]): Uint8Array {
  return concatBytes([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)]);
}

export function findAscii(bytes: Uint8Array, s: string, from = 0): number {
  outer: for (let i = from; i + s.length <= bytes.length; i++) {
    for (let j = 0; j < s.length; j++) if (bytes[i + j] !== s.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}
