#!/usr/bin/env node
// DEV TOOL, not a test: photographs the photo editor against the REAL worker, at 375 and
// 1280 px, in English and French, with a good photo and with a failing one, on the public
// /photo-check page (signed out) and on the photo task page (signed in, after Apply and upload),
// into screenshots/photo-editor/ (git-ignored). Prints what looks wrong: console errors,
// horizontal overflow, checks that never settled.
//
// Usage:
//   node scripts/screenshots/photo-editor.mjs               starts its own portal (temp state, seed-demo), then stops it
//   node scripts/screenshots/photo-editor.mjs --url URL     uses a running portal seeded with `npm run admin -- seed-demo`
// Needs the photo fixtures: `npx tsx scripts/fixtures/generate-photos.ts`. Build the client first.
// Chromium: /usr/bin/chromium, or CHROMIUM_PATH.
import path from "node:path";
import {
  WIDTHS_375,
  newPage,
  photosDir,
  problems,
  report,
  requireFixtures,
  root,
  screenshotArgs,
  shot,
  views,
  visit,
  withPortal,
} from "./harness.mjs";
import { openSignedInPage, personsOf } from "./steps.mjs";

const { outDir, url } = screenshotArgs("photo-editor");
/** A good photo, and one that fails (the face is too dark). */
const FIXTURES = { good: "valid.jpg", failing: "too-dark.jpg" };
requireFixtures(Object.values(FIXTURES));

/** The editor alone, too: a full phone page is too tall to look at in one piece. */
async function editorShot(page, name) {
  const file = path.join(outDir, `${name}-editor.png`);
  await page.locator(".photo-editor").screenshot({ path: file });
  console.log(`  ${path.relative(root, file)}`);
}

/** Picks a fixture in the editor and waits until its checks have settled. */
async function pick(page, inputId, fixture, name) {
  await page.locator(`#${inputId}`).setInputFiles(path.join(photosDir, fixture));
  // The previous photo's results are "done" too: first see the new photo's checks start.
  await page
    .locator('.photo-editor__summary[data-state="running"]')
    .waitFor({ timeout: 10_000 })
    .catch(() => {});
  const settled = await page
    .locator('.photo-editor__summary[data-state="done"]')
    .waitFor({ timeout: 60_000 })
    .then(
      () => true,
      () => false,
    );
  if (!settled) problems.push(`${name}: the checks did not settle`);
}

await withPortal({ url }, async ({ portal, browser }) => {
  for (const { width, lang } of views(WIDTHS_375)) {
    // Public page, signed out.
    const page = await newPage(browser, width, { label: `${width}px ${lang}` });
    await visit(page, `${portal.url}/photo-check?lang=${lang}`);
    await shot(page, `photo-check-${width}-${lang}-empty`);
    for (const [kind, fixture] of Object.entries(FIXTURES)) {
      await pick(page, "photo-check-file", fixture, `photo-check ${width} ${lang} ${kind}`);
      await shot(page, `photo-check-${width}-${lang}-${kind}`);
      await editorShot(page, `photo-check-${width}-${lang}-${kind}`);
    }
    await page.context().close();

    // The photo task page, signed in: a good photo applied and uploaded.
    const signedIn = await openSignedInPage(browser, portal.url, width);
    const [person] = await personsOf(signedIn);
    await visit(signedIn, `${portal.url}/persons/${person.id}/photo?lang=${lang}`);
    // After the first width or language the person has a photo, and the editor opens with "Replace this photo".
    const replace = signedIn.locator("form.photo-continue button[type=button]");
    if (await replace.count()) await replace.click();
    await pick(signedIn, "photo-file", FIXTURES.good, `photo task ${width} ${lang}`);
    await shot(signedIn, `photo-task-${width}-${lang}-editing`);
    // The person may already have a photo (an earlier width or language): wait for this upload.
    const uploaded = signedIn.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().endsWith(`/api/persons/${person.id}/photo`),
      { timeout: 60_000 },
    );
    await signedIn.locator(".photo-editor .form-actions button").click();
    await uploaded;
    await signedIn.locator(".upload-progress").waitFor({ state: "detached" });
    await signedIn.locator("img.photo-preview--greyscale").waitFor({ timeout: 60_000 });
    await shot(signedIn, `photo-task-${width}-${lang}-uploaded`);
    await signedIn.context().close();
  }
});
report("Nothing looked wrong.");
