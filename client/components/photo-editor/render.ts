// Drawing the crop: on the frame, into the pixels the checks read, and into the JPEG that is
// uploaded or downloaded. The same drawImage call everywhere, so the checks see what is sent.

import { parseJpegHeader } from "../../../shared/photo/header.ts";
import { MIN_WIDTH } from "../../../shared/photo/header.ts";
import { MAX_PHOTO_BYTES } from "../../../shared/photo/size-limit.ts";
import { type Crop, type Size, cropHeight } from "./crop.ts";

/** JPEG qualities tried in turn until the file fits; a camera-sharp 2000×2800 crop fits at the first. */
const QUALITY_STEPS = [0.92, 0.86, 0.8, 0.72, 0.64] as const;

/** Draws the crop scaled to fill a canvas context of `size`. Only crop and scale: no filter. */
export function drawCrop(context: CanvasRenderingContext2D, bitmap: ImageBitmap, crop: Crop, size: Size): void {
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = "high";
  context.clearRect(0, 0, size.width, size.height);
  context.drawImage(bitmap, crop.x, crop.y, crop.width, cropHeight(crop), 0, 0, size.width, size.height);
}

function canvasOf(size: Size): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } {
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) throw new Error("no 2d canvas context");
  return { canvas, context };
}

/** The crop's pixels at `size`: what the checks and the face detector read. */
export function cropPixels(bitmap: ImageBitmap, crop: Crop, size: Size): ImageData {
  const { context } = canvasOf(size);
  drawCrop(context, bitmap, crop, size);
  return context.getImageData(0, 0, size.width, size.height);
}

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("the browser could not encode a JPEG"))),
      "image/jpeg",
      quality,
    );
  });
}

interface EncodedCrop {
  blob: Blob;
  width: number;
  height: number;
  quality: number;
  /** The pixels that were encoded (before JPEG compression). */
  pixels: ImageData;
}

/**
 * The crop as a JPEG within the limits: at `size` (outputSize), trying lower qualities step by
 * step, and then smaller 5:7 sizes, never under 715 pixels wide, until it is at most 4 MB.
 */
export async function encodeCrop(bitmap: ImageBitmap, crop: Crop, size: Size): Promise<EncodedCrop> {
  let current = size;
  for (;;) {
    const { canvas, context } = canvasOf(current);
    drawCrop(context, bitmap, crop, current);
    for (const quality of QUALITY_STEPS) {
      const blob = await toBlob(canvas, quality);
      if (blob.size <= MAX_PHOTO_BYTES)
        return { blob, ...current, quality, pixels: context.getImageData(0, 0, current.width, current.height) };
    }
    if (current.width <= MIN_WIDTH) throw new Error("the crop does not fit in 4 MB");
    const unit = Math.max(Math.ceil(MIN_WIDTH / 5), Math.floor((current.width / 5) * 0.85));
    current = { width: unit * 5, height: unit * 7 };
  }
}

/** The JPEG's header as the server reads it (for the format and dimension checks). */
export async function readJpegHeader(blob: Blob) {
  return parseJpegHeader(new Uint8Array(await blob.arrayBuffer()));
}
