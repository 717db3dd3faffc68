// Where the background is measured (issue 15): beside and ABOVE the head, down to the chin, and
// never on the person. A fixed band along the frame's sides ran down to 70% of the height and
// took in the dark shoulders of every studio portrait framed at 44–45% chin to crown (σ(L*) ≈ 30,
// refused as "texture"); below the chin, clothes reach the sides of a correctly framed photo.
//
// 1. The region is the rows above the chin (the face finder's chin, else the fallback face's
//    bottom), the whole width.
// 2. It is cut into small cells; each cell's mean colour is compared (CIELAB ΔE) with the
//    background's reference colour, the median cell of the top band (a compliant photo has plain
//    background above the head).
// 3. The person's silhouette is found row by row from the chin up: the runs of cells unlike the
//    reference that reach into the face's box (up to the crown), or that touch the silhouette of
//    the row below or above within the head's band (hair); widened by SILHOUETTE_MARGIN cells for the soft
//    edge of hair. Unlike cells that are not part of it (a pattern's motifs and lines, a picture
//    on the wall) stay in the measure: they are what makes a background not plain.
// 4. The statistics are taken on the pixels of the remaining cells, in CIELAB (lab.ts). Each pixel
//    is converted once: the first pass keeps, per cell, every sum the statistics need, and the
//    last step adds up the cells left out of the silhouette (converting every pixel a second time
//    there took 90–130 ms of a 2000×2800 photo's checks).

import { FALLBACK_FACE, samplingStep } from "./face-region.ts";
import { labAt } from "./lab.ts";
import type { FaceFinding, ImageLike } from "./types.ts";

/** Cells about this many to the image's longer side: 5 px on a 900×1260 photo, small enough to
 *  follow hair, large enough to average out noise and JPEG blocks. */
const CELLS_PER_SIDE = 280;
/** Share of the height whose cells give the reference colour (the top band). */
const REFERENCE_BAND = 0.04;
/** A cell further than this (CIELAB ΔE*ab) from the reference is "unlike the background". ΔE 15
 *  is clearly visible (a just-noticeable difference is about 2.3); a white wall's shading and a
 *  soft gradient stay below it, hair and skin of any tone, and blond hair, are far above it. */
const FOREGROUND_DELTA_E = 15;
/** Two neighbouring background cells whose mean L* differ by more than this meet at an edge of a
 *  pattern or an object: a white wall's shading changes by a fraction of that from cell to cell,
 *  noise averaged over a cell by about 0.5. */
const PATTERN_EDGE_LIGHTNESS = 3;
/** The silhouette grows upward (hair) only within the face's box widened by this share of its
 *  width on each side: hair, ears and a hat stay inside it. */
const HEAD_BAND_MARGIN = 0.5;
/** Sweeps up and down the rows at most this many times (each finds what hangs from the last). */
const MAX_SWEEPS = 4;
/** The silhouette widened by this many cells (≈ 10 px at 900 px wide): the blurred edge of hair. */
const SILHOUETTE_MARGIN = 2;

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
  /** Share of pairs of neighbouring background cells that meet at an edge (PATTERN_EDGE_LIGHTNESS):
   *  a pattern or objects, where σ(L*) alone cannot tell a faint pattern from a smooth shadow. */
  edgeShare: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** The head's box in pixels (its sides, its top at the crown) and the chin's height. */
function headRegion(image: ImageLike, detected?: FaceFinding) {
  if (detected) {
    const { box } = detected;
    return {
      left: box.x,
      right: box.x + box.width,
      top: Math.min(box.y, detected.crown.y),
      chin: Math.max(detected.chin.y, box.y + box.height * 0.5),
    };
  }
  return {
    left: image.width * FALLBACK_FACE.left,
    right: image.width * FALLBACK_FACE.right,
    top: image.height * FALLBACK_FACE.top,
    chin: image.height * FALLBACK_FACE.bottom,
  };
}

/** `faces`: every face the finder found (each person's silhouette is left out; two people in the
 *  photo are face_not_visible's to refuse, not the background's); none: the fallback face. */
