// Magic bytes and header parsing, BEFORE any decode (architecture.md, "Data flow of one photo").
//
// Pure TypeScript over Uint8Array: no runtime-specific imports, so the browser can use it too.
// Every read is bounds-checked first; nothing here ever reads past the end of the input, and
// nothing allocates in proportion to what a header *declares* (only to what is really there).
// A malformed file gives a typed error { code, detail } instead of an exception.

/** "heic": HEIF with HEVC pictures (iPhones); "avif": HEIF with AV1 pictures; "heif": any other
 *  HEIF (a generic mif1/msf1 file, e.g. JPEG or uncompressed items, or a brand we do not know). */
export type ImageType = "jpeg" | "png" | "heic" | "avif" | "heif" | "gif" | "webp" | "unknown";

type HeaderErrorCode = "corrupt" | "truncated" | "unsupported";
export interface HeaderError {
  code: HeaderErrorCode;
  /** English, for logs and officers; never shown to applicants as is (they get check messages). */
  detail: string;
}
export type HeaderResult<T> = { ok: true; header: T } | { ok: false; error: HeaderError };

const fail = (code: HeaderErrorCode, detail: string): { ok: false; error: HeaderError } => ({
  ok: false,
  error: { code, detail },
});

// ---------------------------------------------------------------------------------------------
// Sniffing
// ---------------------------------------------------------------------------------------------

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** ISO-BMFF `ftyp` brands (ISO/IEC 23008-12, AV1-ISOBMFF). Each kind gets its own advice: an
 *  iPhone's HEIC is fixed in the camera settings, an AVIF by exporting again from an editor or
 *  browser. HEVC brands win over AVIF ones, which win over the generic HEIF structure brands. */
const HEVC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"]);
const AVIF_BRANDS = new Set(["avif", "avis"]);
const HEIF_BRANDS = new Set(["mif1", "mif2", "mif3", "msf1", "miaf"]);

/** The kind of HEIF an `ftyp` box names, from its major and compatible brands; undefined when
 *  none of them is a HEIF brand (an MP4 video, a QuickTime file). */
function heifKind(brands: string[]): "heic" | "avif" | "heif" | undefined {
  if (brands.some((b) => HEVC_BRANDS.has(b))) return "heic";
  if (brands.some((b) => AVIF_BRANDS.has(b))) return "avif";
  if (brands.some((b) => HEIF_BRANDS.has(b))) return "heif";
  return undefined;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  if (start < 0 || start + length > bytes.length) return "";
  let s = "";
  for (let i = start; i < start + length; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

/** What the bytes are, whatever the file name or declared MIME type says. */
export function sniffImageType(bytes: Uint8Array): ImageType {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, PNG_SIGNATURE)) return "png";
  const gif = ascii(bytes, 0, 6);
  if (gif === "GIF87a" || gif === "GIF89a") return "gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") return "webp";
  if (ascii(bytes, 4, 4) === "ftyp" && bytes.length >= 12) {
    const size = readU32BE(bytes, 0);
    // Major brand at 8, minor version at 12, compatible brands from 16 to the end of the box.
    const boxEnd = Math.min(bytes.length, size >= 16 ? size : 16);
    const brands = [ascii(bytes, 8, 4)];
    for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(ascii(bytes, at, 4));
    const kind = heifKind(brands);
    if (kind) return kind;
  }
  return "unknown";
}

function readU16BE(b: Uint8Array, at: number): number {
  return (b[at]! << 8) | b[at + 1]!;
}
function readU32BE(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);
}

// ---------------------------------------------------------------------------------------------
// JPEG
// ---------------------------------------------------------------------------------------------

/** At most this many scans (SOS). Progressive files from cameras and encoders use ~10; libjpeg's
 *  own default limit is 1000, but every scan costs a full pass over the coefficients, and a
 *  hostile file can use thousands of tiny scans to burn CPU. */
export const MAX_JPEG_SCANS = 64;

