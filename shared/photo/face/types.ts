// What a face detector reports, in pixels of the image it was given (x to the right, y down).
// Pure types: the worker, the browser editor and the checks all import them.

export interface Point {
  x: number;
  y: number;
}

/** The detector's face box: roughly brow to chin and ear to ear (not the hair). */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FaceFinding {
  box: FaceBox;
  /** The detector's confidence that the box holds a face, 0–1. */
  score: number;
  /** Centre of the eye on the image's left (the person's right eye), from the landmarks. */
  leftEye: Point;
  /** Centre of the eye on the image's right (the person's left eye). */
  rightEye: Point;
  /** Bottom of the chin (landmark 8 of the 68-point scheme). */
  chin: Point;
  /**
   * Top of the head, hair included. No detector gives it: it is estimated by scanning up from the
   * eyebrows, along the face's axis, for where the head's pixels give way to the (white)
   * background (face/crown.ts). `y` is 0 when the head reaches the top edge of the image.
   */
  crown: Point;
  /** The 68 landmarks (iBUG 300-W order: jaw 0–16, brows 17–26, nose 27–35, eyes 36–47, mouth 48–67). */
  landmarks?: Point[];
}
