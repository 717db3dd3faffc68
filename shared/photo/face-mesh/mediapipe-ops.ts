// MediaPipe's three custom TFLite operators (version 2), which the attention face mesh
// (face_landmark_with_attention.tflite) uses to look again, at 16 × 16, at the lips and at each
// eye: Landmarks2TransformMatrix makes a crop's matrix from a set of mesh points,
// TransformTensorBilinear resamples a feature map through it, TransformLandmarks maps the points
// the crop's small network finds back through it. Their arithmetic restated from MediaPipe's CPU
// kernels (mediapipe/util/tflite/operations/*.cc); docs/decisions/029-attention-mesh.md.
//
// A matrix is 4 × 4, row-major, as the graph passes it ([1, 4, 4]); only its first two rows are
// read: (u, v) → (m0·u + m1·v + m3, m4·u + m5·v + m7).
//
// Determinism: the crop's rotation comes as (cos, sin) of the rotation points' direction from a
// square root and divisions, not from atan2, cos and sin, whose last bits differ between engines;
// so a target rotation other than 0 is refused at load (the model's is 0).

import type { FlexValue } from "./flexbuffers.ts";
import type { Shape } from "./kernels.ts";

export interface CropOptions {
  /** The mesh points whose bounding box (in the rotated frame) the crop covers. */
  subset: number[];
  /** The points whose direction the crop is rotated to level. */
  leftRotation: number;
  rightRotation: number;
  width: number;
  height: number;
  scaleX: number;
  scaleY: number;
}

function numberOption(options: Record<string, FlexValue>, key: string): number {
  const v = options[key];
  if (typeof v !== "number") throw new Error(`Landmarks2TransformMatrix: option ${key} missing`);
  return v;
}

/** Reads and checks Landmarks2TransformMatrix's options (its FlexBuffers map). */
export function cropOptions(options: Record<string, FlexValue>, points: number): CropOptions {
  const subset = options.subset_idxs;
  if (!Array.isArray(subset) || subset.length === 0) throw new Error("Landmarks2TransformMatrix: no subset_idxs");
  if (numberOption(options, "target_rotation_radians") !== 0)
    throw new Error("Landmarks2TransformMatrix: a target rotation other than 0");
  const o: CropOptions = {
    subset,
    leftRotation: numberOption(options, "left_rotation_idx"),
    rightRotation: numberOption(options, "right_rotation_idx"),
    width: numberOption(options, "output_width"),
    height: numberOption(options, "output_height"),
    scaleX: numberOption(options, "scale_x"),
    scaleY: numberOption(options, "scale_y"),
  };
  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < points;
  if (!subset.every(inRange) || !inRange(o.leftRotation) || !inRange(o.rightRotation))
    throw new Error("Landmarks2TransformMatrix: a point index out of range");
  if (!(o.width > 0 && o.height > 0 && o.scaleX > 0 && o.scaleY > 0))
    throw new Error("Landmarks2TransformMatrix: a size or scale not above 0");
  return o;
}

/** The matrix from a crop's pixel frame (W × H, continuous) to the landmarks' frame: the subset's
 *  box, in the frame where the rotation points lie level, scaled by scale_x/y and centred.
 *  `landmarks` is [x, y, z] per point. */
