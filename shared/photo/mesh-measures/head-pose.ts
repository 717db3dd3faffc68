// Head pose (yaw, pitch, roll) from MediaPipe's 468-point mesh, by fitting MediaPipe's canonical
// face model (canonical-face.ts) to the landmarks with weighted orthogonal Procrustes, as
// MediaPipe's face geometry module does (mediapipe/modules/face_geometry/libs/procrustes_solver.cc:
// weighted, with scale, on its Procrustes landmark basis). Two simplifications, both stated:
// - the camera is orthographic: the mesh's (x, y) are image pixels and z its relative depth on the
//   scale of x, used as they are (MediaPipe first un-projects through a perspective camera with a
//   guessed focal length; at passport-photo distances the face's depth is a few % of the distance);
// - the rotation is the orthogonal polar factor of the weighted cross-covariance, computed by
//   scaled Newton iteration X ← (ζX + X⁻ᵀ/ζ)/2, ζ = √(‖X⁻¹‖/‖X‖) (Higham, "Computing the polar
//   decomposition", SIAM J. Sci. Stat. Comput. 7(4), 1986), which needs only + − × ÷ and √; MediaPipe
//   uses an SVD (Eigen), which gives the same factor when the cross-covariance has det > 0.
// Angles come through the in-project atan (atan.ts), so every engine gives the same bits.
//
// Rigid points only: the fit uses MediaPipe's basis less its jaw and lower-cheek points (POSE_SKIPPED):
// eye corners, nose, cheekbones, forehead and temples stay. Where the mesh puts the jaw line and
// the lower cheeks, and how deep it reads them, depends on what surrounds the face as much as on
// the head's turn: on the calibration set (decision 020) the same real face read 4–5° more "nose
// down" in the set's portraits than in the drawn fixtures, and its darker recolourings read the chin
// up to 7 % of the face's length deeper while its 2D points hardly moved. Without those points the
// fixtures and the set agree within about a degree, and no verdict on the calibration split changes.
//
// Frame: x towards the image's right, y up, z towards the camera (the canonical model's frame; the
// mesh's y down and z "smaller is nearer" are flipped). R maps the canonical face onto the observed
// one and is read as R = Rz(γ)·Ry(β)·Rx(α) (pitch about x first, then yaw about y, then roll):
//   yaw   = β: positive when the nose points towards the image's right (the person's left);
//   pitch = α: positive when the nose points down (head bowed), negative when the chin is raised;
//   roll  = −γ: positive when the eye on the image's right is lower, the sign of head-tilt.ts.

import { atan2, degrees } from "./atan.ts";
import type { CanonicalFace } from "./canonical-face.ts";

export interface MeshPoint3 {
  x: number;
  y: number;
  z: number;
}

export type Matrix3 = [number, number, number, number, number, number, number, number, number];

export interface HeadPose {
  yaw: number;
  pitch: number;
  roll: number;
  /** Row-major rotation from the canonical face to the observed one (frame above). */
  rotation: Matrix3;
  /** Pixels per canonical centimetre. */
  scale: number;
  /** Weighted root-mean-square distance between the fitted model and the landmarks, in the
   *  model's centimetres: how far the face's shape is from the canonical one. */
  residual: number;
}

const det3 = (m: Matrix3): number =>
  m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);

/** Inverse transpose (the cofactor matrix over the determinant). */
function inverseTranspose(m: Matrix3, det: number): Matrix3 {
  return [
    (m[4] * m[8] - m[5] * m[7]) / det,
    (m[5] * m[6] - m[3] * m[8]) / det,
    (m[3] * m[7] - m[4] * m[6]) / det,
    (m[2] * m[7] - m[1] * m[8]) / det,
    (m[0] * m[8] - m[2] * m[6]) / det,
    (m[1] * m[6] - m[0] * m[7]) / det,
    (m[1] * m[5] - m[2] * m[4]) / det,
    (m[2] * m[3] - m[0] * m[5]) / det,
    (m[0] * m[4] - m[1] * m[3]) / det,
  ];
}

const frobenius = (m: readonly number[]): number => {
  let sum = 0;
  for (const v of m) sum += v * v;
  return Math.sqrt(sum);
};

/** The rotation nearest to m (its orthogonal polar factor), or null when det(m) ≤ 0 (the nearest
 *  orthogonal matrix would be a reflection: no rotation of the model fits). */
