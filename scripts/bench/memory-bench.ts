// Memory benchmark: the peak memory of one workerd isolate while a mixed stream of large valid
// photos and hostile files goes through the upload route's validation (validate-upload.ts), in the
// photo bench worker (photo-worker.ts, POST /validate) run by wrangler's unstable_dev.
//
// What is measured, and what each figure means:
//   WASM      the decoders' linear memory (decode.ts wasmMemoryBytes()), read by the worker after
//             each upload. WASM memory never shrinks, so this is the decoders' high-water mark.
//   JS heap   V8's heap of the isolate (Runtime.getHeapUsage over the inspector: usedSize and
//             totalSize of the JavaScript heap, and backingStorageSize, the ArrayBuffer backing
//             stores outside it, e.g. decoded pixels), polled every few milliseconds during the
//             stream. workerd answers the inspector only between a request's steps, so a sample
//             inside a long synchronous step (decode, face detection) is not possible: the peak is
//             the highest value seen, a lower bound on the true peak.
//   RSS       the resident memory of the workerd process that runs the worker (/proc/<pid>/status:
//             VmRSS now, VmHWM its peak): everything the process holds (runtime, the one isolate,
//             WASM, code), an upper bound for the isolate.
// The isolate limit on Cloudflare is 128 MB for JS heap + WASM + array buffers together.

import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import encodeJpeg, { init as initJpegEncode } from "@jsquash/jpeg/encode.js";
import { unstable_dev } from "wrangler";
import {
  concatBytes,
  hugeDeclaredPng,
  ihdr,
  PNG_SIGNATURE,
  pngChunk,
  prng,
} from "../../test/support/photo-fixtures.ts";
import { type BenchInput, benchInputs, HEIGHT, WIDTH } from "./photo-inputs.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);
const MB = 1024 * 1024;
const ISOLATE_LIMIT = 128 * MB;
const ROUNDS = 3;
const INSPECTOR_PORT = 9339;
const POLL_MS = 10;

/** The stream's files: the photo bench's inputs plus the other hostile kinds the route refuses. */
async function streamInputs(): Promise<BenchInput[]> {
  const inputs = await benchInputs();
  const jpeg = inputs.find((i) => i.name === `JPEG ${WIDTH}×${HEIGHT}`)!.bytes;
  // A 4:4:4 progressive JPEG needs the most decoder memory (whole-image coefficient buffers).
  await initJpegEncode(
    await WebAssembly.compile(readFileSync(require.resolve("@jsquash/jpeg/codec/enc/mozjpeg_enc.wasm"))),
  );
  const smooth = new Uint8ClampedArray(WIDTH * HEIGHT * 4);
  for (let y = 0, i = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++, i += 4) smooth.set([(x * 255) / WIDTH, (y * 255) / HEIGHT, 150, 255], i);
  const progressive444 = new Uint8Array(
    await encodeJpeg({ width: WIDTH, height: HEIGHT, data: smooth, colorSpace: "srgb" } as ImageData, {
      quality: 90,
      progressive: true,
      auto_subsample: false,
      chroma_subsample: 1,
    }),
  );
  // Passes the header gate, fails in the decoder: the first Huffman table claims 16 × 200 codes.
  const bogusHuffman = jpeg.slice();
  let dht = 2;
  while (!(bogusHuffman[dht] === 0xff && bogusHuffman[dht + 1] === 0xc4)) dht++;
  bogusHuffman.fill(200, dht + 5, dht + 21);
  // Intact chunks and CRCs, a full-size IHDR, a damaged deflate stream: refused by png-image-data.ts.
  const random = prng(5);
  const damagedDeflate = concatBytes([
    PNG_SIGNATURE,
    ihdr(WIDTH, HEIGHT, 8, 2),
    pngChunk(
      "IDAT",
      concatBytes([[0x78, 0x9c], Uint8Array.from({ length: 200_000 }, () => Math.floor(random() * 256))]),
    ),
    pngChunk("IEND"),
  ]);
  return [
    ...inputs,
    { name: `JPEG ${WIDTH}×${HEIGHT} progressive 4:4:4`, bytes: progressive444, kind: "photo" },
    { name: `JPEG ${WIDTH}×${HEIGHT}, first half only`, bytes: jpeg.slice(0, jpeg.length >> 1), kind: "hostile" },
    { name: "JPEG, bogus Huffman table", bytes: bogusHuffman, kind: "hostile" },
    { name: "PNG, damaged deflate stream", bytes: damagedDeflate, kind: "hostile" },
    { name: "PNG declaring 30000×30000", bytes: await hugeDeclaredPng(), kind: "hostile" },
  ];
}

