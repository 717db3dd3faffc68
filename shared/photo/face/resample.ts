// Turns a region of an RGBA image into the square network input: the region is placed in a
// square (padded with black, as the models were trained), scaled to `size` × `size` by averaging
// the source pixels each input pixel covers (a photo is 5–25 times larger than the input, and
// plain bilinear sampling would alias), and normalized as (value − mean) / 255 per channel.

import type { ImageLike } from "../checks/types.ts";
import { type Tensor, tensor } from "./tensor.ts";

interface Square {
  /** Top-left corner of the square, in image pixels (may be outside the image). */
  x: number;
  y: number;
  side: number;
}

/** The square sampled; pixels outside `region` (or outside the image) are black. */
export function squareInput(
  image: ImageLike,
  square: Square,
  region: { x0: number; y0: number; x1: number; y1: number },
  size: number,
  mean: readonly [number, number, number],
): Tensor {
  const out = tensor(size, size, 3);
  const { width, data } = image;
  const x0 = Math.max(0, region.x0);
  const y0 = Math.max(0, region.y0);
  const x1 = Math.min(image.width, region.x1);
  const y1 = Math.min(image.height, region.y1);
  const scale = square.side / size;
  // Source column ranges, computed once per output column.
  const cols: [number, number][] = [];
  for (let ox = 0; ox < size; ox++) {
    const from = Math.floor(square.x + ox * scale);
    const to = Math.max(from + 1, Math.floor(square.x + (ox + 1) * scale));
    cols.push([from, to]);
  }
  for (let oy = 0; oy < size; oy++) {
    const fromY = Math.floor(square.y + oy * scale);
    const toY = Math.max(fromY + 1, Math.floor(square.y + (oy + 1) * scale));
    for (let ox = 0; ox < size; ox++) {
      const [fromX, toX] = cols[ox]!;
      let r = 0;
      let g = 0;
      let b = 0;
      for (let y = fromY; y < toY; y++) {
        if (y < y0 || y >= y1) continue;
        for (let x = fromX; x < toX; x++) {
          if (x < x0 || x >= x1) continue;
          const i = (y * width + x) * 4;
          r += data[i]!;
          g += data[i + 1]!;
          b += data[i + 2]!;
        }
      }
      const n = (toY - fromY) * (toX - fromX);
      const o = (oy * size + ox) * 3;
      out.data[o] = (r / n - mean[0]) / 255;
      out.data[o + 1] = (g / n - mean[1]) / 255;
      out.data[o + 2] = (b / n - mean[2]) / 255;
    }
  }
  return out;
}
