// Variants of a real face made by moving its face-mesh points and warping the pixels with them
// (piecewise affine over the canonical face's 898 triangles, the mesh's own topology): a head
// turned (yaw) or nodded (pitch) by rotating the 3D points, and eyes closed by laying each upper
// eyelid on the lower one. For the unit tests of eyes_open and head_pose and for the fixtures
// (scripts/fixtures/generate-photos.ts), since no real photo of these faces turned or with closed
// eyes exists. Only the face inside the mesh moves: hair, ears and background stay where they
// were, so a large turn leaves seams at the face's outline (kept to ±25°). Pure, deterministic.

import type { ImageLike, Point3 } from "../../shared/photo/checks/types.ts";
import type { FaceFinder } from "../../shared/photo/face/finder.ts";

type Rgba = ImageLike & { data: Uint8ClampedArray };

/** Bilinear sample of one channel, edge pixels repeated. */
function sample(image: ImageLike, x: number, y: number, c: number): number {
  const x0 = Math.max(0, Math.min(image.width - 1, Math.floor(x)));
  const y0 = Math.max(0, Math.min(image.height - 1, Math.floor(y)));
  const x1 = Math.min(image.width - 1, x0 + 1);
  const y1 = Math.min(image.height - 1, y0 + 1);
  const fx = Math.max(0, Math.min(1, x - x0));
  const fy = Math.max(0, Math.min(1, y - y0));
  const at = (xx: number, yy: number) => image.data[(yy * image.width + xx) * 4 + c]!;
  return (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
}

/** `image` with each triangle of `from` points moved onto the same triangle of `to` points, the
 *  farthest first (by `to`'s z), so that where a turn folds the far cheek the near side covers it. */
export function warpByMesh(
  image: ImageLike,
  from: readonly { x: number; y: number }[],
  to: readonly Point3[],
  triangles: Uint32Array,
): Rgba {
  const out: Rgba = { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) };
  const order: number[] = [];
  for (let t = 0; t + 2 < triangles.length; t += 3) order.push(t);
  const depth = (t: number) => to[triangles[t]!]!.z + to[triangles[t + 1]!]!.z + to[triangles[t + 2]!]!.z;
  order.sort((p, q) => depth(q) - depth(p));
  for (const t of order) {
    const [a, b, c] = [triangles[t]!, triangles[t + 1]!, triangles[t + 2]!];
    const [p0, p1, p2] = [to[a]!, to[b]!, to[c]!];
    const [s0, s1, s2] = [from[a]!, from[b]!, from[c]!];
    const det = (p1.x - p0.x) * (p2.y - p0.y) - (p2.x - p0.x) * (p1.y - p0.y);
    if (Math.abs(det) < 1e-9) continue; // a collapsed triangle covers nothing
    const xMin = Math.max(0, Math.floor(Math.min(p0.x, p1.x, p2.x)));
    const xMax = Math.min(image.width - 1, Math.ceil(Math.max(p0.x, p1.x, p2.x)));
    const yMin = Math.max(0, Math.floor(Math.min(p0.y, p1.y, p2.y)));
    const yMax = Math.min(image.height - 1, Math.ceil(Math.max(p0.y, p1.y, p2.y)));
    for (let y = yMin; y <= yMax; y++) {
      for (let x = xMin; x <= xMax; x++) {
        const px = x + 0.5;
        const py = y + 0.5;
        const u = ((px - p0.x) * (p2.y - p0.y) - (p2.x - p0.x) * (py - p0.y)) / det;
        const v = ((p1.x - p0.x) * (py - p0.y) - (px - p0.x) * (p1.y - p0.y)) / det;
        if (u < -1e-9 || v < -1e-9 || u + v > 1 + 1e-9) continue;
        const sx = s0.x + u * (s1.x - s0.x) + v * (s2.x - s0.x) - 0.5;
        const sy = s0.y + u * (s1.y - s0.y) + v * (s2.y - s0.y) - 0.5;
        const i = (y * image.width + x) * 4;
        for (let ch = 0; ch < 3; ch++) out.data[i + ch] = Math.round(sample(image, sx, sy, ch));
      }
    }
  }
  return out;
}

/**
 * The mesh's points turned by `yaw` (+ nose towards the image's right) and `pitch` (+ nose down)
 * degrees about the face's centre, then projected straight onto the image (x, y). The mesh's z
 * is on x's scale, smaller nearer the camera.
 */
export function turnedPoints(points: readonly Point3[], yaw: number, pitch = 0): Point3[] {
  const n = points.length;
  const c = points.reduce((s, p) => ({ x: s.x + p.x / n, y: s.y + p.y / n, z: s.z + p.z / n }), { x: 0, y: 0, z: 0 });
  const [cy, sy] = [Math.cos((yaw * Math.PI) / 180), Math.sin((yaw * Math.PI) / 180)];
  const [cp, sp] = [Math.cos((pitch * Math.PI) / 180), Math.sin((pitch * Math.PI) / 180)];
  return points.map((p) => {
    // Depth towards the camera is −z; a nose (nearest) turning right moves right: x += sin·depth.
    const x = p.x - c.x;
    const y = p.y - c.y;
    const d = -(p.z - c.z);
    const x1 = x * cy + d * sy;
    const d1 = -x * sy + d * cy;
    // Nodding down moves the nose (nearest) down: y += sin·depth.
    const y2 = y * cp + d1 * sp;
    const d2 = -y * sp + d1 * cp;
    return { x: c.x + x1, y: c.y + y2, z: c.z - d2 };
  });
}

/** Upper-eyelid points and the lower-eyelid point each one closes onto (both eyes). */
const EYELID_CLOSING: readonly (readonly [number, number])[] = [
  [246, 7],
  [161, 163],
  [160, 144],
  [159, 145],
  [158, 153],
  [157, 154],
  [173, 155],
  [466, 249],
  [388, 390],
  [387, 373],
  [386, 374],
  [385, 380],
  [384, 381],
  [398, 382],
];

/** The mesh's points with each upper eyelid moved `share` of the way onto the lower one (1: shut). */
export function closedEyePoints(points: readonly Point3[], share = 1): Point3[] {
  const moved = points.map((p) => ({ ...p }));
  for (const [upper, lower] of EYELID_CLOSING) {
    const u = points[upper]!;
    const l = points[lower]!;
    moved[upper] = { x: u.x + (l.x - u.x) * share, y: u.y + (l.y - u.y) * share, z: u.z };
  }
  return moved;
}

/** The turn the turned-head fixture is given. The mesh reads a texture-only turn at about a third
 *  of its size (the outline of the drawn head does not turn with it): 35° reads ≈ 9° of yaw. */
export const TURNED_HEAD_YAW = 35;

/** `image` with its one face turned by `yaw` (and `pitch`) degrees. */
export function turnedHead(image: ImageLike, finder: FaceFinder, triangles: Uint32Array, yaw: number, pitch = 0): Rgba {
  const [face] = finder.detect(image);
  if (!face) throw new Error("turnedHead: no face to turn");
  return warpByMesh(image, face.landmarks, turnedPoints(face.landmarks, yaw, pitch), triangles);
}

/** `image` with its one face's eyes closed by `share` (1: shut). */
export function closedEyes(image: ImageLike, finder: FaceFinder, triangles: Uint32Array, share = 1): Rgba {
  const [face] = finder.detect(image);
  if (!face) throw new Error("closedEyes: no face");
  return warpByMesh(image, face.landmarks, closedEyePoints(face.landmarks, share), triangles);
}
