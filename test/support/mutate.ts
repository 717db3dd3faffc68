// Seeded, structure-aware mutations of JPEG and PNG files, for the upload fuzz test
// (integration/upload-fuzz.test.ts). Same seed, same bytes: a failing file is reproduced from
// the seed and its index alone.
//
// Blind byte noise mostly dies at the magic bytes, a PNG CRC or a JPEG length, and never tests the
// decoders. So besides generic byte edits there are mutations that keep the file's framing valid
// on purpose: PNG chunks edited and their CRC recomputed, PNG image data inflated, damaged and
// deflated again (the zlib stream is intact, the scanlines are not), and JPEG entropy-coded data
// edited without creating a marker (no new 0xFF byte, byte stuffing kept), so that the file passes
// the header gate and the damage reaches the WASM decoder.

import { concatBytes, pngChunk, zlib } from "./photo-fixtures.ts";

export type Random = () => number;
interface Mutant {
  bytes: Uint8Array<ArrayBuffer>;
  /** The operations applied, in order, for the report and for reproduction. */
  ops: string[];
}

const int = (r: Random, n: number) => Math.floor(r() * n);
const pick = <T>(r: Random, items: readonly T[]): T => items[int(r, items.length)]!;
const splice = (b: Uint8Array, start: number, end: number, insert: Uint8Array | number[] = []) =>
  concatBytes([b.subarray(0, start), insert, b.subarray(end)]);
const randomBytes = (r: Random, n: number) => Uint8Array.from({ length: n }, () => int(r, 256));
/** Values that tend to find off-by-one and overflow bugs in length and size fields. */
const INTERESTING_16 = [0, 1, 2, 3, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xfffe, 0xffff];

// --- Generic byte edits (any file) ---------------------------------------------------------------

const generic: Record<string, (b: Uint8Array, r: Random) => Uint8Array> = {
  bitFlips(b, r) {
    const out = b.slice();
    for (let k = 1 + int(r, 8); k > 0; k--) {
      const at = int(r, out.length);
      out[at] = out[at]! ^ (1 << int(r, 8));
    }
    return out;
  },
  byteRun(b, r) {
    const out = b.slice();
    const at = int(r, out.length);
    const value = pick(r, [0x00, 0xff, -1]);
    const end = Math.min(out.length, at + 1 + int(r, 64));
    for (let i = at; i < end; i++) out[i] = value < 0 ? int(r, 256) : value;
    return out;
  },
  truncate: (b, r) => b.slice(0, 1 + int(r, b.length - 1)),
  insertBytes(b, r) {
    const at = int(r, b.length + 1);
    return splice(b, at, at, randomBytes(r, 1 + int(r, 32)));
  },
  deleteRange(b, r) {
    const at = int(r, b.length);
    return splice(b, at, Math.min(b.length, at + 1 + int(r, 64)));
  },
  duplicateRange(b, r) {
    const from = int(r, b.length);
    const piece = b.slice(from, Math.min(b.length, from + 1 + int(r, 256)));
    const at = int(r, b.length + 1);
    return splice(b, at, at, piece);
  },
};

// --- JPEG ------------------------------------------------------------------------------------------

interface JpegSegment {
  marker: number;
  start: number;
  /** End of the segment's header bytes (marker + length + payload). */
  end: number;
}
interface JpegLayout {
  segments: JpegSegment[];
  /** Entropy-coded data after each SOS, [start, end). */
  entropy: [number, number][];
}

/** Walks the marker segments the way a decoder would; stops quietly at anything odd. */
function jpegLayout(b: Uint8Array): JpegLayout {
  const segments: JpegSegment[] = [];
  const entropy: [number, number][] = [];
  let i = 2;
  while (i + 3 < b.length && b[i] === 0xff) {
    const marker = b[i + 1]!;
    if (marker === 0xd9) break;
    const length = (b[i + 2]! << 8) | b[i + 3]!;
    const end = i + 2 + length;
    if (length < 2 || end > b.length) break;
    segments.push({ marker, start: i, end });
    i = end;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is not stuffing (FF 00) or a restart.
      let j = i;
      while (j + 1 < b.length && !(b[j] === 0xff && b[j + 1] !== 0x00 && (b[j + 1]! < 0xd0 || b[j + 1]! > 0xd7))) j++;
      entropy.push([i, j]);
      i = j;
    }
  }
  return { segments, entropy };
}

