// The face finder alone in workerd (issue 15), for the photo section (photo-bench.ts): the face
// mesh (shared/photo/face-mesh: BlazeFace-128 + the 468-point mesh) with what the checks derive
// from it (shared/photo/face/finder.ts), on a decoded photo held by the bench worker
// (face-routes.ts), timed from outside as requests minus the median empty round trip; and sharp
// decoding the same file, the yardstick. They are timed in turn, round after round, so that on a
// shared machine they see the same load (sharp timed minutes apart gave 112–401 ms).
// Then the CPU time of each (process-cpu.ts), which the load does not change: under a load average
// of 15 on 2 cores the isolate's wall time was 2–4 × its CPU time, sharp's barely more than its.

import { descendantsCpuMs } from "./process-cpu.ts";

/** Mesh and round trip vary by a few ms under load: more runs than the full validation's 5. */
export const FACE_RUNS = 11;

interface BenchWorker {
  fetch(
    input: string,
    init?: { method?: string; body?: Uint8Array },
  ): Promise<{ json(): Promise<unknown>; text(): Promise<string> }>;
}

/** Most retries of a run whose isolate lost the photo (see below) before giving up. */
const MAX_RELOADS = 5;

export interface FaceFigures {
  /** Medians, round trip subtracted, in ms. */
  mesh: number;
  roundTrip: number;
  /** sharp's decode alone of the same file, timed between the face runs. */
  sharp: number;
  /** CPU time per call (Linux): the workerd process for each route (the empty round trip's
   *  subtracted), this process (sharp's threads) for the decode. Undefined without /proc. */
  cpu: { mesh: number; sharp: number } | undefined;
  meshFaces: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function request(
  worker: BenchWorker,
  route: string,
): Promise<{ ms: number; answer: { faces?: number; landmarks?: number; error?: unknown } }> {
  const start = performance.now();
  const answer = (await (await worker.fetch(route, { method: "POST" })).json()) as {
    faces?: number;
    landmarks?: number;
    error?: unknown;
  };
  return { ms: performance.now() - start, answer };
}

/** Sends the photo and has the worker decode and keep it. */
async function loadDecoded(worker: BenchWorker, photo: Uint8Array): Promise<void> {
  await (await worker.fetch("/load", { method: "POST", body: photo })).json();
  const decoded = (await (await worker.fetch("/faces/decode", { method: "POST" })).json()) as { error?: unknown };
  if (decoded.error) throw new Error(`face bench: ${JSON.stringify(decoded.error)}`);
}

/** Times the face finder on `photo`. wrangler's dev server restarts the isolate when a bundled file
 *  changes on disk (other work in the same tree), and a new isolate holds no photo: such a run
 *  answers 409, is not counted, and the photo is sent again. */
export async function timeFaceModels(
  worker: BenchWorker,
  photo: Uint8Array,
  sharpDecode: () => Promise<unknown>,
): Promise<FaceFigures> {
  await loadDecoded(worker, photo);
  let reloads = 0;
  const mesh: number[] = [];
  const roundTrips: number[] = [];
  const sharp: number[] = [];
  let meshFaces = 0;
  for (let i = 0; i <= FACE_RUNS; i++) {
    const start = performance.now();
    await (await worker.fetch("/noop")).text();
    const roundTrip = performance.now() - start;
    const m = await request(worker, "/faces/mesh");
    if (m.answer.error) {
      if (++reloads > MAX_RELOADS) throw new Error(`face bench: ${JSON.stringify(m.answer.error)}`);
      await loadDecoded(worker, photo);
      i--;
      continue;
    }
    const sharpStart = performance.now();
    await sharpDecode();
    const sharpTime = performance.now() - sharpStart;
    meshFaces = m.answer.faces ?? 0;
    if (i === 0) continue; // warm-up: weights parsed, JIT
    roundTrips.push(roundTrip);
    sharp.push(sharpTime);
    mesh.push(m.ms);
  }
  const cpu = await cpuTimes(worker, photo, sharpDecode);
  await (await worker.fetch("/faces/release", { method: "POST" })).json();
  const roundTrip = median(roundTrips);
  return {
    mesh: median(mesh) - roundTrip,
    roundTrip,
    sharp: median(sharp),
    cpu,
    meshFaces,
  };
}

/** Mean CPU time of FACE_RUNS calls of each, read from /proc around them. */
async function cpuTimes(
  worker: BenchWorker,
  photo: Uint8Array,
  sharpDecode: () => Promise<unknown>,
): Promise<FaceFigures["cpu"]> {
  if (descendantsCpuMs() === undefined) return undefined;
  const perCall = async (route: string): Promise<number> => {
    for (let attempt = 0; attempt <= MAX_RELOADS; attempt++) {
      const before = descendantsCpuMs()!;
      let lost = false;
      for (let i = 0; i < FACE_RUNS && !lost; i++) {
        // A 409 {"error": …}: a reloaded isolate without the photo (see timeFaceModels).
        lost = (await (await worker.fetch(route, { method: route === "/noop" ? "GET" : "POST" })).text()).startsWith(
          '{"error"',
        );
      }
      if (!lost) return (descendantsCpuMs()! - before) / FACE_RUNS;
      await loadDecoded(worker, photo);
    }
    throw new Error("face bench: the isolate kept losing the photo");
  };
  const noop = await perCall("/noop");
  const mesh = await perCall("/faces/mesh");
  const start = process.cpuUsage();
  for (let i = 0; i < FACE_RUNS; i++) await sharpDecode();
  const used = process.cpuUsage(start);
  return { mesh: mesh - noop, sharp: (used.user + used.system) / 1000 / FACE_RUNS };
}
