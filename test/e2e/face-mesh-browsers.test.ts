// The face mesh (shared/photo/face-mesh/) in Debian's Chromium and Firefox ESR gives, to the last
// bit, the numbers Node and workerd give (test/node/face-mesh.test.ts, test/unit/face-mesh.test.ts):
// the module is bundled by esbuild for the browser, as the client build will bundle it, and run in a
// blank page on the same decoded pixels and model bytes; the SHA-256 of every returned value must
// be the constant the other two tests assert. (Plain JavaScript arithmetic, our own exp, no atan2:
// nothing engine-approximated is left, docs/decisions/016-face-mesh-model.md.)
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { ensureFaceMeshModels } from "../../scripts/face-mesh-models.mjs";
import type { FaceMeshFinding } from "../../shared/photo/face-mesh/face-mesh.ts";
import { MESH_EXPECTATIONS, meshDigest } from "../support/face-mesh-expected.ts";
import { nodeFixturePhoto } from "../node/support/face-mesh-node.ts";
import { launchChromium } from "./support/chromium.ts";
import { launchFirefox } from "./support/firefox.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The module for the page: globalThis.runMesh(models and pixels as base64) → the findings as JSON
 *  (JSON writes every double so that it reads back exactly). */
async function pageScript(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { createFaceMesh } from "./shared/photo/face-mesh/face-mesh.ts";
        const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        globalThis.runMesh = (detector, mesh, width, height, pixels) =>
          JSON.stringify(createFaceMesh({ detector: bytes(detector), mesh: bytes(mesh) }).detect({ width, height, data: new Uint8ClampedArray(bytes(pixels).buffer) }));`,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    write: false,
  });
  return result.outputFiles[0]!.text;
}

type Evaluate = (script: string, ...args: (string | number)[]) => Promise<unknown>;

async function digestsIn(evaluate: Evaluate): Promise<Record<string, string>> {
  const [detector, mesh] = ensureFaceMeshModels().map((file: string) => readFileSync(file).toString("base64"));
  await evaluate(await pageScript());
  const digests: Record<string, string> = {};
  for (const [name, expected] of Object.entries(MESH_EXPECTATIONS)) {
    const image = await nodeFixturePhoto(expected.file, expected.format);
    const pixels = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength).toString("base64");
    const json = (await evaluate("globalThis.runMesh", detector!, mesh!, image.width, image.height, pixels)) as string;
    digests[name] = await meshDigest(JSON.parse(json) as FaceMeshFinding[]);
  }
  return digests;
}

const expectedDigests = Object.fromEntries(Object.entries(MESH_EXPECTATIONS).map(([name, e]) => [name, e.digest]));

describe("face mesh in the browsers", () => {
  test("Chromium gives the same values as Node and workerd", { timeout: 180_000 }, async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const evaluate: Evaluate = (script, ...args) =>
        args.length === 0
          ? page.evaluate(script)
          : page.evaluate(
              ([fn, values]) =>
                (globalThis as unknown as Record<string, (...a: unknown[]) => unknown>)[
                  fn.slice("globalThis.".length)
                ]!(...values),
              [script, args] as const,
            );
      assert.deepEqual(await digestsIn(evaluate), expectedDigests);
    } finally {
      await browser.close();
    }
  });

  test("Firefox gives the same values as Node and workerd", { timeout: 180_000 }, async () => {
    const firefox = await launchFirefox();
    try {
      const page = await firefox.browser.newPage();
      const evaluate: Evaluate = (script, ...args) =>
        args.length === 0
          ? page.evaluate(script)
          : page.evaluate(
              (fn: string, ...values: unknown[]) =>
                (globalThis as unknown as Record<string, (...a: unknown[]) => unknown>)[
                  fn.slice("globalThis.".length)
                ]!(...values),
              script,
              ...args,
            );
      assert.deepEqual(await digestsIn(evaluate), expectedDigests);
      assert.deepEqual(firefox.outsideRequests, []);
    } finally {
      await firefox.close();
    }
  });
});
