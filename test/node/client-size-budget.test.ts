// The client's entry (the module every page loads first, with its static imports) stays within
// 30 kB gzipped (issue 16 point 9, decision 023): sizes are deterministic, unlike timings, so a
// test can hold the line that `npm run bench -- client` reports. Reads the build's record
// (dist/client-build.json, written by scripts/build-client.mjs, which `npm test` runs first).
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BUDGET_BYTES = 30 * 1024;

interface BuildRecord {
  outputs: Record<string, { entryPoint?: string; imports: { path: string; kind: string }[] }>;
}

function readBuild(): BuildRecord {
  const file = path.join(root, "dist", "client-build.json");
  assert.ok(existsSync(file), "dist/client-build.json is missing: run `node scripts/build-client.mjs` first");
  return JSON.parse(readFileSync(file, "utf8")) as BuildRecord;
}

/** `start` and every output it imports statically, transitively: what loads before it runs. */
function withStaticImports(outputs: BuildRecord["outputs"], start: string, into = new Set<string>()): Set<string> {
  if (into.has(start)) return into;
  into.add(start);
  for (const i of outputs[start]?.imports ?? [])
    if (i.kind === "import-statement") withStaticImports(outputs, i.path, into);
  return into;
}

/** The same measure as the bench: gzip level 9 of each file, summed. */
const gzipped = (url: string) =>
  gzipSync(readFileSync(path.join(root, "dist", "client", url)), { level: 9 }).byteLength;

test("the entry chunk and its static imports are at most 30 kB gzipped", () => {
  const { outputs } = readBuild();
  const entry = Object.keys(outputs).find((url) => outputs[url]!.entryPoint === "client/main.tsx");
  assert.ok(entry, "no output for client/main.tsx");
  const files = [...withStaticImports(outputs, entry)];
  const sizes = files.map((url) => ({ url, bytes: gzipped(url) })).sort((a, b) => b.bytes - a.bytes);
  const total = sizes.reduce((sum, { bytes }) => sum + bytes, 0);
  assert.ok(
    total <= BUDGET_BYTES,
    `the entry is ${(total / 1024).toFixed(1)} kB gzipped, over the ${BUDGET_BYTES / 1024} kB budget; largest files: ${sizes
      .slice(0, 5)
      .map(({ url, bytes }) => `${url} ${(bytes / 1024).toFixed(1)} kB`)
      .join(", ")}`,
  );
});

test("each language's catalogue is its own chunk, outside the entry (a page loads only its language)", () => {
  const { outputs } = readBuild();
  const entry = Object.keys(outputs).find((url) => outputs[url]!.entryPoint === "client/main.tsx")!;
  const entryFiles = withStaticImports(outputs, entry);
  for (const lang of ["en", "fr"]) {
    const catalogue = Object.keys(outputs).find((url) => outputs[url]!.entryPoint === `client/i18n/${lang}.ts`);
    assert.ok(catalogue, `client/i18n/${lang}.ts is not a chunk of its own`);
    assert.ok(!entryFiles.has(catalogue), `client/i18n/${lang}.ts loads with the entry`);
  }
});
