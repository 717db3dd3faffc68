#!/usr/bin/env node
// DEV TOOL, not a test: photographs /photo-check/accuracy (issue 15 point 4, decision 019), the
// photo checks' latest audit, against the REAL worker, signed out, at 390 and 1280 px, in English
// and French, and the /photo-check page's link to it. Prints what looks wrong.
//
// Usage: node scripts/screenshots/photo-accuracy.mjs [--out DIR]   (default screenshots/photo-accuracy)
// Needs a built client. Chromium: /usr/bin/chromium, or CHROMIUM_PATH.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { LANGS, launchBrowser, problems, ready, root, setOutDir, shot, startPortal } from "./harness.mjs";

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : path.join(root, "screenshots", "photo-accuracy");
setOutDir(outDir);
mkdirSync(outDir, { recursive: true });

const portal = await startPortal();
const browser = await launchBrowser();
try {
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: width < 600 ? 800 : 900 } });
    const page = await context.newPage();
    page.on("console", (m) => m.type() === "error" && problems.push(`${width}px console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`${width}px page error: ${e.message}`));
    for (const lang of LANGS) {
      await page.goto(`${portal.url}/photo-check?lang=${lang}`);
      await ready(page);
      // Reached as a person would: the link on the photo check page.
      await page.locator('a[href^="/photo-check/accuracy"]').click();
      await page.waitForURL(/\/photo-check\/accuracy/);
      await ready(page);
      if ((await page.locator("table").count()) !== 4) problems.push(`${lang} ${width}px: not four tables`);
      await shot(page, `accuracy-${lang}-${width}`);
      if (width < 600) {
        // A phone's screen at each heading: the full-page picture is too tall to read.
        const headings = await page.locator("main h2, main h3").all();
        for (const [k, heading] of headings.entries()) {
          await heading.scrollIntoViewIfNeeded();
          await page.evaluate(() => window.scrollBy(0, -8));
          await page.screenshot({ path: path.join(outDir, `accuracy-${lang}-${width}-screen-${k + 1}.png`) });
        }
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  await portal.stop();
}
if (problems.length) {
  console.log(`\n${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exitCode = 1;
} else console.log("\nNo problems seen.");
