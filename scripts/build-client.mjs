#!/usr/bin/env node
// Builds the Preact client into dist/client/ for Workers static assets:
//   dist/client/index.html          client/index.html with the CSS and the entry module injected
//   dist/client/assets/*.js|*.css   minified, content-hashed; each lazy page is its own chunk
//   dist/client/_pages/             each page prerendered (scripts/lib/prerender.mjs)
// No inline styles, and no inline script but the prerendered pages' boot, which the
// Content-Security-Policy allows by its hash (dist/client/_pages/script-hashes.json).
// Usage: node scripts/build-client.mjs
import { readFile, rename, rm, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { esbuildTargets, writeSupportedBrowsersModule } from "./lib/browser-targets.mjs";
import { writePrerenderedPages } from "./lib/prerender.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const clientDir = path.join(root, "client");
// Build into a fresh directory and swap it in at the end, so a running
// `wrangler dev` (or a test using dist/client) never sees it half-written.
const finalDir = path.join(root, "dist", "client");
const outDir = path.join(root, "dist", `client.building-${process.pid}`);
const assetsDir = path.join(outDir, "assets");
const started = performance.now();

// The information page's browser list, from the same query as the target below.
writeSupportedBrowsersModule();

await rm(outDir, { recursive: true, force: true });
await mkdir(assetsDir, { recursive: true });

// The face worker (client/lib/face-worker.ts): a module Web Worker of its own, built first so that
// the page's code can name its hashed URL (FACE_WORKER_URL below). It bundles the shared face
// finder and checks, and imports the face-mesh model files as hashed assets, fetched on first use.
const workerBuild = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { "face-worker": "client/lib/face-worker.ts" },
  outdir: assetsDir,
  bundle: true,
  format: "esm",
  platform: "browser",
  target: esbuildTargets(),
  minify: true,
  sourcemap: false,
  legalComments: "none",
  loader: { ".bin": "file" },
  publicPath: "/assets/",
  tsconfig: path.join(clientDir, "tsconfig.json"),
  entryNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  metafile: true,
  logLevel: "warning",
});
const faceWorkerFile = Object.entries(workerBuild.metafile.outputs).find(
  ([, output]) => output.entryPoint === "client/lib/face-worker.ts",
)?.[0];
if (!faceWorkerFile) throw new Error("build-client: no output for client/lib/face-worker.ts");

const result = await esbuild.build({
  absWorkingDir: root,
  // The prerendered pages' script, client/boot.ts, is built apart and inlined (scripts/lib/prerender.mjs).
  entryPoints: { main: "client/main.tsx", styles: "client/styles.css" },
  outdir: assetsDir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "browser",
  // The oldest versions package.json's "browserslist" query supports.
  target: esbuildTargets(),
  minify: true,
  sourcemap: false,
  legalComments: "none",
  jsx: "automatic",
  jsxImportSource: "preact",
  // Model files, if the page's code ever imports one: copied as hashed assets (the face worker's
  // are its own build's, above).
  loader: { ".bin": "file" },
  // Their URLs are fetched from any page (/persons/1/photo, /photo-check): absolute, not "./x.bin".
  publicPath: "/assets/",
  tsconfig: path.join(clientDir, "tsconfig.json"),
  define: {
    "process.env.NODE_ENV": '"production"',
    FACE_WORKER_URL: JSON.stringify(
      `/${path.relative(outDir, path.join(root, faceWorkerFile)).split(path.sep).join("/")}`,
    ),
  },
  entryNames: "[name]-[hash]",
  chunkNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  metafile: true,
  logLevel: "warning",
});

/** "/assets/x.js" for an output path as the metafile writes it (relative to the project root). */
const publicUrl = (outputPath) => `/${path.relative(outDir, path.join(root, outputPath)).split(path.sep).join("/")}`;

/** The metafile output built from `entry`, with its path. */
function outputFor(entry) {
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (output.entryPoint === entry) return { file, output };
  }
  throw new Error(`build-client: no output for ${entry}`);
}

const main = outputFor("client/main.tsx");
const styles = outputFor("client/styles.css");
// Chunks the entry imports statically: preloaded, so they download in
// parallel with main instead of after it. Lazy pages (dynamic imports) are not.
const staticChunks = main.output.imports.filter((i) => i.kind === "import-statement").map((i) => i.path);

const template = await readFile(path.join(clientDir, "index.html"), "utf8");
const marker = /<!-- build:[^>]*-->/;
if (!marker.test(template)) throw new Error("build-client: client/index.html lacks the <!-- build: … --> marker");
const tags = [
  `<link rel="stylesheet" href="${publicUrl(styles.file)}" />`,
  ...staticChunks.map((chunk) => `<link rel="modulepreload" href="${publicUrl(chunk)}" />`),
  `<script type="module" src="${publicUrl(main.file)}"></script>`,
].join("\n    ");
const indexHtml = template.replace(marker, tags);
await writeFile(path.join(outDir, "index.html"), indexHtml);
// Each page's first render in each language, for the worker to serve and the client to hydrate.
const prerendered = await writePrerenderedPages({
  root,
  outDir,
  indexHtml,
  metafile: result.metafile,
  entryFile: main.file,
  publicUrl,
  target: esbuildTargets(),
});
const previous = `${finalDir}.old-${process.pid}`;
await rename(finalDir, previous).catch(() => {});
await rename(outDir, finalDir);
await rm(previous, { recursive: true, force: true });
// What was built and for which browsers, beside (not inside) the served
// files: read by `npm run bench` (bytes per page) and test/node/browser-support.
const target = esbuildTargets();
// The face worker's outputs (its script and the model files) are listed with the page's.
const allOutputs = { ...result.metafile.outputs, ...workerBuild.metafile.outputs };
const outputs = Object.fromEntries(
  Object.entries(allOutputs).map(([file, output]) => [
    publicUrl(file),
    {
      bytes: output.bytes,
      entryPoint: output.entryPoint,
      imports: output.imports.map((i) => ({ path: i.external ? i.path : publicUrl(i.path), kind: i.kind })),
    },
  ]),
);
const buildInfo = path.join(root, "dist", "client-build.json");
await writeFile(`${buildInfo}.${process.pid}`, JSON.stringify({ target, outputs }));
await rename(`${buildInfo}.${process.pid}`, buildInfo);

// A short report: every output, starred if a first visit downloads it.
const firstLoad = new Set([main.file, styles.file, ...staticChunks]);
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
let firstBytes = 0;
for (const [file, { bytes }] of Object.entries(allOutputs).sort(([a], [b]) => a.localeCompare(b))) {
  if (firstLoad.has(file)) firstBytes += bytes;
  console.log(`  ${firstLoad.has(file) ? "*" : " "} ${publicUrl(file).padEnd(40)} ${kb(bytes).padStart(9)}`);
}
console.log(`  * first page load: ${kb(firstBytes)} (minified, before compression)`);
console.log(
  `  prerendered: ${prerendered.written} pages (dist/client/_pages/<lang>/), boot inlined: ${kb(prerendered.bootBytes)}`,
);
for (const reason of prerendered.skipped) console.log(`  not prerendered, rendered by the client: ${reason}`);
console.log(`build-client: dist/client in ${Math.round(performance.now() - started)} ms`);
