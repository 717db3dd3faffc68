// Eyes open and mouth closed, measured on MediaPipe's face mesh (its attention model's refined lids
// and lips) as OFIQ measures them
// (BSI's open reference implementation of ISO/IEC 29794-5, face image quality):
// - Eyes openness, QAA "eyes openness" (OFIQlib/modules/measures/src/EyesOpen.cpp): per eye, the
//   largest distance between paired upper and lower eyelid landmarks; the eye that is less open
//   counts; divided by T, the distance from the midpoint of the two eye centres to the chin
//   (OFIQlib utils.cpp `tmetric`). OFIQ then maps it through a sigmoid (x0 = 0.02, w = 0.01); the
//   raw ratio is returned here, and the thresholds are for the checks to choose on a calibration set.
// - Mouth closedness, QAA "mouth closed" (MouthClosed.cpp): the largest distance between paired
//   upper and lower inner-lip landmarks, divided by the same T (OFIQ: inverse sigmoid, x0 = 0.2,
//   w = 0.06, on its 98-point landmarks). Mouth width / T (inner-lip corners) is added as a smile
//   indicator: OFIQ's expression neutrality is a learned model, which this is not.
// OFIQ measures on landmarks of the face aligned by a similarity transform (utils.cpp alignImage);
// these are ratios of distances in the image plane, which a similarity transform does not change,
// so no alignment is needed. The pairs are MediaPipe's topology (the lists of
// @tensorflow-models/face-landmarks-detection constants.js; docs/research/face-models-for-issue-15.md §3).
// Only + − × ÷ and √: every engine gives the same bits.

export interface MeshPoint2 {
  x: number;
  y: number;
}

/** Upper/lower eyelid pairs, centre first. The person's right eye is on the image's left. */
export const RIGHT_EYELID_PAIRS: readonly (readonly [number, number])[] = [
  [159, 145],
  [160, 144],
  [158, 153],
];
export const LEFT_EYELID_PAIRS: readonly (readonly [number, number])[] = [
  [386, 374],
  [385, 380],
  [387, 373],
];
/** Eye corners (outer, inner): their midpoint is the eye's centre for T. */
export const RIGHT_EYE_CORNERS = [33, 133] as const;
export const LEFT_EYE_CORNERS = [263, 362] as const;
/** Upper/lower inner-lip pairs, centre first. */
export const INNER_LIP_PAIRS: readonly (readonly [number, number])[] = [
  [13, 14],
  [82, 87],
  [81, 178],
  [80, 88],
  [312, 317],
  [311, 402],
  [310, 318],
];
/** Inner-lip corners (the person's right, left). */
export const MOUTH_CORNERS = [78, 308] as const;
export const CHIN = 152;

const distance = (a: MeshPoint2, b: MeshPoint2): number =>
  Math.sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));

function point(landmarks: readonly MeshPoint2[], index: number): MeshPoint2 {
  const p = landmarks[index];
  if (!p) throw new Error(`mesh measures: landmark ${index} missing (478 expected, got ${landmarks.length})`);
  return p;
}

function largestGap(landmarks: readonly MeshPoint2[], pairs: readonly (readonly [number, number])[]): number {
  let largest = 0;
  for (const [upper, lower] of pairs) {
    const d = distance(point(landmarks, upper), point(landmarks, lower));
    if (d > largest) largest = d;
  }
  return largest;
}

function midpoint(a: MeshPoint2, b: MeshPoint2): MeshPoint2 {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/** OFIQ's T: from the midpoint of the two eye centres to the chin, in pixels. */
export function eyesToChin(landmarks: readonly MeshPoint2[]): number {
  const right = midpoint(point(landmarks, RIGHT_EYE_CORNERS[0]), point(landmarks, RIGHT_EYE_CORNERS[1]));
  const left = midpoint(point(landmarks, LEFT_EYE_CORNERS[0]), point(landmarks, LEFT_EYE_CORNERS[1]));
  return distance(midpoint(right, left), point(landmarks, CHIN));
}

/** One measure per eye (the person's right eye is the image's left) and the less open one, which counts. */
export interface PerEye {
  right: number;
  left: number;
  min: number;
}

/** Per eye, the largest eyelid gap / T (`min` is OFIQ's measure), and the same gaps by width. */
export interface EyesOpenness extends PerEye {
  /** T in pixels. */
  t: number;
  /** The same gaps divided by each eye's own width, corner to corner, instead of by T: the scale of
   *  the classic eye aspect ratio (Soukupová and Čech, "Real-Time Eye Blink Detection using Facial
   *  Landmarks", 2016), which eyes_open reads. An eye's width does not change as it closes, and it
   *  scales with the eye, where T scales with the face's length: the open eyes of the test split's
   *  face read 0.068–0.082 of T and 0.25–0.31 of their width, the calibration face's 0.091–0.101
   *  and 0.33–0.38 (decision 029). Meant for the attention mesh's refined lids
   *  (face-mesh/refinement.ts), which follow a closing lid; the plain mesh's do not. */
  byWidth: PerEye;
}

const perEye = (right: number, left: number): PerEye => ({ right, left, min: right < left ? right : left });

export function eyesOpenness(landmarks: readonly MeshPoint2[]): EyesOpenness {
  const t = eyesToChin(landmarks);
  const right = largestGap(landmarks, RIGHT_EYELID_PAIRS);
  const left = largestGap(landmarks, LEFT_EYELID_PAIRS);
  const width = (corners: readonly [number, number]) =>
    distance(point(landmarks, corners[0]), point(landmarks, corners[1]));
  return {
    ...perEye(right / t, left / t),
    t,
    byWidth: perEye(right / width(RIGHT_EYE_CORNERS), left / width(LEFT_EYE_CORNERS)),
  };
}

export interface MouthOpenness {
  /** Largest inner-lip gap / T: OFIQ's mouth-closed measure (small is closed). */
  gap: number;
  /** Inner-lip corner to corner / T: wider when smiling. */
  width: number;
  t: number;
}

export function mouthOpenness(landmarks: readonly MeshPoint2[]): MouthOpenness {
  const t = eyesToChin(landmarks);
  return {
    gap: largestGap(landmarks, INNER_LIP_PAIRS) / t,
    width: distance(point(landmarks, MOUTH_CORNERS[0]), point(landmarks, MOUTH_CORNERS[1])) / t,
    t,
  };
}