type JpegColorSpace = "grey" | "ycbcr" | "rgb" | "cmyk" | "ycck";
type JpegProcess = "baseline" | "extended" | "progressive";

export interface JpegHeader {
  type: "jpeg";
  width: number;
  height: number;
  components: 1 | 3 | 4;
  colorSpace: JpegColorSpace;
  process: JpegProcess;
  precision: number;
  scans: number;
  /** EXIF orientation (IFD0 tag 0x0112), 1 when absent or unreadable. */
  orientation: number;
  /** Bytes after the EOI marker (phones append e.g. motion-photo video there). */
  trailingBytes: number;
  /** Offset of the EOI marker. */
  eoiOffset: number;
  /** Metadata segments found (all removed by stripMetadata): exif, xmp, app13, com, appN, jfif-thumbnail… */
  metadata: string[];
  hasIccProfile: boolean;
}

const SOF_SUPPORTED: Record<number, JpegProcess> = { 0xc0: "baseline", 0xc1: "extended", 0xc2: "progressive" };
const SOF_UNSUPPORTED: Record<number, string> = {
  0xc3: "lossless",
  0xc5: "differential sequential (hierarchical)",
  0xc6: "differential progressive (hierarchical)",
  0xc7: "differential lossless (hierarchical)",
  0xc9: "extended sequential, arithmetic coding",
  0xca: "progressive, arithmetic coding",
  0xcb: "lossless, arithmetic coding",
  0xcd: "differential sequential, arithmetic coding",
  0xce: "differential progressive, arithmetic coding",
  0xcf: "differential lossless, arithmetic coding",
};

const XMP_ID = "http://ns.adobe.com/xap/1.0/\0";
const XMP_EXT_ID = "http://ns.adobe.com/xmp/extension/\0";

/** Reads the orientation from the payload of an APP1 "Exif\0\0" segment; 1 if absent/invalid. */
function readExifOrientation(b: Uint8Array, start: number, end: number): number {
  // start points at "Exif\0\0"; the TIFF header follows.
  const tiff = start + 6;
  if (tiff + 8 > end) return 1;
  const order = ascii(b, tiff, 2);
  let little: boolean;
  if (order === "II") little = true;
  else if (order === "MM") little = false;
  else return 1;
  const u16 = (at: number) => (little ? b[at]! | (b[at + 1]! << 8) : readU16BE(b, at));
  const u32 = (at: number) =>
    little ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000 : readU32BE(b, at);
  if (u16(tiff + 2) !== 42) return 1;
  const ifd0 = tiff + u32(tiff + 4);
  if (ifd0 < tiff + 8 || ifd0 + 2 > end) return 1;
  const count = u16(ifd0);
  for (let i = 0; i < count; i++) {
    const entry = ifd0 + 2 + i * 12;
    if (entry + 12 > end) return 1;
    if (u16(entry) !== 0x0112) continue;
    const type = u16(entry + 2);
    if (type !== 3 || u32(entry + 4) !== 1) return 1; // SHORT, count 1, value inline
    const value = u16(entry + 8);
    return value >= 1 && value <= 8 ? value : 1;
  }
  return 1;
}

/**
 * Walks a JPEG's markers from SOI to EOI without decoding anything.
 * Accepted: 8-bit baseline, extended (Huffman) and progressive; 1, 3 or 4 components.
 * Refused: arithmetic coding, lossless, hierarchical, 12-bit, height defined by DNL, more than
 * MAX_JPEG_SCANS scans, a missing EOI (truncated: jsquash would decode it silently as grey).
 * Trailing bytes after EOI are accepted and reported; stripMetadata drops them.
 */
