// Metadata removal WITHOUT re-encoding: the stored file has exactly the uploaded pixels
// (product.md §6: "Photos are never altered beyond crop and scale … metadata is not kept").
//
// Orientation: the browser editor draws the photo upright (createImageBitmap applies EXIF
// orientation) and uploads a freshly encoded JPEG, so the stored photo is upright and, once the
// EXIF segment is gone, its orientation is 1 by definition. A file that arrives with an
// orientation other than 1 did not come from the editor; the result reports it
// (`droppedOrientation`) so the upload route can refuse it rather than store it sideways.
//
// What is kept is an allowlist (what the pixels need to look right), so metadata we do not know
// about is dropped too:
//   JPEG: SOF/DHT/DQT/DRI/SOS and the scan data, APP0 JFIF (thumbnail removed), APP2 ICC_PROFILE,
//         APP14 Adobe (it says whether 3/4 components are RGB/YCbCr/CMYK/YCCK: dropping it would
//         change the colours). Dropped: APP1 (EXIF, XMP), other APPn (APP13 IPTC/Photoshop …),
//         COM, and any bytes after EOI (e.g. motion-photo video).
//   PNG:  critical chunks and colour chunks (tRNS gAMA cHRM sRGB iCCP sBIT cICP mDCV cLLI bKGD
//         pHYs) byte for byte. Dropped: tEXt zTXt iTXt eXIf tIME and any other ancillary chunk,
//         and any bytes after IEND.

import { type HeaderError, parseJpegHeader, parsePngHeader, sniffImageType } from "./header.ts";

export type StripResult = { ok: true; bytes: Uint8Array; removed: string[]; droppedOrientation: number } | { ok: false; error: HeaderError };

const PNG_KEPT_CHUNKS = new Set([
  "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "cICP", "mDCV", "cLLI", "bKGD", "pHYs",
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

export function stripMetadata(bytes: Uint8Array): StripResult {
  const type = sniffImageType(bytes);
  if (type === "jpeg") return stripJpegMetadata(bytes);
  if (type === "png") return stripPngMetadata(bytes);
  return { ok: false, error: { code: "unsupported", detail: `cannot strip metadata from ${type}` } };
}

export function stripJpegMetadata(b: Uint8Array): StripResult {
  const parsed = parseJpegHeader(b); // validates every length, so the walk below stays in bounds
  if (!parsed.ok) return parsed;
  const { eoiOffset, trailingBytes, orientation } = parsed.header;
  const parts: Uint8Array[] = [b.subarray(0, 2)];
  const removed = new Set<string>();
  let pos = 2;
  while (pos < eoiOffset) {
    while (b[pos] === 0xff && b[pos + 1] === 0xff) pos++; // fill bytes (dropped)
    const marker = b[pos + 1]!;
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
  return { ok: true, bytes: concat(parts), removed: [...removed], droppedOrientation: orientation };
}

export function stripPngMetadata(b: Uint8Array): StripResult {
  const parsed = parsePngHeader(b);
  if (!parsed.ok) return parsed;
  const parts: Uint8Array[] = [b.subarray(0, 8)];
  const removed = new Set<string>();
  for (const chunk of parsed.header.chunks) {
    if (PNG_KEPT_CHUNKS.has(chunk.type)) parts.push(b.subarray(chunk.offset, chunk.offset + 12 + chunk.length));
    else removed.add(chunk.type);
  }
  if (parsed.header.trailingBytes > 0) removed.add("trailing-data");
  return { ok: true, bytes: concat(parts), removed: [...removed], droppedOrientation: 1 };
}