/** The workerd process that runs the worker: the child started with an inspector address. */
function workerProcess(): number | undefined {
  const out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(process.pid)]).toString();
  const line = out.split("\n").find((l) => l.includes("workerd") && l.includes("--inspector-addr"));
  return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
}
function processMemory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb("VmRSS"), hwm: kb("VmHWM") };
}

interface HeapUsage {
  usedSize: number;
  totalSize: number;
  backingStorageSize?: number;
}

/** A Chrome DevTools Protocol session over wrangler's inspector proxy. */
async function inspector(port: number) {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json`)).json()) as { webSocketDebuggerUrl: string }[];
  // The proxy wants an Origin it knows (localhost); Node's WebSocket (undici) can send one.
  const WebSocketWithHeaders = WebSocket as unknown as new (
    url: string,
    init: { headers: Record<string, string> },
  ) => WebSocket;
  const socket = new WebSocketWithHeaders(targets[0]!.webSocketDebuggerUrl, {
    headers: { Origin: "http://localhost" },
  });
  await new Promise((resolve, reject) => {
    socket.addEventListener("open", resolve);
    socket.addEventListener("error", reject);
  });
  let nextId = 0;
  const pending = new Map<number, (result: unknown) => void>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
    if (message.id !== undefined) pending.delete(message.id);
  });
  return {
    heapUsage(): Promise<HeapUsage> {
      const id = ++nextId;
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: unknown) => void);
        socket.send(JSON.stringify({ id, method: "Runtime.getHeapUsage" }));
      });
    },
    close: () => socket.close(),
  };
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(1).padStart(6)} MB`;

export async function runMemoryBench(): Promise<void> {
  process.stdout.write("Generating the inputs… ");
  const inputs = await streamInputs();
  console.log(`${inputs.length} kinds of file`);
  const worker = await unstable_dev(path.join(root, "scripts/bench/photo-worker.ts"), {
    config: path.join(root, "scripts/bench/wrangler.bench.toml"),
    persist: false,
    logLevel: "none", // the JPEG decoder prints libjpeg's warnings for the damaged files
    inspect: true,
    inspectorPort: INSPECTOR_PORT,
    experimental: { disableExperimentalWarning: true },
  });
  try {
    await (await worker.fetch("/noop")).text();
    const pid = workerProcess();
    const session = await inspector(INSPECTOR_PORT);
    const startHeap = await session.heapUsage();
    const startProcess = pid ? processMemory(pid) : undefined;

    // Poll the heap during the whole stream; note which samples came back while an upload ran.
    const peak = {
      used: startHeap.usedSize,
      total: startHeap.totalSize,
      backing: startHeap.backingStorageSize ?? 0,
      heapAndBacking: startHeap.usedSize + (startHeap.backingStorageSize ?? 0),
      rss: startProcess?.rss ?? 0,
    };
    let inFlight = false;
    let samples = 0;
    let samplesDuringUploads = 0;
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const usage = await session.heapUsage();
        samples++;
        if (inFlight) samplesDuringUploads++;
        peak.used = Math.max(peak.used, usage.usedSize);
        peak.total = Math.max(peak.total, usage.totalSize);
        peak.backing = Math.max(peak.backing, usage.backingStorageSize ?? 0);
        peak.heapAndBacking = Math.max(peak.heapAndBacking, usage.usedSize + (usage.backingStorageSize ?? 0));
        if (pid) peak.rss = Math.max(peak.rss, processMemory(pid).rss);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    })();

    // Each round: every file once, in a seeded random order.
    const random = prng(2026);
    const order: BenchInput[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const batch = [...inputs];
      for (let i = batch.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [batch[i], batch[j]] = [batch[j]!, batch[i]!];
      }
      order.push(...batch);
    }

    console.log(`\n${ROUNDS} rounds of ${inputs.length} files in a seeded order, one isolate, one upload at a time:\n`);
    console.log(
      "  #  file                                      outcome                             time     WASM after   JS heap used after",
    );
    let wasmPeak = 0;
    const started = performance.now();
    for (const [n, input] of order.entries()) {
      inFlight = true;
      const t0 = performance.now();
      const answer = (await (await worker.fetch("/validate", { method: "POST", body: input.bytes })).json()) as {
        verdict?: string;
        refusal?: string;
        wasm: { total: number };
      };
      const time = performance.now() - t0;
      inFlight = false;
      const heap = await session.heapUsage();
      wasmPeak = Math.max(wasmPeak, answer.wasm.total);
      const outcome = answer.verdict ? `checked, ${answer.verdict}` : `refused, ${answer.refusal}`;
      console.log(
        `${String(n + 1).padStart(3)}  ${input.name.padEnd(40)}  ${outcome.padEnd(34)} ${time.toFixed(0).padStart(6)} ms ${mb(answer.wasm.total)}   ${mb(heap.usedSize)}`,
      );
    }
    const seconds = (performance.now() - started) / 1000;
    polling = false;
    await poller;
    const endProcess = pid ? processMemory(pid) : undefined;
    session.close();

    console.log(
      `\n${order.length} uploads in ${seconds.toFixed(0)} s; ${samples} heap samples, ${samplesDuringUploads} of them answered while an upload was in flight`,
    );
    console.log(`Peaks (the isolate limit is ${ISOLATE_LIMIT / MB} MB):`);
    console.log(
      `  WASM, both decoders (high-water)            ${mb(wasmPeak)}  ${((wasmPeak / ISOLATE_LIMIT) * 100).toFixed(0).padStart(3)}% of the limit`,
    );
    console.log(
      `  JS heap used, highest sample                ${mb(peak.used)}  ${((peak.used / ISOLATE_LIMIT) * 100).toFixed(0).padStart(3)}%   (at start ${mb(startHeap.usedSize).trim()})`,
    );
    console.log(
      `  JS heap reserved (totalSize), highest       ${mb(peak.total)}  ${((peak.total / ISOLATE_LIMIT) * 100).toFixed(0).padStart(3)}%`,
    );
    console.log(
      `  array buffer backing stores, highest        ${mb(peak.backing)}  ${((peak.backing / ISOLATE_LIMIT) * 100).toFixed(0).padStart(3)}%   (outside the JS heap: WASM memories, pixels, and buffers not yet collected)`,
    );
    console.log(
      `  JS heap used + backing stores, highest      ${mb(peak.heapAndBacking)}  ${((peak.heapAndBacking / ISOLATE_LIMIT) * 100).toFixed(0).padStart(3)}%   (one sample)`,
    );
    console.log(
      `  WASM + JS heap used (sum of the two peaks)  ${mb(wasmPeak + peak.used)}  ${(((wasmPeak + peak.used) / ISOLATE_LIMIT) * 100).toFixed(0).padStart(3)}%`,
    );
    // Yardstick measured in this run: the same isolate idle, before the first upload.
    console.log(`  ratio JS heap used, highest / at start (same run) ${(peak.used / startHeap.usedSize).toFixed(1)} ×`);
    if (startProcess && endProcess) {
      console.log(
        `  workerd process RSS: after start ${mb(startProcess.rss).trim()}, highest sample ${mb(peak.rss).trim()}, VmHWM ${mb(endProcess.hwm).trim()} (growth ${mb(endProcess.hwm - startProcess.rss).trim()})`,
      );
      console.log(`  ratio highest RSS / RSS after start (same run)    ${(peak.rss / startProcess.rss).toFixed(1)} ×`);
    } else {
      console.log("  workerd process: not found (RSS not reported)");
    }
    console.log(
      `\nworkerd ${execFileSync(path.join(root, "node_modules/.bin/workerd"), ["--version"]).toString().trim()}; ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores`,
    );
  } finally {
    await worker.stop();
  }
}
