// A small baseline JPEG encoder for 4-component files, written the way Photoshop writes them:
// an Adobe APP14 segment with transform 0 (CMYK) or 2 (YCCK), and the CMYK values stored
// inverted (255 = no ink). MozJPEG (jsquash) can only encode from RGBA, so the fixtures' CMYK and
// YCCK photos are made here, from the same RGBA portraits as every other fixture. Pure TypeScript
// over typed arrays: it runs in workerd (the upload tests) and in Node (the fixture generator).
//
// Kept simple on purpose, for tests only: one quantization table, 1×1 sampling for every
// component, and a flat Huffman code (every symbol 4 bits for DC, 8 bits for AC), which any
// decoder reads but which makes files larger than a real encoder's.

type FourComponentSpace = "cmyk" | "ycck";

interface Rgba {
  width: number;
  height: number;
  data: ArrayLike<number>;
}

const ZIGZAG: number[] = (() => {
  const order: number[] = [];
  for (let s = 0; s < 15; s++) {
    const cells: number[] = [];
    for (let y = 0; y < 8; y++) {
      const x = s - y;
      if (x >= 0 && x < 8) cells.push(y * 8 + x);
    }
    // Even diagonals go up and to the right (y falling), odd ones down and to the left.
    order.push(...(s % 2 === 0 ? cells.reverse() : cells));
  }
  return order;
})();

/** ITU T.81 Annex K luminance table, in natural order, scaled for quality 90. */
const QUANT: number[] = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51,
  87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101,
  72, 92, 95, 98, 112, 100, 103, 99,
].map((q) => Math.max(1, Math.round((q * 20) / 100)));

/** DC categories 0–11, each a 4-bit code. */
const DC_SYMBOLS = Array.from({ length: 12 }, (_, i) => i);
/** Every AC symbol: EOB, ZRL, and (run 0–15, size 1–10); 162 symbols, each an 8-bit code. */
const AC_SYMBOLS = [0x00, 0xf0, ...Array.from({ length: 160 }, (_, i) => ((i / 10) << 4) | ((i % 10) + 1))];

function flatCode(symbols: number[]): Map<number, number> {
  return new Map(symbols.map((symbol, code) => [symbol, code]));
}
const DC_CODE = flatCode(DC_SYMBOLS);
const AC_CODE = flatCode(AC_SYMBOLS);

const COS = Array.from({ length: 64 }, (_, i) => Math.cos(((2 * (i >> 3) + 1) * (i & 7) * Math.PI) / 16));

class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private count = 0;
  write(value: number, length: number) {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      if (++this.count === 8) {
        this.bytes.push(this.acc);
        if (this.acc === 0xff) this.bytes.push(0x00); // byte stuffing
        this.acc = 0;
        this.count = 0;
      }
    }
  }
  finish(): number[] {
    if (this.count > 0) this.write((1 << (8 - this.count)) - 1, 8 - this.count); // pad with ones
    return this.bytes;
  }
}

function category(value: number): number {
  let v = Math.abs(value);
  let bits = 0;
  while (v > 0) {
    bits++;
    v >>= 1;
  }
  return bits;
}

function writeValue(out: BitWriter, value: number, bits: number) {
  out.write(value < 0 ? value + (1 << bits) - 1 : value, bits);
}

const ZIGZAG_POSITION = ZIGZAG.reduce((position, natural, k) => {
  position[natural] = k;
  return position;
}, new Array<number>(64));

/** Forward DCT (separable: rows, then columns) and quantization of one level-shifted 8×8 block,
 *  in zigzag order. */
function quantizedBlock(samples: Float64Array): Int32Array {
  const rows = new Float64Array(64);
  for (let y = 0; y < 8; y++)
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let x = 0; x < 8; x++) sum += samples[y * 8 + x]! * COS[x * 8 + u]!;
      rows[y * 8 + u] = sum;
    }
  const out = new Int32Array(64);
  for (let v = 0; v < 8; v++)
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let y = 0; y < 8; y++) sum += rows[y * 8 + u]! * COS[y * 8 + v]!;
      const cu = u === 0 ? Math.SQRT1_2 : 1;
      const cv = v === 0 ? Math.SQRT1_2 : 1;
      const natural = v * 8 + u;
      out[ZIGZAG_POSITION[natural]!] = Math.round((0.25 * cu * cv * sum) / QUANT[natural]!);
    }
  return out;
}