export function landmarksToTransformMatrix(landmarks: Float32Array, o: CropOptions): Float32Array {
  const lx = landmarks[3 * o.leftRotation]!;
  const ly = landmarks[3 * o.leftRotation + 1]!;
  const dx = landmarks[3 * o.rightRotation]! - lx;
  const dy = landmarks[3 * o.rightRotation + 1]! - ly;
  const length = Math.sqrt(dx * dx + dy * dy);
  // The crop's x axis along the rotation points (φ = atan2(dy, dx)); atan2(0, 0) = 0.
  const cos = length > 0 ? dx / length : 1;
  const sin = length > 0 ? dy / length : 0;
  // The subset's box in the levelled frame (rotated by −φ).
  let minU = Infinity;
  let maxU = -Infinity;
  let minV = Infinity;
  let maxV = -Infinity;
  for (const i of o.subset) {
    const x = landmarks[3 * i]!;
    const y = landmarks[3 * i + 1]!;
    const u = cos * x + sin * y;
    const v = -sin * x + cos * y;
    if (u < minU) minU = u;
    if (u > maxU) maxU = u;
    if (v < minV) minV = v;
    if (v > maxV) maxV = v;
  }
  const cu = (minU + maxU) / 2;
  const cv = (minV + maxV) / 2;
  // The box's centre rotated back by φ.
  const cx = cos * cu - sin * cv;
  const cy = sin * cu + cos * cv;
  const sx = (o.scaleX * (maxU - minU)) / o.width;
  const sy = (o.scaleY * (maxV - minV)) / o.height;
  const m = new Float32Array(16);
  m[0] = sx * cos;
  m[1] = -sy * sin;
  m[3] = cx - (o.width / 2) * sx * cos + (o.height / 2) * sy * sin;
  m[4] = sx * sin;
  m[5] = sy * cos;
  m[7] = cy - (o.width / 2) * sx * sin - (o.height / 2) * sy * cos;
  m[10] = 1;
  m[15] = 1;
  return m;
}

/** A height × width × channels feature map resampled through `m` into an outHeight × outWidth one:
 *  output pixel (i, j)'s centre mapped to the input, bilinear between the four pixels around it; a
 *  pixel that maps outside the input is 0 in every channel (MediaPipe's rule: no clamping). */
export function transformTensorBilinear(
  input: Float32Array,
  shape: Shape,
  m: Float32Array,
  outHeight: number,
  outWidth: number,
): Float32Array {
  const { height, width, channels } = shape;
  const out = new Float32Array(outHeight * outWidth * channels);
  // (i + 0.5, j + 0.5) through the matrix, then − 0.5 to the input's pixel-centre indices.
  const m3 = m[3]! + 0.5 * m[0]! + 0.5 * m[1]! - 0.5;
  const m7 = m[7]! + 0.5 * m[4]! + 0.5 * m[5]! - 0.5;
  for (let j = 0; j < outHeight; j++) {
    for (let i = 0; i < outWidth; i++) {
      const x = m[0]! * i + m[1]! * j + m3;
      const y = m[4]! * i + m[5]! * j + m7;
      if (x < 0 || x > width - 1 || y < 0 || y > height - 1) continue;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const fx = x - x0;
      const fy = y - y0;
      // On the last row or column the far neighbour's weight is 0: read the near one instead.
      const x1 = x0 < width - 1 ? x0 + 1 : x0;
      const y1 = y0 < height - 1 ? y0 + 1 : y0;
      const a = (y0 * width + x0) * channels;
      const b = (y0 * width + x1) * channels;
      const c = (y1 * width + x0) * channels;
      const d = (y1 * width + x1) * channels;
      const o = (j * outWidth + i) * channels;
      for (let k = 0; k < channels; k++)
        out[o + k] =
          (1 - fy) * ((1 - fx) * input[a + k]! + fx * input[b + k]!) +
          fy * ((1 - fx) * input[c + k]! + fx * input[d + k]!);
    }
  }
  return out;
}

/** Points ([x, y] or [x, y, z] each, `dimensions` per point) mapped through `m`; z is kept. */
export function transformLandmarks(points: Float32Array, dimensions: number, m: Float32Array): Float32Array {
  const out = new Float32Array(points.length);
  for (let k = 0; k < points.length; k += dimensions) {
    const x = points[k]!;
    const y = points[k + 1]!;
    out[k] = m[0]! * x + m[1]! * y + m[3]!;
    out[k + 1] = m[4]! * x + m[5]! * y + m[7]!;
    if (dimensions === 3) out[k + 2] = points[k + 2]!;
  }
  return out;
}
