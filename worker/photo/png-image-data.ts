// Checks a PNG's compressed image data BEFORE the WASM decoder sees it.
//
// Why: when jsquash's PNG decoder (Rust, wasm-bindgen) meets a bad deflate stream it throws out of
// the WASM code without freeing anything: the copy of the file and the partly decoded image stay
// in its linear memory, which never shrinks, and jsquash keeps ONE instance per isolate (it cannot
// be replaced like the JPEG one). Measured: every failed 1000×1400 decode left about 4.4 MB
// behind, so some thirty bad uploads would exhaust the isolate's 128 MB. So nothing that would
// fail reaches it: the IDAT stream is inflated here (DecompressionStream, the runtime's own zlib,
// streamed: nothing proportional to the image is kept) and every scanline is checked: the zlib
// stream is intact and complete, it holds exactly the scanlines IHDR declares (Adam7 passes
// included), and each starts with a valid filter type (0–4).
//
// Input: a file whose chunk structure already passed parsePngHeader (lengths, CRCs, order).

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

const u32 = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);

/** The scanlines IHDR declares: for each pass, how many rows of how many bytes (filter byte included). */
function scanlineLayout(
  width: number,
  height: number,
  bitDepth: number,
  colorType: number,
  interlaced: boolean,
): { rows: number; rowBytes: number }[] {
  const bitsPerPixel = CHANNELS[colorType]! * bitDepth;
  const passes = interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  const layout: { rows: number; rowBytes: number }[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const passWidth = Math.ceil((width - x0) / dx);
    const rows = Math.ceil((height - y0) / dy);
    if (passWidth > 0 && rows > 0) layout.push({ rows, rowBytes: 1 + Math.ceil((passWidth * bitsPerPixel) / 8) });
  }
  return layout;
}

/** Returns what is wrong with the image data, or undefined when the decoder can safely read it. */
export async function pngImageDataProblem(bytes: Uint8Array): Promise<string | undefined> {
  let ihdr: { width: number; height: number; bitDepth: number; colorType: number; interlaced: boolean } | undefined;
  const idat: Uint8Array[] = [];
  for (let pos = 8; pos + 12 <= bytes.length; ) {
    const length = u32(bytes, pos);
    const type = String.fromCharCode(bytes[pos + 4]!, bytes[pos + 5]!, bytes[pos + 6]!, bytes[pos + 7]!);
    const data = bytes.subarray(pos + 8, pos + 8 + length);
    if (type === "IHDR")
      ihdr = {
        width: u32(data, 0),
        height: u32(data, 4),
        bitDepth: data[8]!,
        colorType: data[9]!,
        interlaced: data[12] === 1,
      };
    else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    pos += 12 + length;
  }
  if (!ihdr || !CHANNELS[ihdr.colorType]) return "no usable IHDR";

  const layout = scanlineLayout(ihdr.width, ihdr.height, ihdr.bitDepth, ihdr.colorType, ihdr.interlaced);
  let pass = 0;
  let row = 0;
  /** Bytes still to come in the current scanline; 0 means the next byte is a filter type. */
  let remaining = 0;
  let problem: string | undefined;

  const inflate = new DecompressionStream("deflate");
  const writer = inflate.writable.getWriter();
  const reader = inflate.readable.getReader();
  const writing = (async () => {
    for (const chunk of idat) await writer.write(chunk as Uint8Array<ArrayBuffer>); // never a SharedArrayBuffer here
    await writer.close();
  })();
  writing.catch(() => undefined); // its failure is also the reader's, reported below

  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      let at = 0;
      while (at < value.length) {
        if (remaining === 0) {
          if (pass >= layout.length) {
            problem = "more image data than the header declares";
            break;
          }
          if (value[at]! > 4) {
            problem = `invalid filter type ${value[at]} in scanline ${row} of pass ${pass}`;
            break;
          }
          remaining = layout[pass]!.rowBytes;
        }
        const take = Math.min(remaining, value.length - at);
        at += take;
        remaining -= take;
        if (remaining === 0 && ++row === layout[pass]!.rows) {
          pass++;
          row = 0;
        }
      }
      if (problem) break;
    }
  } catch (error) {
    problem = `compressed image data is damaged (${(error instanceof Error && error.message) || "inflate failed"})`;
  }
  if (problem) {
    await reader.cancel().catch(() => undefined);
    return problem;
  }
  if (pass < layout.length) return "the image data ends before the last scanline";
  return undefined;
}
