// Photo benchmark: what the upload route's validation costs in workerd, against a native yardstick.
//
// For each input (photo-inputs.ts):
//   workerd  the full validation of the upload route (validate-upload.ts: header, WASM decode,
//            orientation, checks, face detection, metadata strip) in a bench worker run by
//            wrangler's unstable_dev (photo-worker.ts). Workers freeze their clock while code
//            runs, so each run is timed from here, as a request, minus the median round trip of an
//            empty request; the photo is loaded into the isolate once beforehand.
//   native   sharp (libvips, libjpeg-turbo/libspng) decoding to raw RGBA, then the same TypeScript
//            checks and face detection in Node; and sharp's decode alone.
//   Node     the worker's own pipeline (same WASM) in Node, to tell V8/WASM cost from workerd's,
//            and the WASM decode alone, against sharp's.
// Then the ratios, and the WASM memory the isolate holds after the runs.
//
// The hostile input (a decompression bomb) must be refused by the header gate before any decode.
// Its yardsticks: the empty round trip (the request that does nothing: a ratio near 1 means the
// refusal costs nothing measurable), the full validation of the 2000×2800 JPEG (what decoding it
// would have started), and sharp refusing it natively with the same pixel limit
// (limitInputPixels = MAX_DECODE_PIXELS: libvips reads the header and stops).

import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { unstable_dev } from "wrangler";
import { runPixelChecks } from "../../shared/photo/checks/index.ts";
import { decodeImage } from "../../worker/photo/decode.ts";
import { MAX_DECODE_PIXELS } from "../../shared/photo/header.ts";
import { nodeFaceFinder } from "../lib/face-finder-node.ts";
import { validateUpload } from "../../worker/photo/validate-upload.ts";
import { ensureFaceMeshModels } from "../face-mesh-models.mjs";
import { FACE_RUNS, type FaceFigures, timeFaceModels } from "./face-bench.ts";
import { type BenchInput, benchInputs } from "./photo-inputs.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RUNS = 5;
/** A refusal takes well under a millisecond: more runs to steady the median. */
const HOSTILE_RUNS = 31;
const MB = 1024 * 1024;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up: instantiation, weights, JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return median(times);
}

interface Figures {
  workerd: number;
  nodeWasm: number;
  wasmDecode: number;
  /** PNG: decode.ts first inflates the image data to check it (png-image-data.ts), with Node's zlib. */
  png: boolean;
  sharpDecode: number;
  sharpChecks: number;
  verdict: string;
}

/** Decodes with sharp to RGBA, as the worker's decoders give it. */
async function sharpDecode(bytes: Uint8Array) {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength),
  };
}

interface HostileFigures {
  /** The whole /run request (round trip included), and the empty round trip. */
  workerdRequest: number;
  roundTrip: number;
  nodeWasm: number;
  sharpRefusal: number;
  verdict: string;
}

/** sharp refusing a file above the same pixel limit as the header gate (it must throw). */
async function sharpRefuses(bytes: Uint8Array): Promise<void> {
  try {
    await sharp(bytes, { limitInputPixels: MAX_DECODE_PIXELS }).raw().toBuffer();
  } catch {
    return;
  }
  throw new Error("sharp decoded a file above the pixel limit");
}

/** A refusal and the empty round trip, timed alternately (a refusal is as short as the round
 *  trip's own noise, so both are measured under the same load). */
async function timeRefusal(
  worker: Awaited<ReturnType<typeof unstable_dev>>,
  check: (answer: { error?: { code?: string } }) => void,
) {
  const requests: number[] = [];
  const roundTrips: number[] = [];
  for (let i = 0; i <= HOSTILE_RUNS; i++) {
    let start = performance.now();
    await (await worker.fetch("/noop")).text();
    const roundTrip = performance.now() - start;
    start = performance.now();
    check((await (await worker.fetch("/run", { method: "POST" })).json()) as { error?: { code?: string } });
    const request = performance.now() - start;
    if (i === 0) continue; // warm-up
    roundTrips.push(roundTrip);
    requests.push(request);
  }
  return { request: median(requests), roundTrip: median(roundTrips) };
}

