// Font files are imported as Data modules (wrangler.toml [[rules]] type "Data"): an ArrayBuffer.
declare module "*.ttf" {
  const data: ArrayBuffer;
  export default data;
}
// fontkit's minified ES build (worker/documents/ecopr-pdf.ts): the package types it only by its main entry.
declare module "@pdf-lib/fontkit/dist/fontkit.es.min.js" {
  import fontkit from "@pdf-lib/fontkit";
  export default fontkit;
}