/** Positions inside entropy-coded data that can change without creating or breaking a marker. */
function freeEntropyPositions(b: Uint8Array, layout: JpegLayout): number[] {
  const free: number[] = [];
  for (const [start, end] of layout.entropy)
    for (let p = start; p < end; p++) if (b[p] !== 0xff && b[p - 1] !== 0xff) free.push(p);
  return free;
}

const jpeg: Record<string, (b: Uint8Array, r: Random, layout: JpegLayout) => Uint8Array | undefined> = {
  removeSegment(b, r, { segments }) {
    const s = segments.length ? pick(r, segments) : undefined;
    return s && splice(b, s.start, s.end);
  },
  duplicateSegment(b, r, { segments }) {
    const s = segments.length ? pick(r, segments) : undefined;
    if (!s) return undefined;
    const at = pick(r, segments).start;
    return splice(b, at, at, b.slice(s.start, s.end));
  },
  swapSegments(b, r, { segments }) {
    if (segments.length < 2) return undefined;
    const k = int(r, segments.length - 1);
    const [x, y] = [segments[k]!, segments[k + 1]!];
    if (x.end !== y.start) return undefined; // entropy data between them
    return concatBytes([
      b.subarray(0, x.start),
      b.subarray(y.start, y.end),
      b.subarray(x.start, x.end),
      b.subarray(y.end),
    ]);
  },
  editLength(b, r, { segments }) {
    const s = segments.length ? pick(r, segments) : undefined;
    if (!s) return undefined;
    const length = s.end - s.start - 2;
    const value = pick(r, [...INTERESTING_16, length - 1, length + 1, length + int(r, 64) - 32]) & 0xffff;
    const out = b.slice();
    out[s.start + 2] = value >> 8;
    out[s.start + 3] = value & 255;
    return out;
  },
  /** A byte of a frame header, Huffman or quantization table or scan header: sizes, sampling
   *  factors, table ids, component counts, code counts. */
  editTableOrFrameField(b, r, { segments }) {
    const tables = segments.filter(
      (s) => [0xc0, 0xc1, 0xc2, 0xc4, 0xdb, 0xda, 0xdd].includes(s.marker) || (s.marker & 0xf0) === 0xc0,
    );
    const s = tables.length ? pick(r, tables) : undefined;
    if (!s || s.end - s.start <= 4) return undefined;
    const out = b.slice();
    const at = s.start + 4 + int(r, s.end - s.start - 4);
    out[at] = pick(r, [
      0,
      1,
      2,
      3,
      4,
      0x0f,
      0x10,
      0x11,
      0x22,
      0x44,
      0x80,
      0xff,
      int(r, 256),
      out[at]! ^ (1 << int(r, 8)),
    ]);
    return out;
  },
  /** New image dimensions in the frame header (bytes 5–8 of SOFn): the data no longer fits. */
  editDimensions(b, r, { segments }) {
    const sof = segments.find(
      (s) => (s.marker & 0xf0) === 0xc0 && s.marker !== 0xc4 && s.marker !== 0xc8 && s.marker !== 0xcc,
    );
    if (!sof) return undefined;
    const out = b.slice();
    const side = () => pick(r, [0, 1, 8, 15, 16, 17, 64, 715, 1000, 2000, 2800, 2801, 0xffff, int(r, 0x10000)]);
    const [height, width] = [side(), side()];
    out.set([height >> 8, height & 255, width >> 8, width & 255], sof.start + 5);
    return out;
  },
  insertMarker(b, r, layout) {
    const marker = pick(r, [0xd0 + int(r, 8), 0xd8, 0xd9, 0x01, 0xc0, 0xc2, 0xc4, 0xdb, 0xda, 0xdd, 0xe1, 0xfe, 0xff]);
    const standalone = marker === 0x01 || marker === 0xff || (marker >= 0xd0 && marker <= 0xd9);
    const bytes = standalone ? [0xff, marker] : concatBytes([[0xff, marker, 0, 0], randomBytes(r, int(r, 24))]);
    if (!standalone) bytes[3] = bytes.length - 2;
    const inside = layout.entropy.length > 0 && r() < 0.5;
    const at = inside
      ? pick(r, freeEntropyPositions(b, layout).concat(b.length - 2))
      : layout.segments.length
        ? pick(r, layout.segments).start
        : 2;
    return splice(b, at, at, bytes);
  },
  /** Bit flips in the entropy-coded data only: the markers survive, the Huffman codes do not. */
  entropyFlips(b, r, layout) {
    const free = freeEntropyPositions(b, layout);
    if (!free.length) return undefined;
    const out = b.slice();
    for (let k = 1 + int(r, 16); k > 0; k--) {
      const at = pick(r, free);
      const value = out[at]! ^ (1 << int(r, 8));
      if (value !== 0xff) out[at] = value;
    }
    return out;
  },
  /** A run of random bytes over the entropy-coded data (never 0xFF, stuffing pairs untouched). */
  entropyRun(b, r, layout) {
    const free = freeEntropyPositions(b, layout);
    if (!free.length) return undefined;
    const out = b.slice();
    const from = int(r, free.length);
    for (const at of free.slice(from, from + 1 + int(r, 96))) out[at] = int(r, 255);
    return out;
  },
  /** The scan cut short and closed with a clean EOI. */
  entropyCut(b, r, layout) {
    const free = freeEntropyPositions(b, layout);
    if (!free.length) return undefined;
    return concatBytes([b.subarray(0, pick(r, free)), [0xff, 0xd9]]);
  },
};

