// Issue 14 point 9 in the pages: a throttled photo upload and the password
// change that ends the session (worker/middleware/signed-in-throttles.ts) are 429s
// with a translated message; each page shows it in its error summary, as an
// error, and keeps working (no blank page, no crash). In Chromium against the
// real portal, English and French.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadMessages } from "../../client/i18n/index.ts";
import { catalogs } from "../../shared/api/messages.ts";
import { heading, newApplicant, selfId, signInFirstTime } from "./support/applicant.ts";
import { journeyWorld } from "./support/world.ts";

const world = journeyWorld();

/** The server's message up to its first placeholder (the minutes vary). */
const lead = (text: string) => text.split("{")[0]!;

test("a throttled photo upload and a password change that signs the person out show their messages on the page (EN, FR)", {
  timeout: 600_000,
}, async () => {
  for (const [i, language] of (["en", "fr"] as const).entries()) {
    const m = await loadMessages(language);
    const server = catalogs[language];
    const applicant = await newApplicant(world.portal, {
      application: `E00007140${i}`,
      uci: 7_140_000_001 + i,
      email: `throttle.${language}@example.com`,
      language,
    });
    const context = await world.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await signInFirstTime(page, world.portal, m, language, applicant);
    const personId = await selfId(page);

    // The hour's 30 uploads used from this session (each a few bytes, refused as not a photo).
    const statuses = await page.evaluate(async (id) => {
      const seen: number[] = [];
      for (let n = 0; n < 30; n++) {
        seen.push(
          (
            await fetch(`/api/persons/${id}/photo`, {
              method: "POST",
              headers: { "Content-Type": "image/jpeg" },
              body: new Uint8Array([1, 2, 3]),
            })
          ).status,
        );
      }
      return seen;
    }, personId);
    assert.ok(
      statuses.every((s) => s !== 429),
      `the first 30 are not throttled: ${statuses.join(",")}`,
    );
    await page.goto(`${world.portal.url}/persons/${personId}/photo?lang=${language}`);
    await page.getByLabel(m.photoEditor.chooseLabel).setInputFiles(world.photoFile);
    await page.getByRole("button", { name: m.photo.applyAndUpload, exact: true }).click();
    await page
      .locator(".error-summary")
      .getByText(lead(server["errors.tooManyPhotoUploads"]))
      .waitFor({ timeout: 30_000 });
    // The page is still there, its photo kept, to try again later.
    await page.getByRole("button", { name: m.photo.applyAndUpload, exact: true }).waitFor();

    // Four wrong current passwords: each a field error; the fifth signs the person out.
    await page.goto(`${world.portal.url}/account?lang=${language}`);
    await heading(page, m.account.heading);
    const newPassword = "a brand new passphrase here";
    for (let n = 1; n <= 5; n++) {
      await page.getByLabel(m.account.currentPasswordLabel, { exact: true }).fill("a guess at the password");
      await page.getByLabel(m.password.newPasswordLabel, { exact: true }).fill(newPassword);
      await page.getByLabel(m.password.confirmPasswordLabel, { exact: true }).fill(newPassword);
      await page.getByRole("button", { name: m.account.passwordSubmit }).click();
      const expected = n < 5 ? server["password.currentWrong"] : server["errors.passwordAttemptsSignedOut"];
      await page.locator(".error-summary").getByText(expected).waitFor({ timeout: 20_000 });
    }
    await heading(page, m.account.heading);
    // Signed out: the next page that needs the session goes to sign-in.
    await page.goto(`${world.portal.url}/account?lang=${language}`);
    await heading(page, m.signIn.heading);
    assert.deepEqual(errors, [], "no script error on the pages");
    await context.close();
  }
});
