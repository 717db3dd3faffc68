// Node module hooks that give worker code the imports wrangler gives it (wrangler.toml [[rules]]):
//   *.wasm and *.wasm?module → a compiled WebAssembly.Module (CompiledWasm rule);
//   *.bin                    → an ArrayBuffer of the file (Data rule).
// With them, Node tools (admin `photo check`, `npm run bench`) import worker/photo/** unchanged
// instead of keeping a second copy of the pipeline. Node may compile WASM from bytes; only the
// Worker may not. Registered by worker-modules.mjs.

const WASM = /\.wasm(\?module)?$/;
const BIN = /\.bin$/;
const MARK = "worker-module=";

export async function resolve(specifier, context, nextResolve) {
  const kind = WASM.test(specifier) ? "wasm" : BIN.test(specifier) ? "bin" : undefined;
  if (!kind) return nextResolve(specifier, context);
  const resolved = await nextResolve(specifier.replace(/\?module$/, ""), context);
  return { url: `${resolved.url}?${MARK}${kind}`, shortCircuit: true };
}

export async function load(url, context, nextLoad) {
  const at = url.indexOf(`?${MARK}`);
  if (at < 0) return nextLoad(url, context);
  const file = JSON.stringify(url.slice(0, at));
  const kind = url.slice(at + MARK.length + 1);
  const source =
    kind === "wasm"
      ? `import { readFileSync } from "node:fs";\nexport default await WebAssembly.compile(readFileSync(new URL(${file})));\n`
      : `import { readFileSync } from "node:fs";\nconst bytes = readFileSync(new URL(${file}));\nexport default bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);\n`;
  return { format: "module", source, shortCircuit: true };
}