/** The four stored planes: inverted CMYK (Photoshop's convention), or YCC of the inverted CMY plus K. */
function planes(image: Rgba, space: FourComponentSpace): Uint8Array[] {
  const n = image.width * image.height;
  const out = [new Uint8Array(n), new Uint8Array(n), new Uint8Array(n), new Uint8Array(n)];
  for (let i = 0; i < n; i++) {
    const r = image.data[i * 4]!;
    const g = image.data[i * 4 + 1]!;
    const b = image.data[i * 4 + 2]!;
    // Naive separation: K takes the darkness, C/M/Y the rest. Stored inverted, the values are
    // C' = 255·R/max and K' = max, so a decoder's R = C'·K'/255 gives back the RGB exactly.
    const max = Math.max(r, g, b);
    const c = max === 0 ? 255 : Math.round((255 * r) / max);
    const m = max === 0 ? 255 : Math.round((255 * g) / max);
    const y = max === 0 ? 255 : Math.round((255 * b) / max);
    if (space === "cmyk") {
      out[0]![i] = c;
      out[1]![i] = m;
      out[2]![i] = y;
    } else {
      // libjpeg's cmyk_ycck_convert: the inverted C, M, Y as R, G, B, then JFIF YCbCr.
      const R = 255 - c;
      const G = 255 - m;
      const B = 255 - y;
      out[0]![i] = clamp(0.299 * R + 0.587 * G + 0.114 * B);
      out[1]![i] = clamp(-0.168736 * R - 0.331264 * G + 0.5 * B + 128);
      out[2]![i] = clamp(0.5 * R - 0.418688 * G - 0.081312 * B + 128);
    }
    out[3]![i] = max;
  }
  return out;
}

function clamp(v: number): number {
  return Math.max(0, Math.min(255, Math.round(v)));
}

const u16 = (v: number) => [(v >> 8) & 255, v & 255];
const text = (s: string) => Array.from(s, (ch) => ch.charCodeAt(0));
function segment(marker: number, payload: number[]): number[] {
  return [0xff, marker, ...u16(payload.length + 2), ...payload];
}
function huffmanTable(tableClass: number, symbols: number[], bits: number): number[] {
  const counts = new Array(16).fill(0);
  counts[bits - 1] = symbols.length;
  return [(tableClass << 4) | 0, ...counts, ...symbols];
}

/** A baseline JPEG of `image` with four components, as Photoshop saves a CMYK or YCCK file. */
export function encodeFourComponentJpeg(image: Rgba, space: FourComponentSpace): Uint8Array {
  const { width, height } = image;
  const stored = planes(image, space);
  const header: number[] = [0xff, 0xd8];
  header.push(...segment(0xee, [...text("Adobe"), 0, 100, 0, 0, 0, 0, space === "ycck" ? 2 : 0]));
  header.push(...segment(0xdb, [0, ...ZIGZAG.map((i) => QUANT[i]!)]));
  header.push(...segment(0xc0, [8, ...u16(height), ...u16(width), 4, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0]));
  header.push(...segment(0xc4, huffmanTable(0, DC_SYMBOLS, 4)));
  header.push(...segment(0xc4, huffmanTable(1, AC_SYMBOLS, 8)));
  header.push(...segment(0xda, [4, 1, 0x00, 2, 0x00, 3, 0x00, 4, 0x00, 0, 63, 0]));

  const out = new BitWriter();
  const previousDc = [0, 0, 0, 0];
  const samples = new Float64Array(64);
  for (let by = 0; by < height; by += 8)
    for (let bx = 0; bx < width; bx += 8)
      for (let comp = 0; comp < 4; comp++) {
        const plane = stored[comp]!;
        for (let y = 0; y < 8; y++)
          for (let x = 0; x < 8; x++) {
            // Edge blocks repeat the last row and column.
            const sy = Math.min(by + y, height - 1);
            const sx = Math.min(bx + x, width - 1);
            samples[y * 8 + x] = plane[sy * width + sx]! - 128;
          }
        const block = quantizedBlock(samples);
        const diff = block[0]! - previousDc[comp]!;
        previousDc[comp] = block[0]!;
        const dcBits = category(diff);
        out.write(DC_CODE.get(dcBits)!, 4);
        writeValue(out, diff, dcBits);
        let run = 0;
        for (let k = 1; k < 64; k++) {
          const value = block[k]!;
          if (value === 0) {
            run++;
            continue;
          }
          while (run > 15) {
            out.write(AC_CODE.get(0xf0)!, 8);
            run -= 16;
          }
          const bits = category(value);
          out.write(AC_CODE.get((run << 4) | bits)!, 8);
          writeValue(out, value, bits);
          run = 0;
        }
        if (run > 0) out.write(AC_CODE.get(0x00)!, 8);
      }
  const data = out.finish();
  const bytes = new Uint8Array(header.length + data.length + 2);
  bytes.set(header);
  bytes.set(data, header.length);
  bytes.set([0xff, 0xd9], header.length + data.length);
  return bytes;
}
