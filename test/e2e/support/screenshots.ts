// The journeys' screenshots: for people to look at (a page nobody has looked at is not done), not a
// check, so `npm test` does not take them. A full-page PNG at both widths of every checked state was
// about 300 screenshots a run, and the browser pool is CPU-bound (scripts/test.mjs): they cost about
// 0.26 s each on a quiet machine, a minute of the pool's time. Take them with
//   E2E_SCREENSHOTS=1 node --import tsx --test test/e2e/<file>.test.ts
// (or `E2E_SCREENSHOTS=1 npm test -- e2e`); they are written to screenshots/<name>.png.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { root } from "./portal.ts";

const takingScreenshots = process.env.E2E_SCREENSHOTS === "1";
const shots = path.join(root, "screenshots");

/** A full-page screenshot as screenshots/<name>.png when E2E_SCREENSHOTS=1; nothing otherwise. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  if (!takingScreenshots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}
