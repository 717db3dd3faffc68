// The face mesh (shared/photo/face-mesh/) in Node, on the two real photos: detection score, eyes,
// nose tip, mouth corners and chin within a few pixels of the points measured by hand
// (test/support/face-mesh-expected.ts), the same digest of every value as in workerd
// (test/unit/face-mesh.test.ts asserts the same constants), and no face on a blank or a noise image.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, it } from "node:test";
import { ensureFaceMeshModels } from "../../scripts/face-mesh-models.mjs";
import { createFaceMesh } from "../../shared/photo/face-mesh/face-mesh.ts";
import { blankImage, MESH_EXPECTATIONS, meshDigest, noiseImage, pointErrors } from "../support/face-mesh-expected.ts";
import { nodeFaceMesh, nodeFixturePhoto } from "./support/face-mesh-node.ts";

describe("face mesh in Node", () => {
  for (const [name, expected] of Object.entries(MESH_EXPECTATIONS)) {
    it(`finds ${name}'s face with its landmarks where they were measured by hand`, async () => {
      const image = await nodeFixturePhoto(expected.file, expected.format);
      assert.equal(image.width, expected.width);
      assert.equal(image.height, expected.height);
      const faces = nodeFaceMesh().detect(image);
      assert.equal(faces.length, 1);
      const face = faces[0]!;
      assert.ok(face.score > expected.minScore, `detection score ${face.score}`);
      assert.ok(face.faceScore > 0.9, `mesh face score ${face.faceScore}`);
      assert.equal(face.landmarks.length, 478);
      for (const { name: point, error, allowed } of pointErrors(face, expected))
        assert.ok(
          error <= allowed,
          `${point}: ${error.toFixed(2)} px from the hand-measured point (allowed ${allowed.toFixed(2)})`,
        );
      assert.equal(await meshDigest(faces), expected.digest);
    });
  }

  it("finds no face on a blank or a noise image", () => {
    assert.deepEqual(nodeFaceMesh().detect(blankImage(900, 1260)), []);
    assert.deepEqual(nodeFaceMesh().detect(noiseImage(900, 1260, 7)), []);
  });

  it("refuses at load what it cannot run: swapped models, another graph, a file that is not TFLite", () => {
    const [detector, mesh] = ensureFaceMeshModels().map((file: string) => readFileSync(file));
    assert.throws(() => createFaceMesh({ detector: mesh!, mesh: detector! }), /the detector is not BlazeFace-128/);
    // The plain 468-point mesh packed beside it (bytes 2,495,952–3,737,848): it runs, but has no
    // refined eyes, which eyes_open reads (decision 029).
    const packed = readFileSync(
      createRequire(import.meta.url).resolve("@mediapipe/face_mesh/face_mesh_solution_packed_assets.data"),
    );
    assert.throws(
      () => createFaceMesh({ detector: detector!, mesh: packed.subarray(2495952, 3737848) }),
      /not the attention mesh/,
    );
    assert.throws(() => createFaceMesh({ detector: detector!, mesh: new Uint8Array(64) }), /not a TFLite/);
  });

  it("gives the same numbers on every call", async () => {
    const image = await nodeFixturePhoto(MESH_EXPECTATIONS.astronaut.file, "png");
    const first = await meshDigest(nodeFaceMesh().detect(image));
    assert.equal(await meshDigest(nodeFaceMesh().detect(image)), first);
  });
});