// --- PNG ---------------------------------------------------------------------------------------------

interface PngChunkSpan {
  type: string;
  start: number;
  dataStart: number;
  dataEnd: number;
  end: number;
}

function pngChunks(b: Uint8Array): PngChunkSpan[] {
  const chunks: PngChunkSpan[] = [];
  let i = 8;
  while (i + 12 <= b.length) {
    const length = ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);
    const end = i + 12 + length;
    if (end > b.length) break;
    chunks.push({
      type: String.fromCharCode(...b.subarray(i + 4, i + 8)),
      start: i,
      dataStart: i + 8,
      dataEnd: i + 8 + length,
      end,
    });
    i = end;
  }
  return chunks;
}

async function inflate(data: Uint8Array): Promise<Uint8Array | undefined> {
  try {
    const stream = new Blob([new Uint8Array(data)]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return undefined;
  }
}

const ANCILLARY = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME", "gAMA", "pHYs", "sRGB", "iCCP", "bKGD", "ruSt"];
const OTHERS = ["PLTE", "IHDR", "IEND", "IDAT", "acTL", "fcTL", "RUST"];

const png: Record<
  string,
  (b: Uint8Array, r: Random, chunks: PngChunkSpan[]) => Uint8Array | undefined | Promise<Uint8Array | undefined>
> = {
  removeChunk(b, r, chunks) {
    const c = chunks.length ? pick(r, chunks) : undefined;
    return c && splice(b, c.start, c.end);
  },
  duplicateChunk(b, r, chunks) {
    const c = chunks.length ? pick(r, chunks) : undefined;
    if (!c) return undefined;
    const at = pick(r, chunks).start;
    return splice(b, at, at, b.slice(c.start, c.end));
  },
  swapChunks(b, r, chunks) {
    if (chunks.length < 2) return undefined;
    const k = int(r, chunks.length - 1);
    const [x, y] = [chunks[k]!, chunks[k + 1]!];
    return concatBytes([
      b.subarray(0, x.start),
      b.subarray(y.start, y.end),
      b.subarray(x.start, x.end),
      b.subarray(y.end),
    ]);
  },
  /** A new chunk with a correct CRC: metadata, unknown ancillary or critical, APNG, a second
   *  IHDR/IEND/PLTE, an empty IDAT. */
  insertChunk(b, r, chunks) {
    const type = r() < 0.6 ? pick(r, ANCILLARY) : pick(r, OTHERS);
    const at = chunks.length ? pick(r, chunks).start : 8;
    return splice(b, at, at, pngChunk(type, randomBytes(r, type === "IEND" ? 0 : int(r, 48))));
  },
  editLength(b, r, chunks) {
    const c = chunks.length ? pick(r, chunks) : undefined;
    if (!c) return undefined;
    const length = c.dataEnd - c.dataStart;
    const value =
      pick(r, [0, 1, 13, length - 1, length + 1, 0x7fffffff, 0x80000000, 0xffffffff, int(r, 0x10000)]) >>> 0;
    const out = b.slice();
    new DataView(out.buffer).setUint32(c.start, value);
    return out;
  },
  breakCrc(b, r, chunks) {
    const c = chunks.length ? pick(r, chunks) : undefined;
    if (!c) return undefined;
    const out = b.slice();
    const at = c.dataEnd + int(r, 4);
    out[at] = out[at]! ^ (1 + int(r, 255));
    return out;
  },
  /** IHDR fields (size, bit depth, colour type, methods, interlace), CRC recomputed. */
  editHeaderFixedCrc(b, r, chunks) {
    const c = chunks.find((x) => x.type === "IHDR" && x.dataEnd - x.dataStart === 13);
    if (!c) return undefined;
    const data = b.slice(c.dataStart, c.dataEnd);
    const view = new DataView(data.buffer);
    const field = int(r, 7);
    if (field < 2)
      view.setUint32(
        field * 4,
        pick(r, [0, 1, 15, 16, 715, 1000, 2000, 2800, 2801, 30000, 0x7fffffff, 0x80000000, int(r, 5000)]) >>> 0,
      );
    else data[6 + field] = pick(r, [0, 1, 2, 3, 4, 6, 7, 8, 16, 255, int(r, 256)]);
    return splice(b, c.start, c.end, pngChunk("IHDR", data));
  },
  /** Random edits inside any chunk's data, CRC recomputed, so the chunk reaches its reader. */
  editDataFixedCrc(b, r, chunks) {
    const c = chunks.filter((x) => x.dataEnd > x.dataStart);
    const chunk = c.length ? pick(r, c) : undefined;
    if (!chunk) return undefined;
    const data = generic[pick(r, ["bitFlips", "byteRun", "truncate", "insertBytes", "deleteRange"])]!(
      b.slice(chunk.dataStart, chunk.dataEnd),
      r,
    );
    return splice(b, chunk.start, chunk.end, pngChunk(chunk.type, data));
  },
  /** The image data split across several IDAT chunks (valid PNG, another code path). */
  splitIdat(b, r, chunks) {
    const idat = chunks.find((x) => x.type === "IDAT");
    if (!idat || idat.dataEnd - idat.dataStart < 3) return undefined;
    const data = b.slice(idat.dataStart, idat.dataEnd);
    const cut1 = 1 + int(r, data.length - 2);
    const cut2 = cut1 + int(r, data.length - cut1);
    return splice(
      b,
      idat.start,
      idat.end,
      concatBytes([
        pngChunk("IDAT", data.subarray(0, cut1)),
        pngChunk("IDAT", data.subarray(cut1, cut2)),
        pngChunk("IDAT", data.subarray(cut2)),
      ]),
    );
  },
  /** The scanlines themselves damaged (filter bytes, pixels, length), re-deflated into an intact
   *  zlib stream with correct CRCs: only the image-data check or the decoder can notice. */
  async editScanlines(b, r, chunks) {
    const idats = chunks.filter((x) => x.type === "IDAT");
    if (!idats.length) return undefined;
    const raw = await inflate(concatBytes(idats.map((c) => b.subarray(c.dataStart, c.dataEnd))));
    if (!raw?.length) return undefined;
    let edited: Uint8Array = raw.slice();
    const how = pick(r, ["filterBytes", "pixels", "shorter", "longer"]);
    if (how === "filterBytes")
      for (let k = 1 + int(r, 4); k > 0; k--) edited[int(r, edited.length)] = pick(r, [0, 1, 2, 3, 4, 5, 9, 255]);
    else if (how === "pixels") edited = generic[pick(r, ["bitFlips", "byteRun"])]!(edited, r);
    else if (how === "shorter") edited = edited.slice(0, int(r, edited.length));
    else edited = concatBytes([edited, randomBytes(r, 1 + int(r, 64))]);
    const first = idats[0]!;
    const last = idats[idats.length - 1]!;
    return splice(b, first.start, last.end, pngChunk("IDAT", await zlib(edited)));
  },
};

// --- Driver ----------------------------------------------------------------------------------------

export const OPERATIONS = {
  generic: Object.keys(generic),
  jpeg: Object.keys(jpeg),
  png: Object.keys(png),
};

/** One to three mutations of `base`, chosen by `r`; structure-aware ones twice as often as
 *  generic ones. An operation that does not apply (no such segment) is replaced by a bit flip. */
export async function mutate(base: Uint8Array, format: "jpeg" | "png", r: Random): Promise<Mutant> {
  let bytes: Uint8Array = base;
  const ops: string[] = [];
  const count = r() < 0.7 ? 1 : 2 + int(r, 2);
  for (let k = 0; k < count; k++) {
    const structured = r() < 2 / 3;
    let name = structured ? pick(r, OPERATIONS[format]) : pick(r, OPERATIONS.generic);
    let next: Uint8Array | undefined;
    if (!structured) next = generic[name]!(bytes, r);
    else if (format === "jpeg") next = jpeg[name]!(bytes, r, jpegLayout(bytes));
    else next = await png[name]!(bytes, r, pngChunks(bytes));
    if (!next || next.length === 0) {
      name = "bitFlips";
      next = generic.bitFlips!(bytes, r);
    }
    bytes = next;
    ops.push(name);
  }
  return { bytes: new Uint8Array(bytes), ops };
}
