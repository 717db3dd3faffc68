// The face models alone in workerd (issue 15), for the photo section (photo-bench.ts): the new
// face mesh (shared/photo/face-mesh: BlazeFace-128 + the 468-point mesh) and today's face-api
// detector (Tiny Face Detector 416 + 68 points), each on the same decoded photo held by the bench
// worker (face-routes.ts), timed from outside as requests minus the median empty round trip. The
// two are timed alternately, with the round trip, so that they see the same load.

/** Mesh and round trip vary by a few ms under load: more runs than the full validation's 5. */
export const FACE_RUNS = 11;

interface BenchWorker {
  fetch(input: string, init?: { method?: string; body?: Uint8Array }): Promise<{ json(): Promise<unknown>; text(): Promise<string> }>;
}

/** Most retries of a run whose isolate lost the photo (see below) before giving up. */
const MAX_RELOADS = 5;

export interface FaceFigures {
  /** Medians, round trip subtracted, in ms. */
  mesh: number;
  faceApi: number;
  roundTrip: number;
  meshFaces: number;
  faceApiFaces: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function request(worker: BenchWorker, route: string): Promise<{ ms: number; answer: { faces?: number; landmarks?: number; error?: unknown } }> {
  const start = performance.now();
  const answer = (await (await worker.fetch(route, { method: "POST" })).json()) as { faces?: number; landmarks?: number; error?: unknown };
  return { ms: performance.now() - start, answer };
}

/** Sends the photo and has the worker decode and keep it. */
async function loadDecoded(worker: BenchWorker, photo: Uint8Array): Promise<void> {
  await (await worker.fetch("/load", { method: "POST", body: photo })).json();
  const decoded = (await (await worker.fetch("/faces/decode", { method: "POST" })).json()) as { error?: unknown };
  if (decoded.error) throw new Error(`face bench: ${JSON.stringify(decoded.error)}`);
}

/** Times both detectors on `photo`. wrangler's dev server restarts the isolate when a bundled file
 *  changes on disk (other work in the same tree), and a new isolate holds no photo: such a run
 *  answers 409, is not counted, and the photo is sent again. */
export async function timeFaceModels(worker: BenchWorker, photo: Uint8Array): Promise<FaceFigures> {
  await loadDecoded(worker, photo);
  let reloads = 0;
  const mesh: number[] = [];
  const faceApi: number[] = [];
  const roundTrips: number[] = [];
  let meshFaces = 0;
  let faceApiFaces = 0;
  for (let i = 0; i <= FACE_RUNS; i++) {
    const start = performance.now();
    await (await worker.fetch("/noop")).text();
    const roundTrip = performance.now() - start;
    const m = await request(worker, "/faces/mesh");
    const f = await request(worker, "/faces/face-api");
    if (m.answer.error || f.answer.error) {
      if (++reloads > MAX_RELOADS) throw new Error(`face bench: ${JSON.stringify(m.answer.error ?? f.answer.error)}`);
      await loadDecoded(worker, photo);
      i--;
      continue;
    }
    meshFaces = m.answer.faces ?? 0;
    faceApiFaces = f.answer.faces ?? 0;
    if (i === 0) continue; // warm-up: weights parsed, JIT
    roundTrips.push(roundTrip);
    mesh.push(m.ms);
    faceApi.push(f.ms);
  }
  await (await worker.fetch("/faces/release", { method: "POST" })).json();
  const roundTrip = median(roundTrips);
  return { mesh: median(mesh) - roundTrip, faceApi: median(faceApi) - roundTrip, roundTrip, meshFaces, faceApiFaces };
}