export function parseJpegHeader(b: Uint8Array): HeaderResult<JpegHeader> {
  const n = b.length;
  if (n < 4) return fail("truncated", "file too short to be a JPEG");
  if (b[0] !== 0xff || b[1] !== 0xd8) return fail("corrupt", "no SOI marker");

  let sof:
    | { width: number; height: number; components: number; process: JpegProcess; precision: number; ids: number[] }
    | undefined;
  let scans = 0;
  let orientation = 1;
  let sawExif = false;
  let adobeTransform: number | undefined;
  let hasIccProfile = false;
  const metadata = new Set<string>();
  let pos = 2;

  for (;;) {
    if (pos >= n) return fail("truncated", "end of file before the EOI marker");
    if (b[pos] !== 0xff) return fail("corrupt", `expected a marker at offset ${pos}`);
    // Fill bytes: any number of 0xFF before the marker code.
    while (pos < n && b[pos] === 0xff) pos++;
    if (pos >= n) return fail("truncated", "end of file inside a marker");
    const marker = b[pos]!;
    const markerAt = pos - 1;
    pos++;

    if (marker === 0xd9) {
      if (!sof) return fail("corrupt", "EOI before any frame header");
      if (scans === 0) return fail("corrupt", "EOI before any image data");
      return {
        ok: true,
        header: {
          type: "jpeg",
          width: sof.width,
          height: sof.height,
          components: sof.components as 1 | 3 | 4,
          colorSpace: colorSpaceOf(sof.components, sof.ids, adobeTransform),
          process: sof.process,
          precision: sof.precision,
          scans,
          orientation,
          trailingBytes: n - pos,
          eoiOffset: markerAt,
          metadata: [...metadata],
          hasIccProfile,
        },
      };
    }
    if (marker === 0xd8) return fail("corrupt", "second SOI marker");
    if (marker === 0x00) return fail("corrupt", `stuffed byte outside entropy-coded data at offset ${markerAt}`);
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue; // TEM, RSTn: no length

    // Every other marker has a 2-byte length that includes itself.
    if (pos + 2 > n) return fail("truncated", "end of file inside a segment length");
    const length = readU16BE(b, pos);
    if (length < 2) return fail("corrupt", `segment length ${length} at offset ${pos}`);
    const start = pos + 2;
    const end = pos + length;
    if (end > n) return fail("truncated", `segment 0x${marker.toString(16)} runs past the end of the file`);

    if (marker in SOF_UNSUPPORTED) return fail("unsupported", `JPEG process not supported: ${SOF_UNSUPPORTED[marker]}`);
    if (marker === 0xcc) return fail("unsupported", "arithmetic coding conditioning (DAC) not supported");
    const process = SOF_SUPPORTED[marker];
    if (process) {
      if (sof) return fail("corrupt", "more than one frame header");
      if (length < 8) return fail("corrupt", "frame header too short");
      const precision = b[start]!;
      const height = readU16BE(b, start + 1);
      const width = readU16BE(b, start + 3);
      const components = b[start + 5]!;
      if (length !== 8 + 3 * components) return fail("corrupt", "frame header length does not match its components");
      if (precision !== 8) return fail("unsupported", `${precision}-bit samples (only 8-bit JPEG is supported)`);
      if (height === 0) return fail("unsupported", "height defined later by a DNL marker");
      if (width === 0) return fail("corrupt", "width is zero");
      if (components !== 1 && components !== 3 && components !== 4)
        return fail("unsupported", `${components} colour components`);
      const ids: number[] = [];
      for (let i = 0; i < components; i++) {
        const c = start + 6 + i * 3;
        ids.push(b[c]!);
        const sampling = b[c + 1]!;
        const h = sampling >> 4;
        const v = sampling & 15;
        if (h < 1 || h > 4 || v < 1 || v > 4) return fail("corrupt", "invalid sampling factors");
        if (b[c + 2]! > 3) return fail("corrupt", "invalid quantization table index");
      }
      sof = { width, height, components, process, precision, ids };
    } else if (marker === 0xe0) {
      if (ascii(b, start, 5) === "JFIF\0") {
        // A JFIF thumbnail (X and Y thumbnail sizes at +12/+13) is a second picture: metadata.
        if (end - start >= 14 && (b[start + 12]! > 0 || b[start + 13]! > 0)) metadata.add("jfif-thumbnail");
      } else if (ascii(b, start, 5) === "JFXX\0") metadata.add("jfxx-thumbnail");
      else metadata.add("app0");
    } else if (marker === 0xe1) {
      if (ascii(b, start, 6) === "Exif\0\0") {
        metadata.add("exif");
        if (!sawExif) orientation = readExifOrientation(b, start, end);
        sawExif = true;
      } else if (ascii(b, start, XMP_ID.length) === XMP_ID || ascii(b, start, XMP_EXT_ID.length) === XMP_EXT_ID) {
        metadata.add("xmp");
      } else metadata.add("app1");
    } else if (marker === 0xe2 && ascii(b, start, 12) === "ICC_PROFILE\0") {
      hasIccProfile = true;
    } else if (marker === 0xee && ascii(b, start, 5) === "Adobe" && end - start >= 12) {
      adobeTransform = b[start + 11]!;
    } else if (marker === 0xed) {
      metadata.add("app13");
    } else if (marker >= 0xe2 && marker <= 0xef) {
      metadata.add(`app${marker - 0xe0}`);
    } else if (marker === 0xfe) {
      metadata.add("com");
    } else if (marker === 0xda) {
      if (!sof) return fail("corrupt", "scan before the frame header");
      scans++;
      if (scans > MAX_JPEG_SCANS) return fail("unsupported", `more than ${MAX_JPEG_SCANS} scans`);
      const ns = b[start]!;
      if (length !== 6 + 2 * ns || ns < 1 || ns > 4)
        return fail("corrupt", "scan header length does not match its components");
      // Skip the entropy-coded data: it ends at the first 0xFF followed by something other than
      // a stuffed 0x00 or a restart marker.
      let p = end;
      for (;;) {
        const ff = b.indexOf(0xff, p);
        if (ff < 0 || ff + 1 >= n) return fail("truncated", "end of file inside the image data (no EOI marker)");
        const next = b[ff + 1]!;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
          p = next === 0xff ? ff + 1 : ff + 2;
          continue;
        }
        pos = ff;
        break;
      }
      continue;
    } else if (marker >= 0xf0 && marker <= 0xfd) {
      return fail("unsupported", `JPEG extension marker 0x${marker.toString(16)}`);
    }
    // DQT, DHT, DRI, DNL and the rest: skipped (the decoder validates tables).
    pos = end;
  }
}

