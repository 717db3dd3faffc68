// Lets Node import the worker's WASM and weight files the way wrangler bundles them (see
// worker-module-hooks.mjs). Call before the first dynamic import of worker code that needs them.
import { register } from "node:module";

let registered = false;

export function registerWorkerModules() {
  if (registered) return;
  register(new URL("./worker-module-hooks.mjs", import.meta.url));
  registered = true;
}
