#!/usr/bin/env node
// DEV TOOL, not a test: photographs the photo editor on /photo-check (signed out, against the REAL
// worker) with issue 15's failing faces, a smile showing the teeth (smiling.jpg: mouth_closed) and
// a head turned to the side (turned-head.jpg: head_pose), at 390 and 1280 px, in English and
// French, into screenshots/face-checks/ (git-ignored) or --out DIR. Prints what looks wrong: page
// errors, checks that never settled, the expected check not failing or its message not shown.
//
// Usage:
//   node scripts/screenshots/face-checks.mjs [--out DIR] [--url URL]
// Needs the photo fixtures (npx tsx scripts/fixtures/generate-photos.ts) and the built client.
import path from "node:path";
import {
  WIDTHS,
  newPage,
  photosDir,
  problems,
  report,
  requireFixtures,
  screenshotArgs,
  views,
  visit,
  withPortal,
} from "./harness.mjs";

const { outDir, url } = screenshotArgs("face-checks");
/** Each fixture and the check it must fail, with the message key the list then shows. */
const CASES = [
  { name: "smiling", file: "smiling.jpg", check: "mouth_closed" },
  { name: "turned-head", file: "turned-head.jpg", check: "head_pose" },
];
requireFixtures(CASES.map((c) => c.file));

await withPortal({ url }, async ({ portal, browser }) => {
  for (const { width, lang } of views(WIDTHS)) {
    const page = await newPage(browser, width, { phoneHeight: 844, label: `${width}px ${lang}` });
    await visit(page, `${portal.url}/photo-check?lang=${lang}`);
    for (const { name, file, check } of CASES) {
      await page.locator("input[type=file]").setInputFiles(path.join(photosDir, file));
      await page
        .locator('.photo-editor__summary[data-state="running"]')
        .waitFor({ timeout: 10_000 })
        .catch(() => {});
      await page.locator('.photo-editor__summary[data-state="done"]').waitFor({ timeout: 90_000 });
      const item = page.locator(`.photo-editor__checks [data-check="${check}"]`);
      const verdict = await item.getAttribute("data-verdict");
      if (verdict !== "fail") problems.push(`${name} ${width}px ${lang}: ${check} is ${verdict}, not fail`);
      // The failing check's message, scrolled into view beside the photo.
      await item.scrollIntoViewIfNeeded();
      const shotName = `${name}-${width}-${lang}`;
      await page.locator(".photo-editor").screenshot({ path: path.join(outDir, `${shotName}-editor.png`) });
      await page.screenshot({ path: path.join(outDir, `${shotName}-view.png`) });
      console.log(`  ${shotName}: ${check} ${verdict}: ${(await item.innerText()).replace(/\s+/g, " ").slice(0, 160)}`);
    }
    await page.context().close();
  }
});
report();