function colorSpaceOf(components: number, ids: number[], adobeTransform: number | undefined): JpegColorSpace {
  if (components === 1) return "grey";
  if (components === 4) return adobeTransform === 2 ? "ycck" : "cmyk";
  // Three components: YCbCr unless Adobe says "no transform" or the ids spell R, G, B (libjpeg's rule).
  if (adobeTransform === 0) return "rgb";
  if (ids[0] === 0x52 && ids[1] === 0x47 && ids[2] === 0x42) return "rgb";
  return "ycbcr";
}

// ---------------------------------------------------------------------------------------------
// PNG
// ---------------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309 / PNG) of bytes[start, end). */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Text and other metadata chunks: removed on storage. */
const PNG_METADATA_CHUNKS = new Set(["tEXt", "zTXt", "iTXt", "eXIf", "tIME"]);
const APNG_CHUNKS = new Set(["acTL", "fcTL", "fdAT"]);
const CRITICAL_CHUNKS = new Set(["IHDR", "PLTE", "IDAT", "IEND"]);
/** A real photo has a handful of chunks; thousands of tiny ones only cost CPU. */
const MAX_PNG_CHUNKS = 10_000;

const VALID_BIT_DEPTHS: Record<number, number[]> = {
  0: [1, 2, 4, 8, 16], // greyscale
  2: [8, 16], // truecolour
  3: [1, 2, 4, 8], // indexed
  4: [8, 16], // greyscale + alpha
  6: [8, 16], // truecolour + alpha
};

interface PngChunkInfo {
  type: string;
  /** Offset of the chunk's length field. */
  offset: number;
  length: number;
}