export function measureBackground(image: ImageLike, faces?: readonly FaceFinding[]): BackgroundStats {
  const { width, height, data } = image;
  const step = samplingStep(image);
  const heads = faces?.length ? faces.map((face) => headRegion(image, face)) : [headRegion(image)];
  const bottom = Math.max(1, Math.min(height, Math.round(Math.max(...heads.map((h) => h.chin)))));
  const cell = Math.max(2, Math.round(Math.max(width, height) / CELLS_PER_SIDE));
  const gw = Math.ceil(width / cell);
  const gh = Math.ceil(bottom / cell);
  const cells = gw * gh;
  // Per cell: the sums of L*, a*, b* (the cell's colour), and of Y, L*² and C* (the statistics).
  const sumL = new Float64Array(cells);
  const sumA = new Float64Array(cells);
  const sumB = new Float64Array(cells);
  const sumY = new Float64Array(cells);
  const sumL2 = new Float64Array(cells);
  const sumC = new Float64Array(cells);
  const count = new Uint32Array(cells);
  for (let y = 0; y < bottom; y += step) {
    const row = Math.floor(y / cell) * gw;
    for (let x = 0; x < width; x += step) {
      const lab = labAt(data, (y * width + x) * 4);
      const c = row + Math.floor(x / cell);
      sumL[c]! += lab.l;
      sumA[c]! += lab.a;
      sumB[c]! += lab.b;
      sumY[c]! += lab.y;
      sumL2[c]! += lab.l * lab.l;
      sumC[c]! += Math.sqrt(lab.a * lab.a + lab.b * lab.b);
      count[c]!++;
    }
  }
  const meanOf = (sums: Float64Array, c: number) => sums[c]! / Math.max(1, count[c]!);

  // The reference: the median cell colour of the top band.
  const bandRows = Math.max(1, Math.min(gh, Math.round((height * REFERENCE_BAND) / cell)));
  const refL: number[] = [];
  const refA: number[] = [];
  const refB: number[] = [];
  for (let c = 0; c < bandRows * gw; c++) {
    refL.push(meanOf(sumL, c));
    refA.push(meanOf(sumA, c));
    refB.push(meanOf(sumB, c));
  }
  const ref = { l: median(refL), a: median(refA), b: median(refB) };
  const unlike = new Uint8Array(cells);
  for (let c = 0; c < cells; c++) {
    const dl = meanOf(sumL, c) - ref.l;
    const da = meanOf(sumA, c) - ref.a;
    const db = meanOf(sumB, c) - ref.b;
    if (dl * dl + da * da + db * db > FOREGROUND_DELTA_E ** 2) unlike[c] = 1;
  }

  // The silhouette, row by row: in each row, the runs of unlike cells that reach into the face's
  // box, or that touch the silhouette in the next row within the head's band (hair wider or
  // higher than the box). Row by row, not a flood over every connected unlike cell: a
  // pattern whose lines join up across the wall (a lattice wallpaper) touches the hair, and a
  // flood carried all of it into the silhouette, which left only the plain ground to measure.
  const person = new Uint8Array(cells);
  const zones = heads.map((head) => {
    const bandMargin = (head.right - head.left) * HEAD_BAND_MARGIN;
    return {
      top: Math.max(0, Math.floor(head.top / cell)),
      boxLeft: Math.floor(head.left / cell),
      boxRight: Math.floor(head.right / cell),
      bandLeft: Math.floor((head.left - bandMargin) / cell),
      bandRight: Math.floor((head.right + bandMargin) / cell),
    };
  });
  // A run joins when it reaches into the box, or touches the silhouette in the row below or above
  // within the band; sweeps up and down until nothing joins (hair hangs down beside the face
  // from the top of the head, the neck comes up from below).
  const sweep = (gy: number, from: number) => {
    const row = gy * gw;
    let joined = false;
    for (let gx = 0; gx < gw; gx++) {
      const c = row + gx;
      if (unlike[c] !== 1 || person[c] === 1) continue;
      const inBox = zones.some((z) => gy >= z.top && gx >= z.boxLeft && gx <= z.boxRight);
      const inBand = zones.some((z) => gx >= z.bandLeft && gx <= z.bandRight);
      const next = from >= 0 && from < gh && person[from * gw + gx] === 1;
      if (!inBox && !(inBand && next)) continue;
      let left = gx;
      while (left > 0 && unlike[row + left - 1] === 1) left--;
      let right = gx;
      while (right < gw - 1 && unlike[row + right + 1] === 1) right++;
      for (let x = left; x <= right; x++) person[row + x] = 1;
      joined = true;
    }
    return joined;
  };
  for (let changed = true, rounds = 0; changed && rounds < MAX_SWEEPS; rounds++) {
    changed = false;
    for (let gy = gh - 1; gy >= 0; gy--) changed = sweep(gy, gy + 1) || changed;
    for (let gy = 0; gy < gh; gy++) changed = sweep(gy, gy - 1) || changed;
  }
  // Widen it (Chebyshev distance SILHOUETTE_MARGIN), rows and then columns.
  const wide = new Uint8Array(cells);
  for (let c = 0; c < cells; c++) {
    if (person[c] !== 1) continue;
    const gx = c % gw;
    const gy = (c - gx) / gw;
    for (let y = Math.max(0, gy - SILHOUETTE_MARGIN); y <= Math.min(gh - 1, gy + SILHOUETTE_MARGIN); y++)
      for (let x = Math.max(0, gx - SILHOUETTE_MARGIN); x <= Math.min(gw - 1, gx + SILHOUETTE_MARGIN); x++)
        wide[y * gw + x] = 1;
  }

  let pairs = 0;
  let edges = 0;
  for (let c = 0; c < cells; c++) {
    if (wide[c] === 1 || count[c] === 0) continue;
    for (const next of [c % gw < gw - 1 ? c + 1 : -1, c + gw < cells ? c + gw : -1]) {
      if (next < 0 || wide[next] === 1 || count[next] === 0) continue;
      pairs++;
      if (Math.abs(meanOf(sumL, c) - meanOf(sumL, next)) > PATTERN_EDGE_LIGHTNESS) edges++;
    }
  }

  // The background's pixels are those of the cells outside the widened silhouette.
  let samples = 0;
  let totalY = 0;
  let totalL = 0;
  let totalL2 = 0;
  let totalC = 0;
  for (let c = 0; c < cells; c++) {
    if (wide[c] === 1) continue;
    samples += count[c]!;
    totalY += sumY[c]!;
    totalL += sumL[c]!;
    totalL2 += sumL2[c]!;
    totalC += sumC[c]!;
  }
  const n = Math.max(1, samples);
  const meanL = totalL / n;
  return {
    samples,
    meanLuminance: totalY / n,
    meanLightness: meanL,
    meanChroma: totalC / n,
    lightnessStdDev: Math.sqrt(Math.max(0, totalL2 / n - meanL * meanL)),
    edgeShare: edges / Math.max(1, pairs),
  };
}
