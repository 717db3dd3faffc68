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

import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { unstable_dev } from "wrangler";
import { runPixelChecks } from "../../worker/photo/checks/index.ts";
import { decodeImage } from "../../worker/photo/decode.ts";
import { getFaceDetector } from "../../worker/photo/face/worker-detector.ts";
import { validateUpload } from "../../worker/photo/validate-upload.ts";
import { type BenchInput, benchInputs } from "./photo-inputs.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RUNS = 5;
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
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength) };
}

async function benchInWorkerd(inputs: BenchInput[]): Promise<{ times: number[]; verdicts: string[]; memory: unknown }> {
  const worker = await unstable_dev(path.join(root, "scripts/bench/photo-worker.ts"), {
    config: path.join(root, "scripts/bench/wrangler.bench.toml"),
    persist: false,
    logLevel: "error",
    experimental: { disableExperimentalWarning: true },
  });
  try {
    const roundTrip = await timed(RUNS * 2, () => worker.fetch("/noop").then((r) => r.text()));
    const times: number[] = [];
    const verdicts: string[] = [];
    for (const input of inputs) {
      await worker.fetch("/load", { method: "POST", body: input.bytes }).then((r) => r.json());
      let verdict = "";
      const time = await timed(RUNS, async () => {
        const answer = (await (await worker.fetch("/run", { method: "POST" })).json()) as { verdict?: string; error?: unknown };
        if (!answer.verdict) throw new Error(`${input.name}: refused in workerd: ${JSON.stringify(answer.error)}`);
        verdict = answer.verdict;
      });
      times.push(time - roundTrip);
      verdicts.push(verdict);
    }
    const memory = await (await worker.fetch("/memory")).json();
    return { times, verdicts, memory };
  } finally {
    await worker.stop();
  }
}

const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;

export async function runPhotoBench(): Promise<void> {
  process.stdout.write("Generating the inputs… ");
  const inputs = await benchInputs();
  console.log(inputs.map((i) => `${i.name} ${(i.bytes.byteLength / MB).toFixed(2)} MB`).join(", "));
  console.log(`Median of ${RUNS} runs after one warm-up; the machine's load shows in every figure.\n`);

  process.stdout.write("workerd (bench worker)… ");
  const workerd = await benchInWorkerd(inputs);
  console.log("done");

  const detector = getFaceDetector();
  const figures: Figures[] = [];
  for (const [i, input] of inputs.entries()) {
    const nodeWasm = await timed(RUNS, () => validateUpload(input.bytes));
    const format = input.name.startsWith("PNG") ? "png" : "jpeg";
    const wasmDecode = await timed(RUNS, () => decodeImage(format, input.bytes));
    const sharpDecodeTime = await timed(RUNS, () => sharpDecode(input.bytes));
    const sharpChecks = await timed(RUNS, async () => {
      const image = await sharpDecode(input.bytes);
      return runPixelChecks(image, { faces: await detector.detect(image) });
    });
    figures.push({ workerd: workerd.times[i]!, nodeWasm, wasmDecode, png: format === "png", sharpDecode: sharpDecodeTime, sharpChecks, verdict: workerd.verdicts[i]! });
  }

  console.log("");
  for (const [i, input] of inputs.entries()) {
    const f = figures[i]!;
    console.log(`${input.name}, ${(input.bytes.byteLength / MB).toFixed(2)} MB (verdict in workerd: ${f.verdict})`);
    console.log(`  workerd, full validation (header, WASM decode, checks, faces)  ${ms(f.workerd)}`);
    console.log(`  Node, the same pipeline (same WASM decoders)                   ${ms(f.nodeWasm)}`);
    console.log(`  native: sharp decode + the same checks and faces in Node        ${ms(f.sharpChecks)}`);
    console.log(`  native: sharp decode alone                                      ${ms(f.sharpDecode)}`);
    console.log(`  Node, decode.ts alone${f.png ? " (image-data check + WASM decode)" : " (WASM decode)            "}    ${ms(f.wasmDecode)}`);
    console.log(`  ratio decode.ts / sharp decode                                  ${(f.wasmDecode / f.sharpDecode).toFixed(2).padStart(6)} ×`);
    console.log(`  ratio workerd / native (decode + checks)                        ${(f.workerd / f.sharpChecks).toFixed(2).padStart(6)} ×`);
    console.log(`  ratio Node WASM / native (decode + checks)                      ${(f.nodeWasm / f.sharpChecks).toFixed(2).padStart(6)} ×`);
    console.log(`  checks and faces alone (native total − sharp decode)            ${ms(f.sharpChecks - f.sharpDecode)}`);
    console.log("");
  }
  const memory = workerd.memory as { wasm: { jpeg: number; png: number; total: number }; decoder: { decodesSinceStart: number; jpegInstancesCreated: number } };
  console.log("WASM memory held by the workerd isolate after the runs (decode.ts wasmMemoryBytes()):");
  console.log(`  MozJPEG decoder ${(memory.wasm.jpeg / MB).toFixed(1)} MB, PNG decoder ${(memory.wasm.png / MB).toFixed(1)} MB, total ${(memory.wasm.total / MB).toFixed(1)} MB`);
  console.log(`  (${memory.decoder.decodesSinceStart} decodes, ${memory.decoder.jpegInstancesCreated} JPEG instance(s) created)`);
  console.log("  Face detection runs in plain TypeScript (worker/photo/face): no WASM backend, no WASM memory.");
  console.log(`\nsharp ${sharp.versions.sharp} with libvips ${sharp.versions.vips}; ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores`);
}
