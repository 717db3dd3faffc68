/** Registers the Node module hooks that import *.wasm as compiled modules and *.bin as ArrayBuffers, as wrangler does. */
export function registerWorkerModules(): void;