async function benchInWorkerd(inputs: BenchInput[]): Promise<{
  times: number[];
  requestTimes: number[];
  roundTrips: number[];
  roundTrip: number;
  verdicts: string[];
  memory: unknown;
  faces: FaceFigures | undefined;
}> {
  const worker = await unstable_dev(path.join(root, "scripts/bench/photo-worker.ts"), {
    config: path.join(root, "scripts/bench/wrangler.bench.toml"),
    persist: false,
    logLevel: "error",
    experimental: { disableExperimentalWarning: true },
  });
  try {
    const roundTrip = await timed(HOSTILE_RUNS, () => worker.fetch("/noop").then((r) => r.text()));
    const times: number[] = [];
    const requestTimes: number[] = [];
    const roundTrips: number[] = [];
    const verdicts: string[] = [];
    let faces: FaceFigures | undefined;
    for (const input of inputs) {
      await worker.fetch("/load", { method: "POST", body: input.bytes }).then((r) => r.json());
      if (input.kind === "hostile") {
        const refusal = await timeRefusal(worker, (answer) => {
          if (answer.error?.code !== "photo_too_many_pixels")
            throw new Error(`${input.name}: not refused by the header gate: ${JSON.stringify(answer)}`);
        });
        requestTimes.push(refusal.request);
        roundTrips.push(refusal.roundTrip);
        times.push(refusal.request - refusal.roundTrip);
        verdicts.push("refused, photo_too_many_pixels");
        continue;
      }
      let verdict = "";
      const time = await timed(RUNS, async () => {
        const answer = (await (await worker.fetch("/run", { method: "POST" })).json()) as {
          verdict?: string;
          error?: unknown;
        };
        if (!answer.verdict) throw new Error(`${input.name}: refused in workerd: ${JSON.stringify(answer.error)}`);
        verdict = answer.verdict;
      });
      requestTimes.push(time);
      roundTrips.push(roundTrip);
      times.push(time - roundTrip);
      verdicts.push(verdict);
      // The face models alone, on the first photo (the 2000×2800 JPEG).
      faces ??= await timeFaceModels(worker, input.bytes, () => sharpDecode(input.bytes));
    }
    const memory = await (await worker.fetch("/memory")).json();
    return { times, requestTimes, roundTrips, roundTrip, verdicts, memory, faces };
  } finally {
    await worker.stop();
  }
}

const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;

