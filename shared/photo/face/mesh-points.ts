// Named points of MediaPipe's face mesh (478 points with the attention model) that the checks read (the topology of
// @mediapipe/face_mesh; the lists as in @tensorflow-models/face-landmarks-detection's
// constants.js, docs/research/face-models-for-issue-15.md §3). The person's right eye is on the
// image's left.

/** Contour of the eye on the image's left (lower lid 33→133, then upper lid back). */
export const IMAGE_LEFT_EYE_CONTOUR = [33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246];
/** Contour of the eye on the image's right. */
export const IMAGE_RIGHT_EYE_CONTOUR = [263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466];
/** Both eyebrows' upper edges. */
export const BROWS = [70, 63, 105, 66, 107, 336, 296, 334, 293, 300];
/** Eye corners: image-left eye (outer, inner), image-right eye (outer, inner). */
export const IMAGE_LEFT_EYE_CORNERS = [33, 133] as const;
export const IMAGE_RIGHT_EYE_CORNERS = [263, 362] as const;
/** Top of the forehead, where the mesh ends (the crown scan starts there). */
export const FOREHEAD_TOP = 10;
/** Between the eyes, on the nose bridge. */
export const NOSE_BRIDGE = 168;
/** The outer mouth corners. */
export const MOUTH_CORNERS = [61, 291] as const;
/** Bottom of the chin. */
export const CHIN = 152;
/** The face's sides at the cheekbones (image left, image right). */
export const CHEEKS = [234, 454] as const;
