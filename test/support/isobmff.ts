// Hand-made ISO-BMFF headers: an `ftyp` box with a major brand and compatible brands, then an
// empty `mdat`. Enough for the header gate (shared/photo/header.ts), which reads only the brands
// to tell HEIC, AVIF and other HEIF files apart; no picture inside.

const u32be = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const text = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

export function ftypFile(major: string, compatible: string[]): Uint8Array {
  const body = [...text("ftyp"), ...text(major), ...u32be(0), ...compatible.flatMap(text)];
  return Uint8Array.from([...u32be(body.length + 4), ...body, ...u32be(8), ...text("mdat"), ...new Array(64).fill(0)]);
}

/** What an iPhone writes. */
export const heicFile = () => ftypFile("heic", ["mif1", "heic"]);
/** What libavif, Squoosh and browsers' "save as AVIF" write. */
export const avifFile = () => ftypFile("avif", ["mif1", "avif", "miaf", "MA1B"]);
/** A HEIF with no HEVC or AV1 brand (e.g. JPEG-coded or uncompressed items). */
export const heifFile = () => ftypFile("mif1", ["mif1", "miaf"]);
