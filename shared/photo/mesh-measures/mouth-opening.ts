// What shows between the lips, read from the pixels between the face mesh's inner-lip lines
// (between-lines.ts): closed lips show lip and the thin dark line where they
// meet; a smile with teeth shows bright teeth against the lips and the gaps between them. The
// mesh's own inner-lip gap (OFIQ's mouth-closed measure, openness.ts) misses such a smile when it
// does not see the lips part: on the test face at light tones the plain mesh read smiles showing
// their teeth at 0.040–0.052 of T, a third of an open mouth (decision 020; the attention mesh's
// refined lips read them at 0.06–0.08, decision 029). The spread of sRGB-encoded
// luminance (standard deviation, 0–255) between the inner-lip lines, over their middle half from
// corner to corner, is the measure. Not divided by the face's tone: teeth are as
// bright at every skin tone; only the lips darken with the skin, so a darker face's closed lips read
// lower, never higher.

import type { ImageLike } from "../checks/types.ts";
import { spreadBetween } from "./between-lines.ts";
import type { MeshPoint2 } from "./openness.ts";

/** Inner-lip lines, corner 78 to corner 308: upper, then lower (MediaPipe's topology). */
const INNER_UPPER = [78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308] as const;
const INNER_LOWER = [78, 95, 88, 178, 87, 14, 317, 402, 318, 324, 308] as const;

/** The luminance spread between the inner lips, over their middle half across and all the way down. */
export function mouthOpeningSpread(image: ImageLike, landmarks: readonly MeshPoint2[]): number {
  return spreadBetween(image, landmarks, INNER_UPPER, INNER_LOWER, [0.25, 0.75], [0, 1]);
}
