/** Where scripts/face-mesh-models.mjs writes the model files, relative to the repository. */
export const FACE_MESH_MODEL_DIR: string;
export const FACE_MESH_MODELS: { file: string; start: number; end: number; sha256: string }[];
/** Writes the files cut out of @mediapipe/face_mesh if missing; returns their paths (detector, mesh, canonical face). */
export function ensureFaceMeshModels(): string[];