export interface PngHeader {
  type: "png";
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
  idatBytes: number;
  chunks: PngChunkInfo[];
  /** Metadata chunks found, in file order, duplicates kept once. */
  metadata: string[];
  /** Offset just past the IEND chunk's CRC. */
  iendEnd: number;
  trailingBytes: number;
}

/**
 * Walks every chunk: lengths, CRCs and order (IHDR first, PLTE before IDAT, IDATs consecutive,
 * IEND last and present). APNG is refused. Unknown critical chunks are refused (the PNG spec says
 * a decoder must not guess at them); unknown ancillary chunks are allowed (and dropped on storage).
 */
export function parsePngHeader(b: Uint8Array): HeaderResult<PngHeader> {
  const n = b.length;
  if (n < PNG_SIGNATURE.length) {
    return n > 0 && startsWith(b, PNG_SIGNATURE.slice(0, n))
      ? fail("truncated", "file ends inside the PNG signature")
      : fail("corrupt", "not a PNG signature");
  }
  if (!startsWith(b, PNG_SIGNATURE)) return fail("corrupt", "not a PNG signature");

  let pos = 8;
  const chunks: PngChunkInfo[] = [];
  const metadata = new Set<string>();
  let ihdr: Omit<PngHeader, "type" | "idatBytes" | "chunks" | "metadata" | "iendEnd" | "trailingBytes"> | undefined;
  let sawPlte = false;
  let idatState: "before" | "in" | "after" = "before";
  let idatBytes = 0;

  for (;;) {
    if (pos === n) return fail("truncated", "no IEND chunk");
    if (pos + 12 > n) return fail("truncated", "file ends inside a chunk header");
    const length = readU32BE(b, pos);
    if (length > 0x7fffffff) return fail("corrupt", `chunk length ${length} too large`);
    const type = ascii(b, pos + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) return fail("corrupt", `invalid chunk type at offset ${pos + 4}`);
    const dataStart = pos + 8;
    const dataEnd = dataStart + length;
    if (dataEnd + 4 > n) return fail("truncated", `chunk ${type} runs past the end of the file`);
    if (crc32(b, pos + 4, dataEnd) !== readU32BE(b, dataEnd)) return fail("corrupt", `bad CRC in chunk ${type}`);
    if (chunks.length >= MAX_PNG_CHUNKS) return fail("unsupported", `more than ${MAX_PNG_CHUNKS} chunks`);
    chunks.push({ type, offset: pos, length });
    const next = dataEnd + 4;

    if (chunks.length === 1 && type !== "IHDR") return fail("corrupt", "first chunk is not IHDR");
    if (type === "IHDR") {
      if (chunks.length !== 1) return fail("corrupt", "IHDR is not the first chunk");
      if (length !== 13) return fail("corrupt", "IHDR length is not 13");
      const width = readU32BE(b, dataStart);
      const height = readU32BE(b, dataStart + 4);
      const bitDepth = b[dataStart + 8]!;
      const colorType = b[dataStart + 9]!;
      const compression = b[dataStart + 10]!;
      const filter = b[dataStart + 11]!;
      const interlace = b[dataStart + 12]!;
      if (width === 0 || height === 0 || width > 0x7fffffff || height > 0x7fffffff)
        return fail("corrupt", `invalid dimensions ${width}×${height}`);
      const depths = VALID_BIT_DEPTHS[colorType];
      if (!depths) return fail("corrupt", `invalid colour type ${colorType}`);
      if (!depths.includes(bitDepth))
        return fail("corrupt", `bit depth ${bitDepth} invalid for colour type ${colorType}`);
      if (compression !== 0 || filter !== 0) return fail("corrupt", "unknown compression or filter method");
      if (interlace > 1) return fail("corrupt", "unknown interlace method");
      ihdr = { width, height, bitDepth, colorType, interlaced: interlace === 1 };
    } else if (!ihdr) {
      return fail("corrupt", "first chunk is not IHDR");
    } else if (APNG_CHUNKS.has(type)) {
      return fail("unsupported", "animated PNG (APNG)");
    } else if (type === "PLTE") {
      if (sawPlte) return fail("corrupt", "more than one PLTE");
      if (idatState !== "before") return fail("corrupt", "PLTE after IDAT");
      if (ihdr.colorType === 0 || ihdr.colorType === 4) return fail("corrupt", "PLTE in a greyscale image");
      if (length === 0 || length % 3 !== 0 || length / 3 > 256) return fail("corrupt", "invalid PLTE length");
      sawPlte = true;
    } else if (type === "IDAT") {
      if (idatState === "after") return fail("corrupt", "IDAT chunks are not consecutive");
      if (ihdr.colorType === 3 && !sawPlte) return fail("corrupt", "indexed image without PLTE before IDAT");
      idatState = "in";
      idatBytes += length;
    } else if (type === "IEND") {
      if (idatState === "before") return fail("corrupt", "IEND before any IDAT");
      if (length !== 0) return fail("corrupt", "IEND is not empty");
      return {
        ok: true,
        header: {
          type: "png",
          ...ihdr,
          idatBytes,
          chunks,
          metadata: [...metadata],
          iendEnd: next,
          trailingBytes: n - next,
        },
      };
    } else if (CRITICAL_CHUNKS.has(type) === false && type.charCodeAt(0) < 0x61) {
      return fail("unsupported", `unknown critical chunk ${type}`);
    } else if (PNG_METADATA_CHUNKS.has(type)) {
      metadata.add(type);
    }
    if (type !== "IDAT" && idatState === "in") idatState = "after";
    pos = next;
  }
}

