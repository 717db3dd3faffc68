// The memory section of `npm run bench` (see memory-bench.ts): Node runs this file, so it registers
// tsx (the project's TypeScript) and the hooks that import the worker's .wasm and .bin files as
// wrangler does, then loads the TypeScript.
import { register } from "tsx/esm/api";
import { registerWorkerModules } from "../lib/worker-modules.mjs";

export default async function memorySection() {
  register();
  registerWorkerModules();
  const { runMemoryBench } = await import("./memory-bench.ts");
  await runMemoryBench();
}
