// MediaPipe's face mesh with attention (face_landmark_with_attention.tflite) on one detected face:
// the region of interest as MediaPipe's face_detection_front_detection_to_roi graph makes it (the
// detector's box, made square on its long side, scaled 1.5×, rotated so that the line from the
// right eye to the left eye is level), resampled to 192 × 192 as v / 255, the mesh run, its seven
// outputs merged into MediaPipe's 478 points (refinement.ts), and those mapped back through the
// same rotation into image pixels (LandmarkProjectionCalculator).
//
// The rotation is kept as (cos, sin) of the eye line, from a square root and divisions: no atan2,
// whose last bits differ between engines.

import type { Detection } from "./blazeface.ts";
import type { Graph } from "./graph.ts";
import { sigmoid } from "./math.ts";
import {
  EYE_CONTOUR_POINTS,
  IMAGE_LEFT_EYE,
  IMAGE_LEFT_IRIS,
  IMAGE_RIGHT_EYE,
  IMAGE_RIGHT_IRIS,
  LIPS,
  REFINED_POINTS,
} from "./refinement.ts";
import type { MeshPoint, MeshRegion, RgbaImage } from "./types.ts";

const MESH_INPUT = 192;
const ROI_SCALE = 1.5;
/** Bilinear samples per crop pixel and axis, at most: the crop usually shrinks the face 2–5×, and
 *  2 × 2 samples (each already a mean of 4 pixels) keep the sensor noise of a phone photo from
 *  aliasing into the crop at a quarter of the cost of 4 × 4. */
const MAX_SAMPLES = 2;

export function meshRegion(d: Detection): MeshRegion {
  const [rx, ry, lx, ly] = d.keypoints as [number, number, number, number];
  const dx = lx - rx;
  const dy = ly - ry;
  const length = Math.sqrt(dx * dx + dy * dy);
  const cos = length > 0 ? dx / length : 1;
  const sin = length > 0 ? dy / length : 0;
  const side = ROI_SCALE * Math.max(d.xMax - d.xMin, d.yMax - d.yMin);
  return { cx: (d.xMin + d.xMax) / 2, cy: (d.yMin + d.yMax) / 2, side, cos, sin };
}

/** The rotated square resampled to 192 × 192 (edges repeated outside the image), as v / 255: each
 *  crop pixel the mean of n × n bilinear samples spread over it. */
function meshInput(image: RgbaImage, region: MeshRegion): Float32Array {
  const size = MESH_INPUT;
  const out = new Float32Array(size * size * 3);
  const n = region.side / size >= 3 ? MAX_SAMPLES : 1;
  const { width, height, data } = image;
  const maxX = width - 1;
  const maxY = height - 1;
  const samples = n * n;
  const columns = size * n;
  const sub = region.side / columns; // distance between samples, in image pixels
  const { cos, sin } = region;
  const sums = new Float64Array(size * 3);
  for (let j = 0; j < size; j++) {
    sums.fill(0);
    for (let sj = 0; sj < n; sj++) {
      // The sample row's first sample, then one step along the crop's x axis per sample.
      const v = (j * n + sj + 0.5) * sub - region.side / 2;
      const u0 = 0.5 * sub - region.side / 2;
      const x0 = region.cx + u0 * cos - v * sin - 0.5;
      const y0 = region.cy + u0 * sin + v * cos - 0.5;
      for (let k = 0; k < columns; k++) {
        let x = x0 + k * sub * cos;
        let y = y0 + k * sub * sin;
        x = x < 0 ? 0 : x > maxX ? maxX : x;
        y = y < 0 ? 0 : y > maxY ? maxY : y;
        const xi = Math.floor(x);
        const yi = Math.floor(y);
        const fx = x - xi;
        const fy = y - yi;
        const i00 = (yi * width + xi) * 4;
        const i01 = xi < maxX ? i00 + 4 : i00;
        const i10 = yi < maxY ? i00 + width * 4 : i00;
        const i11 = xi < maxX ? i10 + 4 : i10;
        const w00 = (1 - fx) * (1 - fy);
        const w01 = fx * (1 - fy);
        const w10 = (1 - fx) * fy;
        const w11 = fx * fy;
        const o = ((k / n) | 0) * 3;
        sums[o]! += data[i00]! * w00 + data[i01]! * w01 + data[i10]! * w10 + data[i11]! * w11;
        sums[o + 1]! += data[i00 + 1]! * w00 + data[i01 + 1]! * w01 + data[i10 + 1]! * w10 + data[i11 + 1]! * w11;
        sums[o + 2]! += data[i00 + 2]! * w00 + data[i01 + 2]! * w01 + data[i10 + 2]! * w10 + data[i11 + 2]! * w11;
      }
    }
    const row = j * size * 3;
    for (let i = 0; i < size * 3; i++) out[row + i] = sums[i]! / samples / 255;
  }
  return out;
}

interface MeshResult {
  landmarks: MeshPoint[];
  faceScore: number;
}

/** The attention mesh's seven outputs as MediaPipe's 478 points, in the 192-pixel crop's frame:
 *  [x, y, z] each (refinement.ts says where each refined point goes). */
function refinedPoints(outputs: Float32Array[]): Float32Array {
  const [mesh, lips, leftEye, rightEye, leftIris, rightIris] = outputs as [
    Float32Array,
    Float32Array,
    Float32Array,
    Float32Array,
    Float32Array,
    Float32Array,
  ];
  const points = new Float32Array(REFINED_POINTS * 3);
  points.set(mesh);
  const overwrite = (xy: Float32Array, indices: readonly number[]) => {
    indices.forEach((index, k) => {
      points[3 * index] = xy[2 * k]!;
      points[3 * index + 1] = xy[2 * k + 1]!;
    });
  };
  overwrite(lips, LIPS);
  overwrite(leftEye, IMAGE_LEFT_EYE);
  overwrite(rightEye, IMAGE_RIGHT_EYE);
  const iris = (xy: Float32Array, first: number, eye: readonly number[]) => {
    let z = 0;
    for (let k = 0; k < EYE_CONTOUR_POINTS; k++) z += points[3 * eye[k]! + 2]!;
    z /= EYE_CONTOUR_POINTS;
    for (let k = 0; k < 5; k++) {
      points[3 * (first + k)] = xy[2 * k]!;
      points[3 * (first + k) + 1] = xy[2 * k + 1]!;
      points[3 * (first + k) + 2] = z;
    }
  };
  iris(leftIris, IMAGE_LEFT_IRIS, IMAGE_LEFT_EYE);
  iris(rightIris, IMAGE_RIGHT_IRIS, IMAGE_RIGHT_EYE);
  return points;
}

export function runMesh(graph: Graph, image: RgbaImage, region: MeshRegion): MeshResult {
  // Seven outputs: createFaceMesh refuses any other mesh model at load.
  const outputs = graph.run(meshInput(image, region));
  const { cx, cy, side, cos, sin } = region;
  const points = refinedPoints(outputs);
  const landmarks: MeshPoint[] = [];
  for (let k = 0; k < REFINED_POINTS; k++) {
    const u = points[3 * k]! / MESH_INPUT - 0.5;
    const v = points[3 * k + 1]! / MESH_INPUT - 0.5;
    landmarks.push({
      x: cx + (u * cos - v * sin) * side,
      y: cy + (u * sin + v * cos) * side,
      z: (points[3 * k + 2]! / MESH_INPUT) * side,
    });
  }
  return { landmarks, faceScore: sigmoid(outputs[6]![0]!) };
}
