// The e-CoPR section of `npm run bench` (see ecopr-bench.ts). Plain Node runs this file, so it
// registers tsx (the project's TypeScript), then loads the TypeScript.
import { register } from "tsx/esm/api";

export default async function ecoprSection() {
  register();
  const { runEcoprBench } = await import("./ecopr-bench.ts");
  await runEcoprBench();
}
