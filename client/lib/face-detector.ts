// The page's side of the face worker (client/lib/face-worker.ts): one module Web Worker per page,
// started on first use, which fetches the face models and finds faces (and runs the pixel checks)
// off the page's thread. The worker's URL is the built file's (FACE_WORKER_URL, defined by
// scripts/build-client.mjs).

import type { CheckResult } from "../../shared/photo/checks/types.ts";
import type { FaceFinding } from "../../shared/photo/face/types.ts";
import type { FaceWorkerRequest, FaceWorkerResponse } from "./face-worker-protocol.ts";

export type { FaceBox, FaceFinding, Point } from "../../shared/photo/face/types.ts";

export interface FaceDetector {
  /** Every face on `image`, best first. `image`'s pixels are handed to the worker (detached). */
  detect(image: ImageData): Promise<FaceFinding[]>;
  /** The shared pixel checks on `image`, with the faces found on it (pixels handed over too). */
  check(image: ImageData): Promise<CheckResult[]>;
}

/** A request before its id is given (Omit over each member of the union). */
type Unnumbered<T> = T extends unknown ? Omit<T, "id"> : never;
type Pending = { resolve: (response: FaceWorkerResponse & { ok: true }) => void; reject: (error: Error) => void };

function startWorker(): FaceDetector & { ready: Promise<void>; stop: () => void } {
  const worker = new Worker(FACE_WORKER_URL, { type: "module" });
  const pending = new Map<number, Pending>();
  let next = 0;
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.onmessage = (event: MessageEvent<FaceWorkerResponse>) => {
    const answer = event.data;
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if (answer.ok) waiting.resolve(answer);
    else waiting.reject(new Error(answer.error));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failAll(new Error(`face worker: ${event.message}`));
  };
  const ask = (request: Unnumbered<FaceWorkerRequest>, transfer: Transferable[] = []) =>
    new Promise<FaceWorkerResponse & { ok: true }>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id }, transfer);
    });
  const pixels = (kind: "detect" | "check", image: ImageData) => {
    const data = image.data.buffer as ArrayBuffer;
    return ask({ kind, width: image.width, height: image.height, data }, [data]);
  };
  return {
    ready: ask({ kind: "load" }).then(() => undefined),
    stop: () => worker.terminate(),
    detect: async (image) => (await pixels("detect", image)).faces,
    check: async (image) => (await pixels("check", image)).results ?? [],
  };
}

let loading: Promise<FaceDetector> | undefined;

/** The detector once its worker has its models, started once per page; a failed load (offline) is
 *  tried again on the next call, in a new worker. */
export function loadFaceDetector(): Promise<FaceDetector> {
  loading ??= (async () => {
    const detector = startWorker();
    try {
      await detector.ready;
    } catch (error) {
      detector.stop();
      throw error;
    }
    return detector;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
