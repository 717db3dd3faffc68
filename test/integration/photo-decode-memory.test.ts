// Needs its own workerd and storage: it measures the decoders' WASM memory, which other files' decodes would already have raised.
import { beforeAll, describe, expect, it } from "vitest";
import { JPEG_INSTANCE_KEEP_BYTES, decodeImage, decoderStats, wasmMemoryBytes } from "../../worker/photo/decode.ts";
import { parseJpegHeader, parsePngHeader } from "../../shared/photo/header.ts";
import { pngImageDataProblem } from "../../worker/photo/png-image-data.ts";
import { errorOf } from "../support/http.ts";
import { signedInApplicant } from "../support/factories.ts";
import {
  concatBytes,
  drawPortrait,
  encodePng,
  ihdr,
  PNG_SIGNATURE,
  pngChunk,
  zlib,
} from "../support/photo-fixtures.ts";
import { jpegOf, uploadPhoto, validPhoto } from "../support/journey.ts";
import { realFaces } from "../support/face-source.ts";

// The issue: "50 failing decodes in a row do not grow the isolate's memory without bound".
// Every file here passes the header gate (header.ts) and fails only when its image data is
// decoded. WASM memory never shrinks, so what is measured is the linear memory the decoder
// instances hold (decode.ts wasmMemoryBytes()), after 10 and after 50 failures, each time
// right after valid JPEG and PNG uploads have made both decoders do a full-size decode.

/** The offset of the first frame header (SOF0/SOF2) of a JPEG. */
function sofOffset(jpeg: Uint8Array): number {
  for (let i = 2; i + 1 < jpeg.length; i++)
    if (jpeg[i] === 0xff && (jpeg[i + 1] === 0xc0 || jpeg[i + 1] === 0xc2)) return i;
  throw new Error("no SOF");
}

/** A real JPEG whose first component uses quantization table 3, which the file never defines. */
function jpegWithUndefinedQuantTable(valid: Uint8Array): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(valid);
  bytes[sofOffset(bytes) + 12] = 3; // marker(2) length(2) precision(1) height(2) width(2) count(1) id(1) sampling(1) → Tq
  return bytes;
}

/** A real JPEG whose first Huffman table claims 16 × 200 codes (at most 256 are possible). */
function jpegWithBogusHuffmanTable(valid: Uint8Array): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(valid);
  let dht = 2;
  while (!(bytes[dht] === 0xff && bytes[dht + 1] === 0xc4)) dht++;
  bytes.fill(200, dht + 5, dht + 21);
  return bytes;
}

/** A PNG with intact chunks and CRCs whose IDAT is not a valid zlib stream. */
function pngWithDamagedDeflate(seed: number): Uint8Array<ArrayBuffer> {
  const junk = Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919 + seed * 31) & 255);
  return new Uint8Array(
    concatBytes([
      PNG_SIGNATURE,
      ihdr(1000, 1400, 8, 2),
      pngChunk("IDAT", concatBytes([[0x78, 0x9c], junk])),
      pngChunk("IEND"),
    ]),
  );
}

/** A PNG whose zlib stream is valid but holds only part of the declared scanlines. */
async function pngWithTooLittleData(): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    concatBytes([
      PNG_SIGNATURE,
      ihdr(1000, 1400, 8, 2),
      pngChunk("IDAT", await zlib(new Uint8Array(3001 * 100))),
      pngChunk("IEND"),
    ]),
  );
}

/** A PNG whose scanlines start with filter type 9 (only 0–4 exist). */
async function pngWithBadFilter(): Promise<Uint8Array<ArrayBuffer>> {
  const rows = new Uint8Array(3001 * 1400);
  for (let y = 0; y < 1400; y++) rows[y * 3001] = 9;
  return new Uint8Array(
    concatBytes([PNG_SIGNATURE, ihdr(1000, 1400, 8, 2), pngChunk("IDAT", await zlib(rows)), pngChunk("IEND")]),
  );
}

const MB = 1024 * 1024;
/**
 * The stated bound: both decoders at their high-water mark for the photos used here (900×1260:
 * 16 MB for MozJPEG, 15 MB for the PNG decoder, measured), with room for one more growth step
 * each. A leak of even the smallest input here (about 120 KB per failure) over 40 extra failures
 * would show as growth between the two measurements, which must be none.
 */
const BOUND = 48 * MB;

