// What the face mesh takes and gives, in pixels of the image it was given (x right, y down).

/** An RGBA image, as decoders and canvases give it. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

export interface MeshPoint {
  x: number;
  y: number;
  /** Relative depth, on the scale of x (smaller is nearer the camera), as MediaPipe gives it. */
  z: number;
}

/** BlazeFace's six keypoints, in its order (the person's right is the image's left). */
export interface FaceKeypoints {
  rightEye: { x: number; y: number };
  leftEye: { x: number; y: number };
  noseTip: { x: number; y: number };
  mouth: { x: number; y: number };
  rightTragion: { x: number; y: number };
  leftTragion: { x: number; y: number };
}

/** The square, rotated crop the mesh was run on: centre, side, and the direction of its x axis. */
export interface MeshRegion {
  cx: number;
  cy: number;
  side: number;
  cos: number;
  sin: number;
}

export interface FaceMeshFinding {
  /** BlazeFace's box (brow to chin, about cheek to cheek). */
  box: { x: number; y: number; width: number; height: number };
  /** BlazeFace's score, 0–1. */
  score: number;
  keypoints: FaceKeypoints;
  region: MeshRegion;
  /** The mesh's own face-presence score, 0–1. */
  faceScore: number;
  /** MediaPipe's 478 points, in its topology (e.g. 1 nose tip, 152 chin, 33/263 outer eye corners,
   *  468–472 and 473–477 the irises), the lips and eyes refined by the attention mesh's crops. */
  landmarks: MeshPoint[];
}
