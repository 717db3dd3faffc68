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
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { LANGS, launchBrowser, problems, ready, root, setOutDir, startPortal } from "./harness.mjs";

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const outDir = path.resolve(option("--out") ?? path.join(root, "screenshots", "face-checks"));
setOutDir(outDir);
const photos = path.join(root, "test", "fixtures", "photos");
/** Each fixture and the check it must fail, with the message key the list then shows. */
const CASES = [
  { name: "smiling", file: "smiling.jpg", check: "mouth_closed" },
  { name: "turned-head", file: "turned-head.jpg", check: "head_pose" },
];
for (const { file } of CASES)
  if (!existsSync(path.join(photos, file)))
    throw new Error(`missing ${file}: run npx tsx scripts/fixtures/generate-photos.ts`);

const url = option("--url");
const portal = url ? { url: url.replace(/\/$/, ""), stop: async () => {} } : await startPortal();
mkdirSync(outDir, { recursive: true });
const browser = await launchBrowser();

try {
  for (const width of [390, 1280]) {
    for (const lang of LANGS) {
      const context = await browser.newContext({ viewport: { width, height: width < 600 ? 844 : 900 } });
      const page = await context.newPage();
      page.on("pageerror", (error) => problems.push(`${width}px ${lang} page error: ${error.message}`));
      await page.goto(`${portal.url}/photo-check?lang=${lang}`);
      await ready(page);
      for (const { name, file, check } of CASES) {
        await page.locator("input[type=file]").setInputFiles(path.join(photos, file));
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
        console.log(
          `  ${shotName}: ${check} ${verdict}: ${(await item.innerText()).replace(/\s+/g, " ").slice(0, 160)}`,
        );
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await portal.stop();
}
if (problems.length) {
  console.log(`\nProblems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exitCode = 1;
}
