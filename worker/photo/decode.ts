import jpegDecoderWasm from "@jsquash/jpeg/codec/dec/mozjpeg_dec.wasm";
import pngDecoderWasm from "@jsquash/png/codec/pkg/squoosh_png_bg.wasm?module";
import decodeJpegWasm, { init as initJpegDecoder } from "@jsquash/jpeg/decode";
import { decode as decodePngWasm, init as initPngDecoder } from "@jsquash/png/decode";
import { pngImageDataProblem } from "./png-image-data.ts";

/*
 * WASM decoding in the worker (architecture.md, "Platform facts"):
 * - the modules are imported compiled (Workers forbid compiling from bytes);
 * - the decoders throw non-Error values (numbers, emscripten ExitStatus), so
 *   everything is caught and turned into a DecodeFailure;
 * - a failed mozjpeg decode can leave its input inside the instance, and WASM
 *   memory never shrinks: after a failure the JPEG decoder is re-created, so
 *   the old instance and its memory become garbage;
 * - a failed PNG decode leaks too, and jsquash keeps a single PNG instance, so PNG image data is
 *   verified first (png-image-data.ts) and bad data never reaches the decoder;
 * - a successful decode of a large JPEG also leaves the instance's memory at its high-water mark
 *   (54 MB for a progressive 2000×2800 4:4:4 file), held for the isolate's life beside the PNG
 *   decoder's and the face detector's: an instance that grew past JPEG_INSTANCE_KEEP_BYTES is
 *   dropped after the decode too (a new one costs a few milliseconds), so between uploads the
 *   JPEG decoder holds little;
 * - one decode at a time per isolate: a 2000×2800 RGBA image is 22 MB of the
 *   isolate's 128 MB, so concurrent uploads queue instead of stacking up.
 * Callers must bound dimensions from the header BEFORE calling (header.ts).
 */

export class DecodeFailure extends Error {
  constructor(readonly detail: string) {
    super(`decode failed: ${detail}`);
    this.name = "DecodeFailure";
  }
}

export interface DecodedImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** A JPEG decoder instance whose memory grew past this is replaced after its decode (see above). */
export const JPEG_INSTANCE_KEEP_BYTES = 24 * 1024 * 1024;

let jpegReady: Promise<void> | undefined;
let pngReady: Promise<unknown> | undefined;
let decodesSinceStart = 0;
let jpegInstancesCreated = 0;
/** The live instances' memories, read by wasmMemoryBytes() (the memory test and the benchmark). */
let jpegMemory: WebAssembly.Memory | undefined;
let pngMemory: WebAssembly.Memory | undefined;

function memoryOf(exports: object): WebAssembly.Memory | undefined {
  return Object.values(exports).find((value): value is WebAssembly.Memory => value instanceof WebAssembly.Memory);
}

function freshJpegDecoder(): Promise<void> {
  jpegInstancesCreated++;
  jpegReady = initJpegDecoder({
    // What jsquash does itself for a precompiled module (a synchronous Instance from the imported
    // module), keeping a handle on the instance's memory (emscripten minifies the export's name).
    instantiateWasm(imports: WebAssembly.Imports, done: (module: WebAssembly.Module) => void) {
      const instance = new WebAssembly.Instance(jpegDecoderWasm, imports);
      jpegMemory = memoryOf(instance.exports);
      // jsquash's typings name the callback's argument a Module; emscripten passes the Instance.
      (done as unknown as (instance: WebAssembly.Instance) => void)(instance);
      return instance.exports;
    },
  });
  return jpegReady;
}

/** Serializes decodes within the isolate. */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

function describe(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === "number") return `exit status ${thrown}`;
  if (thrown && typeof thrown === "object" && "status" in thrown)
    return `exit status ${String((thrown as { status: unknown }).status)}`;
  return String(thrown);
}

/** Decodes a JPEG or PNG whose header already passed the gate. Throws DecodeFailure only. */
export function decodeImage(format: "jpeg" | "png", bytes: Uint8Array): Promise<DecodedImage> {
  return oneAtATime(async () => {
    decodesSinceStart++;
    if (format === "png") {
      // A failed PNG decode leaks inside the one PNG instance: refuse bad data before it.
      const problem = await pngImageDataProblem(bytes);
      if (problem) throw new DecodeFailure(problem);
    }
    const buffer = bytes.slice().buffer;
    try {
      if (format === "jpeg") {
        await (jpegReady ?? freshJpegDecoder());
        const image = await decodeJpegWasm(buffer);
        if ((jpegMemory?.buffer.byteLength ?? 0) > JPEG_INSTANCE_KEEP_BYTES) jpegReady = undefined;
        return { width: image.width, height: image.height, data: image.data };
      }
      pngReady ??= initPngDecoder(pngDecoderWasm).then((exports) => (pngMemory = memoryOf(exports as object)));
      await pngReady;
      const image = await decodePngWasm(buffer, { bitDepth: 8 });
      return { width: image.width, height: image.height, data: image.data };
    } catch (thrown) {
      // Drop the possibly poisoned JPEG instance; the next decode gets a new one.
      if (format === "jpeg") jpegReady = undefined;
      throw new DecodeFailure(describe(thrown));
    }
  });
}

/** Counters for the memory test and the benchmark. */
export function decoderStats() {
  return { decodesSinceStart, jpegInstancesCreated };
}

/**
 * Bytes of WASM linear memory held by the live decoder instances (read-only diagnostic). WASM
 * memory only grows, so this is each instance's high-water mark; a replaced JPEG instance's
 * memory is no longer counted (it is garbage once the instance is dropped).
 */
export function wasmMemoryBytes(): { jpeg: number; png: number; total: number } {
  const jpeg = jpegReady ? (jpegMemory?.buffer.byteLength ?? 0) : 0;
  const png = pngMemory?.buffer.byteLength ?? 0;
  return { jpeg, png, total: jpeg + png };
}