export function nearestRotation(m: Matrix3): Matrix3 | null {
  let x: Matrix3 = [...m];
  if (!(det3(x) > 0)) return null;
  for (let iteration = 0; iteration < 100; iteration++) {
    const det = det3(x);
    const inv = inverseTranspose(x, det); // X⁻ᵀ; ‖X⁻¹‖ = ‖X⁻ᵀ‖
    const zeta = Math.sqrt(frobenius(inv) / frobenius(x));
    const next = x.map((v, i) => (zeta * v + inv[i]! / zeta) / 2) as Matrix3;
    let change = 0;
    for (let i = 0; i < 9; i++) change += (next[i]! - x[i]!) * (next[i]! - x[i]!);
    x = next;
    if (change <= 1e-30) break;
  }
  return x;
}

/** Yaw, pitch and roll in degrees (conventions above) of a rotation matrix. */
export function anglesOf(r: Matrix3): { yaw: number; pitch: number; roll: number } {
  // R = Rz(γ)Ry(β)Rx(α): R20 = −sin β, R21 = cos β sin α, R22 = cos β cos α, R10 = cos β sin γ, R00 = cos β cos γ.
  const yaw = degrees(atan2(-r[6], Math.sqrt(r[7] * r[7] + r[8] * r[8])));
  const pitch = degrees(atan2(r[7], r[8]));
  const roll = -degrees(atan2(r[3], r[0]));
  return { yaw, pitch, roll };
}

/** MediaPipe's basis points left out of the fit: the jaw contour (132, 136, 361, 365) and the lower
 *  cheeks beside the mouth (147, 205, 376, 425), each pair the person's right and left. */
export const POSE_SKIPPED: ReadonlySet<number> = new Set([132, 136, 147, 205, 361, 365, 376, 425]);

/** Fits the canonical face to the mesh's landmarks (its rigid points, above); null if no proper
 *  rotation fits. */
export function headPose(landmarks: readonly MeshPoint3[], canonical: CanonicalFace): HeadPose | null {
  const basis = canonical.basis.filter(({ id }) => !POSE_SKIPPED.has(id));
  const v = canonical.vertices;
  let wSum = 0;
  const pMean = [0, 0, 0];
  const cMean = [0, 0, 0];
  const observed = (id: number): [number, number, number] => {
    const p = landmarks[id];
    if (!p) throw new Error(`head pose: landmark ${id} missing (468 expected, got ${landmarks.length})`);
    return [p.x, -p.y, -p.z];
  };
  for (const { id, weight } of basis) {
    const p = observed(id);
    wSum += weight;
    for (let c = 0; c < 3; c++) {
      pMean[c]! += weight * p[c]!;
      cMean[c]! += weight * v[id * 3 + c]!;
    }
  }
  for (let c = 0; c < 3; c++) {
    pMean[c]! /= wSum;
    cMean[c]! /= wSum;
  }
  // H = Σ w (p − p̄)(c − c̄)ᵀ; the rotation maximising Σ w (p − p̄)·R(c − c̄) is H's polar factor.
  const h: Matrix3 = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  let cNorm = 0;
  for (const { id, weight } of basis) {
    const p = observed(id);
    for (let i = 0; i < 3; i++) {
      const pi = p[i]! - pMean[i]!;
      const ci = v[id * 3 + i]! - cMean[i]!;
      cNorm += weight * ci * ci;
      for (let j = 0; j < 3; j++) h[i * 3 + j]! += weight * pi * (v[id * 3 + j]! - cMean[j]!);
    }
  }
  const rotation = nearestRotation(h);
  if (!rotation) return null;
  let trace = 0;
  for (let i = 0; i < 9; i++) trace += rotation[i]! * h[i]!;
  const scale = trace / cNorm;
  let squared = 0;
  for (const { id, weight } of basis) {
    const p = observed(id);
    for (let i = 0; i < 3; i++) {
      let fitted = 0;
      for (let j = 0; j < 3; j++) fitted += rotation[i * 3 + j]! * (v[id * 3 + j]! - cMean[j]!);
      const d = scale * fitted - (p[i]! - pMean[i]!);
      squared += weight * d * d;
    }
  }
  return { ...anglesOf(rotation), rotation, scale, residual: Math.sqrt(squared / wSum) / scale };
}

/** Roll from the outer eye corners (mesh points 33 and 263), in degrees, positive when the eye on
 *  the image's right is lower: the angle head-tilt.ts measures on the eye centres, through atan.ts. */
export function eyeCornerRoll(landmarks: readonly { x: number; y: number }[]): number {
  const right = landmarks[33];
  const left = landmarks[263];
  if (!right || !left) throw new Error("eye corner roll: landmarks 33 and 263 missing");
  return degrees(atan2(left.y - right.y, left.x - right.x));
}