// ---------------------------------------------------------------------------------------------
// Dimensions
// ---------------------------------------------------------------------------------------------

/** Product rules (product.md §6): 715×1000 to 2000×2800 pixels, 5:7. */
export const MIN_WIDTH = 715;
export const MIN_HEIGHT = 1000;
export const MAX_WIDTH = 2000;
export const MAX_HEIGHT = 2800;
/** 5:7 within ±1% (715×1000 is 0.715, itself within 0.1% of 5/7 = 0.714…). */
export const ASPECT_RATIO = 5 / 7;
export const ASPECT_TOLERANCE = 0.01;
/** Hard decode bound: nothing larger than the largest accepted photo is ever decoded
 *  (2000×2800 RGBA is 22.4 MB; a Worker isolate has 128 MB for all its requests). */
export const MAX_DECODE_PIXELS = MAX_WIDTH * MAX_HEIGHT;

type DimensionProblem = "too_small" | "too_large" | "wrong_ratio";
interface DimensionVerdict {
  ok: boolean;
  problems: DimensionProblem[];
  /** width / height */
  ratio: number;
  /** false when the image must not be decoded at all (a small file declaring a huge image). */
  decodable: boolean;
}

export function checkDeclaredDimensions({ width, height }: { width: number; height: number }): DimensionVerdict {
  const problems: DimensionProblem[] = [];
  const ratio = height > 0 ? width / height : 0;
  if (width < MIN_WIDTH || height < MIN_HEIGHT) problems.push("too_small");
  if (width > MAX_WIDTH || height > MAX_HEIGHT) problems.push("too_large");
  if (!(Math.abs(ratio / ASPECT_RATIO - 1) <= ASPECT_TOLERANCE)) problems.push("wrong_ratio");
  const decodable =
    width > 0 && height > 0 && width <= MAX_WIDTH && height <= MAX_HEIGHT && width * height <= MAX_DECODE_PIXELS;
  return { ok: problems.length === 0, problems, ratio, decodable };
}

/** Size once EXIF orientation is applied: orientations 5–8 swap width and height. */
export function orientedSize(width: number, height: number, orientation: number): { width: number; height: number } {
  return orientation >= 5 && orientation <= 8 ? { width: height, height: width } : { width, height };
}
