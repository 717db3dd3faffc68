// The real face for fixtures inside workerd, which cannot read files: FACE_SOURCE_FILE is
// imported as a Data module (wrangler.toml [[rules]] "**/*.bin"). It is generated, not
// committed: scripts/fixtures/face-source.ts writes it (npm test does so when it is missing).
// Node code reads the same file with fs and parseFaceSource().

import bytes from "../fixtures/photos/face-source.bin";
import { parseFaceSource, realPortraits } from "./photo-fixtures.ts";

export const faceSource = parseFaceSource(bytes);
export const realFaces = realPortraits(faceSource);
