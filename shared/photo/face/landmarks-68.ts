// face-api's 68-point landmark net (FaceLandmark68Net, the full one, not the tiny one: its eye and
// chin points are noticeably steadier), re-implemented on tensor.ts with the weights
// @vladmandic/face-api ships. Four dense blocks of separable convolutions on a 112×112 crop of
// the face box, average pool, one fully connected layer to 68 (x, y) pairs relative to the crop's
// square. Points follow the iBUG 300-W order.

import type { ImageLike } from "../checks/types.ts";
import type { FaceBox, Point } from "./types.ts";
import { squareInput } from "./resample.ts";
import { add, conv2d, dense, globalAveragePool, relu, separableConv2d, type Tensor } from "./tensor.ts";
import { type WeightMap, take } from "./weights.ts";

const INPUT_SIZE = 112;
const MEAN_RGB = [122.782, 117.001, 104.298] as const;

/** out1 = relu(conv0(x)) (stride 2); each next conv sees relu of the sum of all before it;
 *  the block returns relu of the sum of all four. */
function denseBlock(weights: WeightMap, name: string, x: Tensor, first: boolean): Tensor {
  const w = (suffix: string) => take(weights, `${name}/${suffix}`);
  const sep = (input: Tensor, conv: string, stride: number) =>
    separableConv2d(
      input,
      w(`${conv}/depthwise_filter`),
      w(`${conv}/pointwise_filter`),
      w(`${conv}/bias`),
      stride,
      "same",
    );
  const out1 = relu(first ? conv2d(x, w("conv0/filters"), w("conv0/bias"), 3, 2, "same") : sep(x, "conv0", 2));
  const out2 = sep(out1, "conv1", 1);
  const out3 = sep(relu(add(out1, out2)), "conv2", 1);
  const out4 = sep(relu(add(out1, out2, out3)), "conv3", 1);
  return relu(add(out1, out2, out3, out4));
}

export function runLandmarks68(weights: WeightMap, image: ImageLike, faceBox: FaceBox): Point[] {
  // The box clipped to the image and to whole pixels, centred in a square padded with black.
  const x0 = Math.floor(Math.max(0, faceBox.x));
  const y0 = Math.floor(Math.max(0, faceBox.y));
  const x1 = Math.floor(Math.min(image.width, faceBox.x + faceBox.width));
  const y1 = Math.floor(Math.min(image.height, faceBox.y + faceBox.height));
  const width = x1 - x0;
  const height = y1 - y0;
  if (width < 8 || height < 8) return [];
  const side = Math.max(width, height);
  const square = { x: x0 - (side - width) / 2, y: y0 - (side - height) / 2, side };
  let out = squareInput(image, square, { x0, y0, x1, y1 }, INPUT_SIZE, MEAN_RGB);
  out = denseBlock(weights, "dense0", out, true);
  for (const block of ["dense1", "dense2", "dense3"]) out = denseBlock(weights, block, out, false);
  const xy = dense(globalAveragePool(out), take(weights, "fc/weights"), take(weights, "fc/bias"));
  const points: Point[] = [];
  for (let i = 0; i < 68; i++) points.push({ x: square.x + xy[2 * i]! * side, y: square.y + xy[2 * i + 1]! * side });
  return points;
}