describe("decoding failures do not grow the isolate's memory", () => {
  let failing: { name: string; bytes: Uint8Array<ArrayBuffer> }[];
  let validJpeg: Uint8Array<ArrayBuffer>;
  let validPng: Uint8Array<ArrayBuffer>;

  beforeAll(async () => {
    validJpeg = await validPhoto();
    validPng = new Uint8Array(await encodePng(realFaces.valid())); // a real face: uploads run face detection
    failing = [
      { name: "JPEG, undefined quantization table", bytes: jpegWithUndefinedQuantTable(validJpeg) },
      { name: "PNG, damaged deflate stream", bytes: pngWithDamagedDeflate(1) },
      { name: "JPEG, bogus Huffman table", bytes: jpegWithBogusHuffmanTable(validJpeg) },
      { name: "PNG, too little image data", bytes: await pngWithTooLittleData() },
      { name: "PNG, invalid filter type", bytes: await pngWithBadFilter() },
    ];
  });

  it("every failing file passes the header gate (the failure is in the decode)", () => {
    for (const { name, bytes } of failing) {
      const parsed = name.startsWith("JPEG") ? parseJpegHeader(bytes) : parsePngHeader(bytes);
      expect(parsed.ok, name).toBe(true);
    }
  });

  it("50 failing decodes in a row: each a 422 photo_corrupt, memory bounded and not growing, a valid upload still succeeds", async () => {
    const applicant = await signedInApplicant();
    const person = applicant.persons[0]!;

    async function fail(count: number) {
      for (let i = 0; i < count; i++) {
        const { name, bytes } = failing[i % failing.length]!;
        const response = await uploadPhoto(
          applicant.browser,
          person.id,
          bytes,
          name.startsWith("JPEG") ? "image/jpeg" : "image/png",
        );
        expect(response.status, name).toBe(422);
        expect((await errorOf(response)).code, name).toBe("photo_corrupt");
      }
    }
    /** Valid JPEG and PNG uploads through the route, then the decoders' memory. */
    async function succeedAndMeasure() {
      expect((await uploadPhoto(applicant.browser, person.id, validJpeg)).status).toBe(201);
      expect((await uploadPhoto(applicant.browser, person.id, validPng, "image/png")).status).toBe(201);
      return wasmMemoryBytes();
    }

    const before = decoderStats();
    await fail(10);
    const after10 = await succeedAndMeasure();
    await fail(40);
    const after50 = await succeedAndMeasure();
    const stats = decoderStats();

    // The route and this test share decode.ts: all 54 uploads reached the decoder, and each JPEG
    // failure replaced the JPEG instance (20 of the 50 failures are JPEGs).
    expect(stats.decodesSinceStart - before.decodesSinceStart).toBe(54);
    expect(stats.jpegInstancesCreated - before.jpegInstancesCreated).toBeGreaterThanOrEqual(20);
    expect(after10.jpeg).toBeGreaterThan(0);
    expect(after10.png).toBeGreaterThan(0);
    expect(after50.total).toBeLessThanOrEqual(BOUND);
    expect(after50.jpeg).toBeLessThanOrEqual(after10.jpeg);
    expect(after50.png).toBeLessThanOrEqual(after10.png);
    console.info(
      `WASM memory after 10 failures: ${(after10.total / MB).toFixed(1)} MB; after 50: ${(after50.total / MB).toFixed(1)} MB (bound ${BOUND / MB} MB)`,
    );
  });
});

describe("successful decodes do not leave the JPEG decoder's memory high", () => {
  it("after a 2000×2800 JPEG, the grown instance is dropped: the next decode gets a new one and the memory held falls back", async () => {
    const large = await jpegOf(drawPortrait({ width: 2000, height: 2800, seed: 5 }));
    const before = decoderStats().jpegInstancesCreated;
    const image = await decodeImage("jpeg", large);
    expect([image.width, image.height]).toEqual([2000, 2800]);
    // The instance grew past the limit to hold 22 MB of pixels, so it was let go after the decode.
    expect(wasmMemoryBytes().jpeg).toBeLessThanOrEqual(JPEG_INSTANCE_KEEP_BYTES);
    const small = await decodeImage("jpeg", await validPhoto());
    expect(small.width).toBeGreaterThan(0);
    expect(decoderStats().jpegInstancesCreated).toBeGreaterThan(before);
    expect(wasmMemoryBytes().jpeg).toBeLessThanOrEqual(JPEG_INSTANCE_KEEP_BYTES);
  });
});

describe("pngImageDataProblem (what keeps bad PNG data away from the decoder)", () => {
  it("accepts valid PNGs: 8- and 16-bit, alpha, Adam7-interlaced, 1-bit greyscale", async () => {
    const small = drawPortrait({ width: 37, height: 53, seed: 3 });
    for (const options of [
      {},
      { bitDepth: 16 as const },
      { alpha: true },
      { interlace: true },
      { interlace: true, bitDepth: 16 as const, alpha: true },
    ])
      expect(await pngImageDataProblem(await encodePng(small, options)), JSON.stringify(options)).toBeUndefined();
    const oneBit = concatBytes([
      PNG_SIGNATURE,
      ihdr(13, 5, 1, 0),
      pngChunk("IDAT", await zlib(new Uint8Array(5 * 3))),
      pngChunk("IEND"),
    ]);
    expect(await pngImageDataProblem(oneBit)).toBeUndefined();
  });

  it("names what is wrong: damaged stream, missing or extra scanlines, bad filter type", async () => {
    expect(await pngImageDataProblem(pngWithDamagedDeflate(2))).toMatch(/damaged/);
    expect(await pngImageDataProblem(await pngWithTooLittleData())).toMatch(/ends before the last scanline/);
    expect(await pngImageDataProblem(await pngWithBadFilter())).toMatch(/invalid filter type 9/);
    const extra = concatBytes([
      PNG_SIGNATURE,
      ihdr(13, 5, 1, 0),
      pngChunk("IDAT", await zlib(new Uint8Array(5 * 3 + 1))),
      pngChunk("IEND"),
    ]);
    expect(await pngImageDataProblem(extra)).toMatch(/more image data/);
  });
});
