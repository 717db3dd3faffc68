// One axe run for every browser test that checks a page: the same WCAG 2.2 AA tags, the same guard
// against a run that checked nothing, the same report. Callers inject axe-core their own way
// (Playwright's addScriptTag or the driver's addScript) and hand over their page's evaluate.
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/** axe-core's script, to inject into a page that does not have it yet. */
export const AXE = require.resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

interface AxeResult {
  passes: { id: string }[];
  violations: {
    id: string;
    impact: string | null;
    help: string;
    helpUrl: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
}

type Evaluate = (fn: (values: string[]) => Promise<unknown>, values: string[]) => Promise<unknown>;

/** Runs axe in the page (already injected) and fails with every violation, named by `where`. */
export async function assertAxeClean(evaluate: Evaluate, where: string): Promise<void> {
  const result = (await evaluate(
    (values) =>
      (window as unknown as { axe: { run(c: Document, o: object): Promise<unknown> } }).axe.run(document, {
        runOnly: { type: "tag", values },
      }),
    TAGS,
  )) as AxeResult;
  // Guards against axe silently checking nothing (e.g. an empty page).
  assert.ok(result.passes.length > 10, `${where}: axe ran only ${result.passes.length} passing rules`);
  const report = result.violations
    .map(
      (v) =>
        `- ${v.id} [${v.impact}] ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, "\n      ")}` : ""}`).join("\n")}`,
    )
    .join("\n");
  assert.equal(result.violations.length, 0, `${where}: axe violations:\n${report}`);
}
