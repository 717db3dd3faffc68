// Font files are imported as Data modules (wrangler.toml [[rules]] type "Data"): an ArrayBuffer.
declare module "*.ttf" {
  const data: ArrayBuffer;
  export default data;
}
