// The Tiny Face Detector (a TinyYOLOv2 with depthwise-separable convolutions, ~190 k parameters),
// with the weights @vladmandic/face-api ships. Architecture, anchors, input normalization and box
// decoding as in face-api's TinyFaceDetector, re-implemented on tensor.ts:
//   conv 3×3 (valid) + leaky → [maxpool 2×2/2 → separable 3×3 + leaky] × 5 → maxpool 2×2/1
//   → 1×1 conv to 13×13 cells × 5 anchors × (x, y, w, h, score).
// The image is padded to a square at its right or bottom (black) and scaled to INPUT_SIZE.

import type { ImageLike } from "../checks/types.ts";
import type { FaceBox } from "./types.ts";
import { squareInput } from "./resample.ts";
import { conv2d, leakyRelu, maxPool2x2, pointwiseConv2d, separableConv2d, type Tensor } from "./tensor.ts";
import { type WeightMap, take } from "./weights.ts";

/** Network input side. 416 is face-api's default; a passport photo's face is large, so
 *  detection does not need more, and the cost grows with its square. */
export const INPUT_SIZE = 416;
/** Boxes scoring below this are not faces (face-api's default). */
const MIN_SCORE = 0.5;
/** Overlapping boxes above this intersection-over-union are the same face (face-api's value). */
export const NMS_IOU = 0.4;

const MEAN_RGB = [117.001, 114.697, 97.404] as const;
const ANCHORS = [
  [1.603231, 2.094468],
  [6.041143, 7.080126],
  [2.882459, 3.518061],
  [4.266906, 5.178857],
  [9.041765, 10.66308],
] as const;

export interface Detection {
  box: FaceBox;
  score: number;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function runTinyFaceDetector(weights: WeightMap, image: ImageLike): Detection[] {
  const side = Math.max(image.width, image.height);
  const input = squareInput(
    image,
    { x: 0, y: 0, side },
    { x0: 0, y0: 0, x1: image.width, y1: image.height },
    INPUT_SIZE,
    MEAN_RGB,
  );
  let out: Tensor = leakyRelu(
    conv2d(input, take(weights, "conv0/filters"), take(weights, "conv0/bias"), 3, 1, "valid"),
  );
  for (let layer = 1; layer <= 5; layer++) {
    out = maxPool2x2(out, 2);
    out = leakyRelu(
      separableConv2d(
        out,
        take(weights, `conv${layer}/depthwise_filter`),
        take(weights, `conv${layer}/pointwise_filter`),
        take(weights, `conv${layer}/bias`),
        1,
        "same",
      ),
    );
  }
  out = maxPool2x2(out, 1);
  out = pointwiseConv2d(out, take(weights, "conv8/filters"), take(weights, "conv8/bias"));
  return suppressOverlaps(decodeBoxes(out, image));
}

/** Cells × anchors to boxes in image pixels. Coordinates are relative to the scaled image (not
 *  the padded square), as face-api's correction factors make them. */
function decodeBoxes(out: Tensor, image: ImageLike): Detection[] {
  const cells = out.height;
  const scale = INPUT_SIZE / Math.max(image.width, image.height);
  const fx = INPUT_SIZE / Math.round(image.width * scale);
  const fy = INPUT_SIZE / Math.round(image.height * scale);
  const found: Detection[] = [];
  for (let row = 0; row < cells; row++) {
    for (let col = 0; col < cells; col++) {
      for (let a = 0; a < ANCHORS.length; a++) {
        const o = (row * cells + col) * out.channels + a * 5;
        const score = sigmoid(out.data[o + 4]!);
        if (score <= MIN_SCORE) continue;
        const cx = ((col + sigmoid(out.data[o]!)) / cells) * fx;
        const cy = ((row + sigmoid(out.data[o + 1]!)) / cells) * fy;
        const w = ((Math.exp(out.data[o + 2]!) * ANCHORS[a]![0]) / cells) * fx;
        const h = ((Math.exp(out.data[o + 3]!) * ANCHORS[a]![1]) / cells) * fy;
        found.push({
          score,
          box: {
            x: (cx - w / 2) * image.width,
            y: (cy - h / 2) * image.height,
            width: w * image.width,
            height: h * image.height,
          },
        });
      }
    }
  }
  return found;
}

function iou(a: FaceBox, b: FaceBox): number {
  const w = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

/** Greedy non-maximum suppression: best score first, drop what overlaps a kept box. */
function suppressOverlaps(detections: Detection[]): Detection[] {
  const sorted = [...detections].sort((a, b) => b.score - a.score);
  const kept: Detection[] = [];
  for (const d of sorted) if (kept.every((k) => iou(k.box, d.box) <= NMS_IOU)) kept.push(d);
  return kept;
}
