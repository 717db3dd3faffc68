// Face detection with a dense mesh, pure TypeScript (no Workers, Node or DOM API): MediaPipe's
// short-range BlazeFace finds faces, and its face mesh with attention measures each one: 468
// points, the lips and eyes looked at again and refined, and 5 points on each iris (478 in all,
// decision 029). Both models
// come from @mediapipe/face_mesh (Apache-2.0) as TFLite files, run by our own inference (graph.ts),
// so the worker, the browser and Node give the same numbers for the same pixels. The caller brings
// the two model files (scripts/face-mesh-models.mjs cuts them out of the package).
// docs/decisions/016-face-mesh-model.md and 029-attention-mesh.md have the choice and its figures.

import { keypointsOf, runBlazeFace } from "./blazeface.ts";
import { type Graph, loadGraph } from "./graph.ts";
import { meshRegion, runMesh } from "./mesh.ts";
import type { FaceMeshFinding, RgbaImage } from "./types.ts";

export type { FaceKeypoints, FaceMeshFinding, MeshPoint, MeshRegion, RgbaImage } from "./types.ts";

/** The two TFLite files, as scripts/face-mesh-models.mjs writes them. */
interface FaceMeshModelFiles {
  detector: ArrayBuffer | Uint8Array;
  mesh: ArrayBuffer | Uint8Array;
}

/** At most this many faces get a mesh: a second face already makes the photo unusable. */
const MAX_FACES = 4;

export interface FaceMesh {
  /** Every face found, best detection score first; [] when there is none. */
  detect(image: RgbaImage): FaceMeshFinding[];
  /** Multiply-adds of the detector and of one mesh run. */
  macs: { detector: number; mesh: number };
}

/** Parses both models (throws if either is not the expected graph). */
export function createFaceMesh(files: FaceMeshModelFiles): FaceMesh {
  const detector: Graph = loadGraph(files.detector);
  const mesh: Graph = loadGraph(files.mesh);
  if (detector.input.height !== 128 || detector.input.width !== 128 || detector.input.channels !== 3)
    throw new Error("face mesh: the detector is not BlazeFace-128");
  if (mesh.input.height !== 192 || mesh.input.width !== 192 || mesh.input.channels !== 3)
    throw new Error("face mesh: the mesh model does not take 192 × 192 RGB");
  if (mesh.outputCount !== 7)
    throw new Error(
      "face mesh: the mesh model is not the attention mesh (7 outputs: mesh, lips, eyes, irises, face flag)",
    );
  return {
    macs: { detector: detector.macs, mesh: mesh.macs },
    detect(image: RgbaImage): FaceMeshFinding[] {
      if (image.width < 16 || image.height < 16 || image.data.length < image.width * image.height * 4) return [];
      return runBlazeFace(detector, image)
        .slice(0, MAX_FACES)
        .map((d) => {
          const region = meshRegion(d);
          const { landmarks, faceScore } = runMesh(mesh, image, region);
          return {
            box: { x: d.xMin, y: d.yMin, width: d.xMax - d.xMin, height: d.yMax - d.yMin },
            score: d.score,
            keypoints: keypointsOf(d),
            region,
            faceScore,
            landmarks,
          };
        });
    },
  };
}

/** The best face with its mesh, or null when there is none. */
export function detectFaceMesh(faceMesh: FaceMesh, image: RgbaImage): FaceMeshFinding | null {
  return faceMesh.detect(image)[0] ?? null;
}
