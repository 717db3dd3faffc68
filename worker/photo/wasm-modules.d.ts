// WASM files are imported as compiled modules (wrangler's CompiledWasm rule):
// Workers forbid compiling WebAssembly from bytes at run time.
declare module "*.wasm" {
  const module: WebAssembly.Module;
  export default module;
}
// Wrangler's `?module` suffix: used where a package ships its own .d.ts for
// the .wasm file (squoosh_png_bg.wasm) that would hide the compiled module.
declare module "*.wasm?module" {
  const module: WebAssembly.Module;
  export default module;
}
// Model weights are imported as Data modules (wrangler.toml [[rules]] type "Data"): an ArrayBuffer.
declare module "*.bin" {
  const data: ArrayBuffer;
  export default data;
}
