// The requests section of `npm run bench` (see requests-bench.ts). Plain Node runs this file,
// so it registers tsx (the project's TypeScript) before loading the TypeScript.
import { register } from "tsx/esm/api";

export default async function requestsSection() {
  register();
  const { runRequestBench } = await import("./requests-bench.ts");
  await runRequestBench();
}
