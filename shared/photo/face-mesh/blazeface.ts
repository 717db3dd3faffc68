// MediaPipe's short-range BlazeFace (face_detection_short_range.tflite): the image letterboxed into
// 128 × 128, 896 anchors, boxes and 6 keypoints decoded, then weighted non-maximum suppression.
// Options as in MediaPipe's face_detection_short_range graph (SsdAnchorsCalculator,
// TensorsToDetectionsCalculator, NonMaxSuppressionCalculator with algorithm WEIGHTED).

import type { Graph } from "./graph.ts";
import { sigmoid } from "./math.ts";
import type { FaceKeypoints, RgbaImage } from "./types.ts";

const DETECTOR_INPUT = 128;
/** Detections scoring below this are dropped (MediaPipe's min_score_thresh). */
const MIN_DETECTION_SCORE = 0.5;
/** Boxes overlapping more than this (IoU) are one face (MediaPipe's min_suppression_threshold). */
const NMS_IOU = 0.3;
/** The raw score is clipped to ± this before the sigmoid (score_clipping_thresh). */
const SCORE_CLIP = 100;
/** Source samples per network input pixel, per axis, at most: at 2000×2800 an input pixel covers
 *  22 × 22 source pixels; 6 × 6 of them, evenly spread, average out sensor noise while reading 1/13. */
const MAX_SAMPLES = 6;

/** Anchor centres in input pixels: stride 8 (16×16 cells, 2 anchors), stride 16 (8×8, 6 anchors). */
const ANCHORS: Float64Array = (() => {
  const out: number[] = [];
  for (const [stride, perCell] of [
    [8, 2],
    [16, 6],
  ] as const) {
    const cells = DETECTOR_INPUT / stride;
    for (let y = 0; y < cells; y++)
      for (let x = 0; x < cells; x++)
        for (let a = 0; a < perCell; a++) out.push((x + 0.5) * stride, (y + 0.5) * stride);
  }
  return Float64Array.from(out);
})();

export interface Detection {
  /** Box corners and keypoints in image pixels. */
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** 6 × (x, y) */
  keypoints: number[];
  score: number;
}

/** Where the image sits in the 128 × 128 input: scale and the letterbox's offsets. */
interface Letterbox {
  scale: number;
  padX: number;
  padY: number;
}

function letterbox(image: RgbaImage): Letterbox {
  const scale = DETECTOR_INPUT / Math.max(image.width, image.height);
  return { scale, padX: (DETECTOR_INPUT - image.width * scale) / 2, padY: (DETECTOR_INPUT - image.height * scale) / 2 };
}

/** The network input: each input pixel the mean of an even grid of samples over the source
 *  pixels it covers (black outside the image), as v / 127.5 − 1. */
function detectorInput(image: RgbaImage): Float32Array {
  const { scale, padX, padY } = letterbox(image);
  const size = DETECTOR_INPUT;
  const out = new Float32Array(size * size * 3);
  const cover = 1 / scale; // source pixels per input pixel
  const n = Math.max(1, Math.min(MAX_SAMPLES, Math.ceil(cover)));
  const { width, height, data } = image;
  // Source column of each sample, per input column (−1 outside the image).
  const columns = new Int32Array(size * n);
  for (let ox = 0; ox < size; ox++) {
    for (let s = 0; s < n; s++) {
      const x = Math.floor((ox + (s + 0.5) / n - padX) * cover);
      columns[ox * n + s] = x >= 0 && x < width ? x : -1;
    }
  }
  const samples = n * n;
  for (let oy = 0; oy < size; oy++) {
    for (let ox = 0; ox < size; ox++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sy = 0; sy < n; sy++) {
        const y = Math.floor((oy + (sy + 0.5) / n - padY) * cover);
        if (y < 0 || y >= height) continue;
        const row = y * width;
        for (let sx = 0; sx < n; sx++) {
          const x = columns[ox * n + sx]!;
          if (x < 0) continue;
          const i = (row + x) * 4;
          r += data[i]!;
          g += data[i + 1]!;
          b += data[i + 2]!;
        }
      }
      const o = (oy * size + ox) * 3;
      out[o] = r / samples / 127.5 - 1;
      out[o + 1] = g / samples / 127.5 - 1;
      out[o + 2] = b / samples / 127.5 - 1;
    }
  }
  return out;
}

const iou = (a: Detection, b: Detection): number => {
  const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
  const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / ((a.xMax - a.xMin) * (a.yMax - a.yMin) + (b.xMax - b.xMin) * (b.yMax - b.yMin) - inter);
};

/** Weighted NMS: each kept face is the score-weighted mean of the boxes and keypoints that
 *  overlap the best remaining one, with that one's score. */
function weightedNms(detections: Detection[]): Detection[] {
  let remaining = [...detections].sort((a, b) => b.score - a.score);
  const kept: Detection[] = [];
  while (remaining.length > 0) {
    const best = remaining[0]!;
    const overlapping: Detection[] = [];
    const rest: Detection[] = [];
    for (const d of remaining) (iou(best, d) > NMS_IOU ? overlapping : rest).push(d);
    let total = 0;
    const sum = { xMin: 0, yMin: 0, xMax: 0, yMax: 0, keypoints: new Array<number>(12).fill(0) };
    for (const d of overlapping) {
      total += d.score;
      sum.xMin += d.xMin * d.score;
      sum.yMin += d.yMin * d.score;
      sum.xMax += d.xMax * d.score;
      sum.yMax += d.yMax * d.score;
      for (let k = 0; k < 12; k++) sum.keypoints[k]! += d.keypoints[k]! * d.score;
    }
    kept.push({
      xMin: sum.xMin / total,
      yMin: sum.yMin / total,
      xMax: sum.xMax / total,
      yMax: sum.yMax / total,
      keypoints: sum.keypoints.map((v) => v / total),
      score: best.score,
    });
    remaining = rest;
  }
  return kept;
}

/** Faces found, best first, in image pixels. */
export function runBlazeFace(graph: Graph, image: RgbaImage): Detection[] {
  const [regressors, classificators] = graph.run(detectorInput(image));
  const { scale, padX, padY } = letterbox(image);
  const toX = (v: number) => (v - padX) / scale;
  const toY = (v: number) => (v - padY) / scale;
  const found: Detection[] = [];
  for (let a = 0; a < ANCHORS.length / 2; a++) {
    const logit = Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, classificators![a]!));
    const score = sigmoid(logit);
    if (score < MIN_DETECTION_SCORE) continue;
    const r = a * 16;
    const ax = ANCHORS[2 * a]!;
    const ay = ANCHORS[2 * a + 1]!;
    const cx = ax + regressors![r]!;
    const cy = ay + regressors![r + 1]!;
    const w = regressors![r + 2]!;
    const h = regressors![r + 3]!;
    const keypoints: number[] = [];
    for (let k = 0; k < 6; k++)
      keypoints.push(toX(ax + regressors![r + 4 + 2 * k]!), toY(ay + regressors![r + 5 + 2 * k]!));
    found.push({
      xMin: toX(cx - w / 2),
      yMin: toY(cy - h / 2),
      xMax: toX(cx + w / 2),
      yMax: toY(cy + h / 2),
      keypoints,
      score,
    });
  }
  return weightedNms(found);
}

export function keypointsOf(d: Detection): FaceKeypoints {
  const p = (k: number) => ({ x: d.keypoints[2 * k]!, y: d.keypoints[2 * k + 1]! });
  return { rightEye: p(0), leftEye: p(1), noseTip: p(2), mouth: p(3), rightTragion: p(4), leftTragion: p(5) };
}
