// The attention mesh's extra machinery (decision 029): MediaPipe's three custom operators
// (shared/photo/face-mesh/mediapipe-ops.ts) on small cases whose answer is known, the FlexBuffers
// options read out of the real model (flexbuffers.ts), and the 478-point merge's index lists
// (refinement.ts) checked against the crops' point sets inside the model, so a model whose lists
// differ cannot be merged with the wrong indices.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { ensureFaceMeshModels } from "../../scripts/face-mesh-models.mjs";
import { readFlexMap } from "../../shared/photo/face-mesh/flexbuffers.ts";
import {
  cropOptions,
  landmarksToTransformMatrix,
  transformLandmarks,
  transformTensorBilinear,
} from "../../shared/photo/face-mesh/mediapipe-ops.ts";
import { IMAGE_LEFT_EYE, IMAGE_RIGHT_EYE, LIPS } from "../../shared/photo/face-mesh/refinement.ts";
import { readTflite } from "../../shared/photo/face-mesh/tflite.ts";

const close = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) < 1e-4, `${what}: ${a} ≠ ${b}`);

describe("MediaPipe's custom operators", () => {
  it("Landmarks2TransformMatrix: a level box's crop covers 1.5 × the box, centred on it", () => {
    // Four points of a 40 × 20 box centred on (100, 50), the rotation points level (left to right).
    const points = Float32Array.from([80, 40, 0, 120, 40, 0, 120, 60, 0, 80, 60, 0]);
    const crop = {
      subset: [0, 1, 2, 3],
      leftRotation: 3,
      rightRotation: 2,
      width: 16,
      height: 16,
      scaleX: 1.5,
      scaleY: 1.5,
    };
    const m = landmarksToTransformMatrix(points, crop);
    const [[x0, y0], [x1, y1]] = [
      [0, 0],
      [16, 16],
    ].map(([u, v]) => [m[0]! * u! + m[1]! * v! + m[3]!, m[4]! * u! + m[5]! * v! + m[7]!]) as [number[], number[]];
    close(x0!, 70, "left edge");
    close(x1!, 130, "right edge");
    close(y0!, 35, "top edge");
    close(y1!, 65, "bottom edge");
  });

  it("Landmarks2TransformMatrix: a box turned by 90° gives a crop turned with it", () => {
    // The rotation points go downwards: the crop's x axis points down the image.
    const points = Float32Array.from([0, 0, 0, 0, 10, 0]);
    const m = landmarksToTransformMatrix(points, {
      subset: [0, 1],
      leftRotation: 0,
      rightRotation: 1,
      width: 10,
      height: 10,
      scaleX: 1,
      scaleY: 1,
    });
    // The crop's middle is the points' middle; one step along its x is one step down.
    close(m[0]! * 5 + m[1]! * 5 + m[3]!, 0, "centre x");
    close(m[4]! * 5 + m[5]! * 5 + m[7]!, 5, "centre y");
    close(m[0]!, 0, "x along x");
    close(m[4]!, 1, "x along y");
  });

  it("TransformTensorBilinear: the identity copies, a half-pixel shift averages, outside is 0", () => {
    const input = Float32Array.from({ length: 4 * 4 * 2 }, (_, i) => i);
    const shape = { height: 4, width: 4, channels: 2 };
    const identity = Float32Array.from([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    assert.deepEqual(transformTensorBilinear(input, shape, identity, 4, 4), input);
    const shifted = Float32Array.from(identity);
    shifted[3] = 0.5; // half a pixel to the right
    const out = transformTensorBilinear(input, shape, shifted, 4, 4);
    close(out[0]!, (input[0]! + input[2]!) / 2, "between the first two pixels");
    // The last column maps to x = 3.5, outside the input (its last centre is 3): 0 in every channel.
    assert.equal(out[(0 * 4 + 3) * 2]!, 0);
    assert.equal(out[(0 * 4 + 3) * 2 + 1]!, 0);
  });

  it("TransformLandmarks: maps each point through the matrix's first two rows, keeps z", () => {
    const m = Float32Array.from([2, 0, 0, 10, 0, 3, 0, 20, 0, 0, 1, 0, 0, 0, 0, 1]);
    assert.deepEqual([...transformLandmarks(Float32Array.from([1, 1, 7, 2, 0, 8]), 3, m)], [12, 23, 7, 14, 20, 8]);
    assert.deepEqual([...transformLandmarks(Float32Array.from([1, 1]), 2, m)], [12, 23]);
  });

  it("refuses options it cannot honour: a target rotation, an index out of range", () => {
    const options = {
      subset_idxs: [0, 1],
      left_rotation_idx: 0,
      right_rotation_idx: 1,
      output_width: 16,
      output_height: 16,
      scale_x: 1.5,
      scale_y: 1.5,
      target_rotation_radians: 0,
    };
    assert.doesNotThrow(() => cropOptions(options, 2));
    assert.throws(() => cropOptions({ ...options, target_rotation_radians: 0.5 }, 2), /target rotation/);
    assert.throws(() => cropOptions({ ...options, subset_idxs: [0, 2] }, 2), /out of range/);
  });
});

describe("the attention mesh's model file", () => {
  const model = readTflite(readFileSync(ensureFaceMeshModels()[1]!));
  const crops = model.operators
    .filter((op) => op.custom === "Landmarks2TransformMatrix")
    .map((op) => readFlexMap(op.customOptions!));

  it("has three crops (lips, the image's left eye, its right eye) whose options read as MediaPipe wrote them", () => {
    assert.equal(crops.length, 3);
    for (const crop of crops) {
      assert.equal(crop.output_width, 16);
      assert.equal(crop.output_height, 16);
      assert.equal(crop.scale_x, 1.5);
      assert.equal(crop.target_rotation_radians, 0);
    }
    assert.deepEqual(
      crops.map((c) => [c.left_rotation_idx, c.right_rotation_idx]),
      [
        [61, 291],
        [33, 133],
        [362, 263],
      ],
    );
  });

  it("crops the same points, in the same order, as the 478-point merge overwrites", () => {
    assert.deepEqual(
      crops.map((c) => c.subset_idxs),
      [[...LIPS], [...IMAGE_LEFT_EYE], [...IMAGE_RIGHT_EYE]],
    );
  });
});
