// The face worker: a module Web Worker (built apart by scripts/build-client.mjs) that runs the
// shared face finder (shared/photo/face/finder.ts: BlazeFace, the mesh with attention, the canonical
// face) and the shared pixel checks off the page's thread, so the editor stays responsive while a
// face is found on every settled move. Its three model files are content-hashed static assets
// (esbuild's `file` loader), fetched on the first request. Plain JavaScript inference: the same
// numbers as the worker's and Node's for the same pixels.

import canonicalFaceUrl from "../../shared/photo/face-mesh/models/canonical_face.bin";
import detectorUrl from "../../shared/photo/face-mesh/models/face_detection_short_range.bin";
import meshUrl from "../../shared/photo/face-mesh/models/face_landmark_with_attention.bin";
import { runPixelChecks } from "../../shared/photo/checks/index.ts";
import { createFaceFinder, type FaceFinder } from "../../shared/photo/face/finder.ts";
import type { FaceWorkerRequest, FaceWorkerResponse } from "./face-worker-protocol.ts";

/** The part of DedicatedWorkerGlobalScope used here (the client's types are the DOM's). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<FaceWorkerRequest>) => void) | null;
  postMessage(message: FaceWorkerResponse): void;
}
const scope = globalThis as unknown as WorkerScope;

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`face model: ${url} answered ${response.status}`);
  return response.arrayBuffer();
}

let loading: Promise<FaceFinder> | undefined;
function finder(): Promise<FaceFinder> {
  loading ??= (async () => {
    const [detector, mesh, canonicalFace] = await Promise.all([
      fetchBytes(detectorUrl),
      fetchBytes(meshUrl),
      fetchBytes(canonicalFaceUrl),
    ]);
    return createFaceFinder({ detector, mesh, canonicalFace });
  })();
  // A failed load (offline) is tried again on the next request.
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

// Requests are answered one at a time, in order: each waits for the one before.
let queue: Promise<unknown> = Promise.resolve();

/** Faces on `image`, or undefined when the models could not be loaded or the finder failed. */
async function facesOn(image: { width: number; height: number; data: Uint8ClampedArray }) {
  try {
    return (await finder()).detect(image);
  } catch (error) {
    // Kept in the console for support: the checks go on without the face checks.
    console.warn("face finder unavailable", error);
    return undefined;
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  queue = queue.then(async () => {
    try {
      if (request.kind === "load") {
        await finder();
        return scope.postMessage({ id: request.id, ok: true, faces: [] });
      }
      const image = { width: request.width, height: request.height, data: new Uint8ClampedArray(request.data) };
      if (request.kind === "detect")
        return scope.postMessage({ id: request.id, ok: true, faces: (await finder()).detect(image) });
      // The checks run whatever happens to the finder, as the server's do (no face: no face checks).
      const faces = await facesOn(image);
      scope.postMessage({
        id: request.id,
        ok: true,
        faces: faces ?? [],
        results: runPixelChecks(image, faces ? { faces } : {}),
      });
    } catch (error) {
      scope.postMessage({ id: request.id, ok: false, error: String(error) });
    }
  });
};