export async function runPhotoBench(): Promise<void> {
  ensureFaceMeshModels(); // the bench worker bundles them (scripts/face-mesh-models.mjs)
  process.stdout.write("Generating the inputs… ");
  const inputs = await benchInputs();
  console.log(inputs.map((i) => `${i.name} ${(i.bytes.byteLength / MB).toFixed(2)} MB`).join(", "));
  console.log(`Median of ${RUNS} runs after one warm-up; the machine's load shows in every figure.\n`);

  process.stdout.write("workerd (bench worker)… ");
  const workerd = await benchInWorkerd(inputs);
  console.log("done");

  const detector = nodeFaceFinder();
  const figures: Figures[] = [];
  const hostile: { input: BenchInput; f: HostileFigures }[] = [];
  for (const [i, input] of inputs.entries()) {
    if (input.kind === "hostile") {
      const nodeWasm = await timed(HOSTILE_RUNS, () => validateUpload(input.bytes));
      const sharpRefusal = await timed(HOSTILE_RUNS, () => sharpRefuses(input.bytes));
      hostile.push({
        input,
        f: {
          workerdRequest: workerd.requestTimes[i]!,
          roundTrip: workerd.roundTrips[i]!,
          nodeWasm,
          sharpRefusal,
          verdict: workerd.verdicts[i]!,
        },
      });
      continue;
    }
    const nodeWasm = await timed(RUNS, () => validateUpload(input.bytes));
    const format = input.name.startsWith("PNG") ? "png" : "jpeg";
    const wasmDecode = await timed(RUNS, () => decodeImage(format, input.bytes));
    const sharpDecodeTime = await timed(RUNS, () => sharpDecode(input.bytes));
    const sharpChecks = await timed(RUNS, async () => {
      const image = await sharpDecode(input.bytes);
      return runPixelChecks(image, { faces: detector.detect(image) });
    });
    figures.push({
      workerd: workerd.times[i]!,
      nodeWasm,
      wasmDecode,
      png: format === "png",
      sharpDecode: sharpDecodeTime,
      sharpChecks,
      verdict: workerd.verdicts[i]!,
    });
  }

  console.log("");
  const photos = inputs.filter((input) => input.kind === "photo");
  for (const [i, input] of photos.entries()) {
    const f = figures[i]!;
    console.log(`${input.name}, ${(input.bytes.byteLength / MB).toFixed(2)} MB (verdict in workerd: ${f.verdict})`);
    console.log(`  workerd, full validation (header, WASM decode, checks, faces)  ${ms(f.workerd)}`);
    console.log(`  Node, the same pipeline (same WASM decoders)                   ${ms(f.nodeWasm)}`);
    console.log(`  native: sharp decode + the same checks and faces in Node        ${ms(f.sharpChecks)}`);
    console.log(`  native: sharp decode alone                                      ${ms(f.sharpDecode)}`);
    console.log(
      `  Node, decode.ts alone${f.png ? " (image-data check + WASM decode)" : " (WASM decode)            "}    ${ms(f.wasmDecode)}`,
    );
    console.log(
      `  ratio decode.ts / sharp decode                                  ${(f.wasmDecode / f.sharpDecode).toFixed(2).padStart(6)} ×`,
    );
    console.log(
      `  ratio workerd / native (decode + checks)                        ${(f.workerd / f.sharpChecks).toFixed(2).padStart(6)} ×`,
    );
    console.log(
      `  ratio Node WASM / native (decode + checks)                      ${(f.nodeWasm / f.sharpChecks).toFixed(2).padStart(6)} ×`,
    );
    console.log(
      `  checks and faces alone (native total − sharp decode)            ${ms(f.sharpChecks - f.sharpDecode)}`,
    );
    console.log("");
  }
  const largest = figures[0]!; // the 2000×2800 JPEG
  const faces = workerd.faces!;
  console.log(
    `The face finder alone (the mesh, crown and pose) on the ${photos[0]!.name} (decoded beforehand; median of ${FACE_RUNS}, round trip ${faces.roundTrip.toFixed(1)} ms subtracted; R = that median / sharp's decode alone of the same file, timed between them: ${faces.sharp.toFixed(0)} ms):`,
  );
  console.log(
    `face detection and landmarks (workerd): median ${faces.mesh.toFixed(0)} ms, ${(faces.mesh / faces.sharp).toFixed(2)} × sharp decode`,
  );
  console.log(`  (faces found: ${faces.meshFaces})`);
  // Below it, as issue 15 asks: the whole upload validation of the same file against the same
  // yardstick (sharp's decode alone, timed in the photo's own section of this run).
  console.log(
    `full validation (workerd): median ${largest.workerd.toFixed(0)} ms, ${(largest.workerd / largest.sharpDecode).toFixed(2)} × sharp decode`,
  );
  if (faces.cpu) {
    // Wall-clock figures on a loaded machine measure the scheduler as much as the code.
    console.log(
      `  CPU time per call (Linux /proc, whatever the load): face finder ${faces.cpu.mesh.toFixed(0)} ms in workerd, sharp's decode ${faces.cpu.sharp.toFixed(0)} ms (all its threads); mesh / sharp ${(faces.cpu.mesh / faces.cpu.sharp).toFixed(2)} ×`,
    );
  }
  console.log("");
  for (const { input, f } of hostile) {
    const ms3 = (value: number) => `${value.toFixed(3).padStart(8)} ms`;
    console.log(
      `${input.name}, ${(input.bytes.byteLength / 1024).toFixed(1)} KB (in workerd: ${f.verdict}); median of ${HOSTILE_RUNS} runs`,
    );
    console.log(`  workerd, the /run request (header refusal + round trip)      ${ms3(f.workerdRequest)}`);
    console.log(`  workerd, the empty round trip (/noop, timed alternately)     ${ms3(f.roundTrip)}`);
    console.log(
      `  workerd, refusal alone (request − round trip)                ${ms3(f.workerdRequest - f.roundTrip)}`,
    );
    console.log(`  Node, validateUpload (same header gate)                      ${ms3(f.nodeWasm)}`);
    console.log(`  native: sharp with limitInputPixels = ${MAX_DECODE_PIXELS} refusing it  ${ms3(f.sharpRefusal)}`);
    console.log(
      `  ratio refusal request / empty round trip                     ${(f.workerdRequest / f.roundTrip).toFixed(2).padStart(8)} ×`,
    );
    console.log(
      `  ratio refusal request / full validation of the 2000×2800 JPEG ${(f.workerdRequest / (largest.workerd + workerd.roundTrip)).toFixed(4).padStart(7)} ×`,
    );
    console.log(
      `  ratio Node header gate / sharp refusal                       ${(f.nodeWasm / f.sharpRefusal).toFixed(2).padStart(8)} ×`,
    );
    console.log("");
  }
  const memory = workerd.memory as {
    wasm: { jpeg: number; png: number; total: number };
    decoder: { decodesSinceStart: number; jpegInstancesCreated: number };
  };
  console.log("WASM memory held by the workerd isolate after the runs (decode.ts wasmMemoryBytes()):");
  console.log(
    `  MozJPEG decoder ${(memory.wasm.jpeg / MB).toFixed(1)} MB, PNG decoder ${(memory.wasm.png / MB).toFixed(1)} MB, total ${(memory.wasm.total / MB).toFixed(1)} MB`,
  );
  console.log(
    `  (${memory.decoder.decodesSinceStart} decodes, ${memory.decoder.jpegInstancesCreated} JPEG instance(s) created)`,
  );
  console.log("  Face detection runs in plain TypeScript (shared/photo/face-mesh): no WASM backend, no WASM memory.");
  console.log(
    `\nsharp ${sharp.versions.sharp} with libvips ${sharp.versions.vips}; ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores`,
  );
}
