// Metadata removal WITHOUT re-encoding: the stored file has exactly the uploaded pixels
// (product.md §6: "Photos are never altered beyond crop and scale … metadata is not kept").
//
// Orientation: a phone stores a portrait sideways and adds an EXIF tag saying how to turn it.
// The checks judge the photo upright (validate-upload.ts applies the tag to the decoded pixels);
// turning the stored pixels would mean re-encoding them, so instead the tag is kept: the EXIF
// block is replaced by a minimal one holding only the orientation (no camera, date or GPS), and
// every viewer (browsers, the officer page, the card export) shows the photo as it was judged.
// A file whose orientation is 1 (or absent) gets no EXIF block at all.
//
// What is kept is an allowlist (what the pixels need to look right), so metadata we do not know
// about is dropped too:
//   JPEG: SOF/DHT/DQT/DRI/SOS and the scan data, APP0 JFIF (thumbnail removed), APP2 ICC_PROFILE,
//         APP14 Adobe (it says whether 3/4 components are RGB/YCbCr/CMYK/YCCK: dropping it would
//         change the colours), and the orientation (rewritten, see above). Dropped: APP1 (EXIF,
//         XMP), other APPn (APP13 IPTC/Photoshop …), COM, and any bytes after EOI (e.g.
//         motion-photo video).
//   PNG:  critical chunks and colour chunks (tRNS gAMA cHRM sRGB iCCP sBIT cICP mDCV cLLI bKGD
//         pHYs) byte for byte. Dropped: tEXt zTXt iTXt eXIf tIME and any other ancillary chunk,
//         and any bytes after IEND.

import { type HeaderError, parseJpegHeader, parsePngHeader, sniffImageType } from "../../shared/photo/header.ts";

type StripResult =
  | {
      ok: true;
      bytes: Uint8Array;
      removed: string[];
      /** The EXIF orientation the stored file still carries (1: none, the pixels are upright). */
      orientation: number;
    }
  | { ok: false; error: HeaderError };

const PNG_KEPT_CHUNKS = new Set([
  "IHDR",
  "PLTE",
  "IDAT",
  "IEND",
  "tRNS",
  "gAMA",
  "cHRM",
  "sRGB",
  "iCCP",
  "sBIT",
  "cICP",
  "mDCV",
  "cLLI",
  "bKGD",
  "pHYs",
]);

function ascii(b: Uint8Array, start: number, length: number): string {
  let s = "";
  for (let i = start; i < start + length && i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * An APP1 segment whose EXIF holds one tag, Orientation (0x0112, SHORT, count 1), in IFD0:
 * "Exif\0\0", a big-endian TIFF header, one IFD entry, no next IFD. 36 bytes in all.
 */
export function orientationOnlyExif(orientation: number): Uint8Array {
  if (!Number.isInteger(orientation) || orientation < 1 || orientation > 8)
    throw new RangeError(`orientation ${orientation}`);
  return Uint8Array.from([
    0xff,
    0xe1,
    0x00,
    0x22, // APP1, length 34 (itself included)
    0x45,
    0x78,
    0x69,
    0x66,
    0x00,
    0x00, // "Exif\0\0"
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // "MM", 42, IFD0 at offset 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation,
    0x00,
    0x00, // Orientation, SHORT, 1, value
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  ]);
}

export function stripMetadata(bytes: Uint8Array): StripResult {
  const type = sniffImageType(bytes);
  if (type === "jpeg") return stripJpegMetadata(bytes);
  if (type === "png") return stripPngMetadata(bytes);
  return { ok: false, error: { code: "unsupported", detail: `cannot strip metadata from ${type}` } };
}

function stripJpegMetadata(b: Uint8Array): StripResult {
  const parsed = parseJpegHeader(b); // validates every length, so the walk below stays in bounds
  if (!parsed.ok) return parsed;
  const { eoiOffset, trailingBytes, orientation } = parsed.header;
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  const removed = new Set<string>();
  // The rewritten orientation goes right after SOI, or after APP0 JFIF (which must come first).
  let orientationPending = orientation !== 1;
  let pos = 2;
  while (pos < eoiOffset) {
    while (b[pos] === 0xff && b[pos + 1] === 0xff) pos++; // fill bytes (dropped)
    const marker = b[pos + 1]!;
    if (orientationPending && marker !== 0xe0) {
      parts.push(orientationOnlyExif(orientation));
      orientationPending = false;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      parts.push(b.subarray(pos, pos + 2));
      pos += 2;
      continue;
    }
    const end = pos + 2 + ((b[pos + 2]! << 8) | b[pos + 3]!);
    const data = pos + 4;
    if (marker === 0xda) {
      // Keep the scan header and its entropy-coded data up to the next real marker.
      let p = end;
      for (;;) {
        const ff = b.indexOf(0xff, p);
        const next = b[ff + 1]!;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
          p = next === 0xff ? ff + 1 : ff + 2;
          continue;
        }
        parts.push(b.subarray(pos, ff));
        pos = ff;
        break;
      }
      continue;
    }
    if (marker === 0xe0) {
      if (ascii(b, data, 5) === "JFIF\0" && end - data >= 14) {
        if (b[data + 12]! > 0 || b[data + 13]! > 0) {
          // Rewrite a 16-byte APP0 with the same version, units and density, and no thumbnail.
          const app0 = new Uint8Array(18);
          app0.set([0xff, 0xe0, 0x00, 0x10]);
          app0.set(b.subarray(data, data + 12), 4);
          parts.push(app0);
          removed.add("jfif-thumbnail");
        } else parts.push(b.subarray(pos, end));
      } else removed.add(ascii(b, data, 5) === "JFXX\0" ? "jfxx-thumbnail" : "app0");
    } else if (marker === 0xe1) {
      const id = ascii(b, data, 6);
      removed.add(id === "Exif\0\0" ? "exif" : ascii(b, data, 20).startsWith("http://ns.adobe.com/") ? "xmp" : "app1");
    } else if (marker === 0xe2 && ascii(b, data, 12) === "ICC_PROFILE\0") {
      parts.push(b.subarray(pos, end));
    } else if (marker === 0xee && ascii(b, data, 5) === "Adobe") {
      parts.push(b.subarray(pos, end));
    } else if (marker >= 0xe2 && marker <= 0xef) {
      removed.add(`app${marker - 0xe0}`);
    } else if (marker === 0xfe) {
      removed.add("com");
    } else {
      parts.push(b.subarray(pos, end));
    }
    pos = end;
  }
  parts.push(b.subarray(eoiOffset, eoiOffset + 2));
  if (trailingBytes > 0) removed.add("trailing-data");
  return { ok: true, bytes: concat(parts), removed: [...removed], orientation };
}

function stripPngMetadata(b: Uint8Array): StripResult {
  const parsed = parsePngHeader(b);
  if (!parsed.ok) return parsed;
  const parts: Uint8Array[] = [b.subarray(0, 8)];
  const removed = new Set<string>();
  for (const chunk of parsed.header.chunks) {
    if (PNG_KEPT_CHUNKS.has(chunk.type)) parts.push(b.subarray(chunk.offset, chunk.offset + 12 + chunk.length));
    else removed.add(chunk.type);
  }
  if (parsed.header.trailingBytes > 0) removed.add("trailing-data");
  return { ok: true, bytes: concat(parts), removed: [...removed], orientation: 1 };
}
