// What the face finder reports (face/finder.ts), in pixels of the image it was given (x to the
// right, y down), all of it derived from MediaPipe's face mesh with attention (face-mesh/). Pure types:
// the worker, the browser editor and the checks all import them.

export interface Point {
  x: number;
  y: number;
}

/** A mesh point: x, y in pixels; z the relative depth on the scale of x (smaller is nearer). */
export interface Point3 extends Point {
  z: number;
}

/** BlazeFace's face box: roughly brow to chin and cheek to cheek (not the hair). */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Head pose in degrees (mesh-measures/head-pose.ts): yaw + when the nose points to the image's
 *  right, pitch + when the nose points down (raw: not yet corrected for the estimator's origin,
 *  checks/head-pose.ts does that), roll + when the eye on the image's right is lower. */
export interface HeadAngles {
  yaw: number;
  pitch: number;
  roll: number;
}

export interface FaceFinding {
  box: FaceBox;
  /** The detector's confidence that the box holds a face, 0–1. */
  score: number;
  /** Centre of the eye on the image's left (the person's right eye): mid-point of its corners. */
  leftEye: Point;
  /** Centre of the eye on the image's right (the person's left eye). */
  rightEye: Point;
  /** Bottom of the chin (mesh point 152). */
  chin: Point;
  /**
   * Top of the head, hair included. No model gives it: it is estimated by scanning up from the top
   * of the forehead (mesh point 10), along the face's axis, for where the head's pixels give way
   * to the (white) background (face/crown.ts). `y` is 0 when the head reaches the top edge.
   */
  crown: Point;
  /** Sideways tilt in degrees, + when the eye on the image's right is lower: the pose fit's roll
   *  (the eye corners' angle if the fit failed). */
  roll: number;
  /** Yaw, pitch and roll of the canonical face fitted to the mesh; null when no rotation fits. */
  pose: HeadAngles | null;
  /** The mesh's 478 points (MediaPipe's topology, irises 468–477: 1 nose tip, 152 chin, 33/263 outer eye corners). */
  landmarks: Point3[];
}
