// Issue 15 point 5 in the photo editor (the public /photo-check page, signed out), in Chromium,
// English and French: a HEIC, an AVIF and a generic HEIF file each get their own advice from the
// header gate (shared/photo/header.ts), in the error summary; a CMYK and a YCCK JPEG of a valid
// portrait, which the server refuses (photo_cmyk), open in the editor, pass every live check and
// come out as the RGB (YCbCr) JPEG the server accepts: the fix that the server's CMYK message
// points to.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, test } from "node:test";
import { loadMessages } from "../../client/i18n/index.ts";
import { parseJpegHeader } from "../../shared/photo/header.ts";
import { encodeFourComponentJpeg } from "../support/cmyk-jpeg.ts";
import { nodeRealFaces } from "../support/face-source-node.ts";
import { avifFile, heicFile, heifFile } from "../support/isobmff.ts";
import { journeyWorld } from "./support/world.ts";

const world = journeyWorld();
const files: Record<string, string> = {};

before(() => {
  const valid = nodeRealFaces().valid();
  const bytes: Record<string, Uint8Array> = {
    "photo.heic": heicFile(),
    "photo.avif": avifFile(),
    "photo.heif": heifFile(),
    "cmyk.jpg": encodeFourComponentJpeg(valid, "cmyk"),
    "ycck.jpg": encodeFourComponentJpeg(valid, "ycck"),
  };
  for (const [name, content] of Object.entries(bytes)) {
    files[name] = path.join(tmpdir(), `pr-portal-formats-${process.pid}-${name}`);
    writeFileSync(files[name]!, content);
  }
});

test("the photo editor names HEIC, AVIF and HEIF files apart, and turns a CMYK or YCCK JPEG into an RGB one (EN, FR)", {
  timeout: 600_000,
}, async () => {
  for (const language of ["en", "fr"] as const) {
    const m = await loadMessages(language);
    const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${world.portal.url}/photo-check?lang=${language}`);
    const chooser = page.getByLabel(m.photoEditor.chooseLabel, { exact: true });

    for (const [file, advice] of [
      ["photo.heic", m.photoEditor.loadErrors.heic],
      ["photo.avif", m.photoEditor.loadErrors.avif],
      ["photo.heif", m.photoEditor.loadErrors.heif],
    ] as const) {
      await chooser.setInputFiles(files[file]!);
      await page.locator(".error-summary").getByText(advice, { exact: true }).waitFor({ timeout: 10_000 });
      // Only this file's advice: the one before it is gone.
      assert.equal(await page.locator(".error-summary li").count(), 1, `${language} ${file}`);
    }
    assert.notEqual(m.photoEditor.loadErrors.avif, m.photoEditor.loadErrors.heic);
    assert.notEqual(m.photoEditor.loadErrors.heif, m.photoEditor.loadErrors.heic);

    for (const file of ["cmyk.jpg", "ycck.jpg"]) {
      // After the first photo the chooser's label says "another".
      const picker = page.getByLabel(
        file === "cmyk.jpg" ? m.photoEditor.chooseLabel : m.photoEditor.chooseAnotherLabel,
        { exact: true },
      );
      await picker.setInputFiles(files[file]!);
      // The previous photo's checks are "done" too: first see this one's start (they may be quick).
      await page
        .locator('.photo-editor__summary[data-state="running"]')
        .waitFor({ timeout: 10_000 })
        .catch(() => {});
      await page.locator('.photo-editor__summary[data-state="done"]').waitFor({ timeout: 60_000 });
      assert.equal(await page.locator(".error-summary").count(), 0, `${language} ${file}: not refused as damaged`);
      // The browser decoded the print colours right: the face was found and every live check passes.
      assert.equal(await page.getByText(m.photoEditor.placed).count(), 1, `${language} ${file}: the face was placed`);
      const verdicts = await page
        .locator(".photo-editor [data-verdict]")
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-verdict")));
      assert.ok(
        verdicts.length >= 9 && verdicts.every((v) => v === "pass"),
        `${language} ${file}: ${verdicts.join(",")}`,
      );

      await page.getByRole("button", { name: m.photoCheck.apply, exact: true }).click();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: m.photoCheck.download }).click(),
      ]);
      const header = parseJpegHeader(new Uint8Array(readFileSync((await download.path())!)));
      assert.ok(header.ok, `${language} ${file}: a JPEG the header gate accepts`);
      assert.deepEqual(
        { components: header.header.components, colorSpace: header.header.colorSpace },
        { components: 3, colorSpace: "ycbcr" },
      );
    }
    assert.deepEqual(errors, [], "no script error on the page");
    await context.close();
  }
});
