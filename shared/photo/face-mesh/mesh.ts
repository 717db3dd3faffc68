// MediaPipe's 468-point face mesh (face_landmark.tflite) on one detected face: the region of
// interest as MediaPipe's face_detection_front_detection_to_roi graph makes it (the detector's
// box, made square on its long side, scaled 1.5×, rotated so that the line from the right eye to
// the left eye is level), resampled to 192 × 192 as v / 255, the mesh run, and its points mapped
// back through the same rotation into image pixels (LandmarkProjectionCalculator).
//
// The rotation is kept as (cos, sin) of the eye line, from a square root and divisions: no atan2,
// whose last bits differ between engines.

import type { Detection } from "./blazeface.ts";
import type { Graph } from "./graph.ts";
import { sigmoid } from "./math.ts";
import type { MeshPoint, MeshRegion, RgbaImage } from "./types.ts";

export const MESH_INPUT = 192;
const ROI_SCALE = 1.5;
/** Bilinear samples per crop pixel and axis, at most: the crop usually shrinks the face 2–5×. */
const MAX_SAMPLES = 3;

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

/** The rotated square resampled to 192 × 192 (edges repeated outside the image), as v / 255. */
export function meshInput(image: RgbaImage, region: MeshRegion): Float32Array {
  const size = MESH_INPUT;
  const out = new Float32Array(size * size * 3);
  const step = region.side / size;
  const n = Math.max(1, Math.min(MAX_SAMPLES, Math.round(step / 2)));
  const { width, height, data } = image;
  const maxX = width - 1;
  const maxY = height - 1;
  const samples = n * n;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (let sj = 0; sj < n; sj++) {
        const v = ((j + (sj + 0.5) / n) / size - 0.5) * region.side;
        for (let si = 0; si < n; si++) {
          const u = ((i + (si + 0.5) / n) / size - 0.5) * region.side;
          // Image position of the sample, then bilinear between the four pixel centres around it.
          let x = region.cx + u * region.cos - v * region.sin - 0.5;
          let y = region.cy + u * region.sin + v * region.cos - 0.5;
          x = x < 0 ? 0 : x > maxX ? maxX : x;
          y = y < 0 ? 0 : y > maxY ? maxY : y;
          const x0 = Math.floor(x);
          const y0 = Math.floor(y);
          const x1 = x0 < maxX ? x0 + 1 : x0;
          const y1 = y0 < maxY ? y0 + 1 : y0;
          const fx = x - x0;
          const fy = y - y0;
          const i00 = (y0 * width + x0) * 4;
          const i01 = (y0 * width + x1) * 4;
          const i10 = (y1 * width + x0) * 4;
          const i11 = (y1 * width + x1) * 4;
          const w00 = (1 - fx) * (1 - fy);
          const w01 = fx * (1 - fy);
          const w10 = (1 - fx) * fy;
          const w11 = fx * fy;
          r += data[i00]! * w00 + data[i01]! * w01 + data[i10]! * w10 + data[i11]! * w11;
          g += data[i00 + 1]! * w00 + data[i01 + 1]! * w01 + data[i10 + 1]! * w10 + data[i11 + 1]! * w11;
          b += data[i00 + 2]! * w00 + data[i01 + 2]! * w01 + data[i10 + 2]! * w10 + data[i11 + 2]! * w11;
        }
      }
      const o = (j * size + i) * 3;
      out[o] = r / samples / 255;
      out[o + 1] = g / samples / 255;
      out[o + 2] = b / samples / 255;
    }
  }
  return out;
}

export interface MeshResult {
  landmarks: MeshPoint[];
  faceScore: number;
}

export function runMesh(graph: Graph, image: RgbaImage, region: MeshRegion): MeshResult {
  const [points, flag] = graph.run(meshInput(image, region));
  const landmarks: MeshPoint[] = [];
  const { cx, cy, side, cos, sin } = region;
  for (let k = 0; k < 468; k++) {
    const u = points![3 * k]! / MESH_INPUT - 0.5;
    const v = points![3 * k + 1]! / MESH_INPUT - 0.5;
    landmarks.push({ x: cx + (u * cos - v * sin) * side, y: cy + (u * sin + v * cos) * side, z: (points![3 * k + 2]! / MESH_INPUT) * side });
  }
  return { landmarks, faceScore: sigmoid(flag![0]!) };
}
