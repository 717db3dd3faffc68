#!/usr/bin/env node
// DEV TOOL, not a test: photographs /photo-check/accuracy (issue 15 point 4, decision 019), the
// photo checks' latest audit, against the REAL worker, signed out, at 390 and 1280 px, in English
// and French, and the /photo-check page's link to it. Prints what looks wrong.
//
// Usage: node scripts/screenshots/photo-accuracy.mjs [--out DIR]   (default screenshots/photo-accuracy)
// Needs a built client. Chromium: /usr/bin/chromium, or CHROMIUM_PATH.
import path from "node:path";
import {
  WIDTHS,
  newPage,
  problems,
  ready,
  report,
  screenshotArgs,
  shot,
  views,
  visit,
  withPortal,
} from "./harness.mjs";

const { outDir } = screenshotArgs("photo-accuracy");

await withPortal({}, async ({ portal, browser }) => {
  const pages = {};
  for (const width of WIDTHS) pages[width] = await newPage(browser, width);
  for (const { width, lang, tag } of views()) {
    const page = pages[width];
    await visit(page, `${portal.url}/photo-check?lang=${lang}`);
    // Reached as a person would: the link on the photo check page.
    await page.locator('a[href^="/photo-check/accuracy"]').click();
    await page.waitForURL(/\/photo-check\/accuracy/);
    await ready(page);
    if ((await page.locator("table").count()) !== 4) problems.push(`${lang} ${width}px: not four tables`);
    await shot(page, `accuracy-${tag}`);
    if (width < 600) {
      // A phone's screen at each heading: the full-page picture is too tall to read.
      const headings = await page.locator("main h2, main h3").all();
      for (const [k, heading] of headings.entries()) {
        await heading.scrollIntoViewIfNeeded();
        await page.evaluate(() => window.scrollBy(0, -8));
        await page.screenshot({ path: path.join(outDir, `accuracy-${tag}-screen-${k + 1}.png`) });
      }
    }
  }
});
report();
