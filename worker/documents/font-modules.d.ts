// (*.ttf, *.bin, *.wasm and *.txt imports are typed by worker/worker-configuration.d.ts, from wrangler.toml's [[rules]].)
// fontkit's minified ES build (worker/documents/ecopr-pdf.ts): the package types it only by its main entry.
declare module "@pdf-lib/fontkit/dist/fontkit.es.min.js" {
  import fontkit from "@pdf-lib/fontkit";
  export default fontkit;
}
