// The applicant journey on a small phone: 360×640 CSS px, touch, taps only
// (`locator.tap`), typed text through the on-screen keyboard's equivalent
// (`fill`). On every page: nothing overflows sideways, and every interactive
// element is at least 24×24 CSS px (WCAG 2.2 SC 2.5.8), except links inside
// a sentence (the SC's inline exception).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { en } from "../../client/i18n/en.ts";
import { fr } from "../../client/i18n/fr.ts";
import { CHOSEN_PASSWORD, heading, newApplicant, overflow } from "./support/applicant.ts";
import { pinch, touchDrag } from "./support/touch.ts";
import { journeyWorld } from "./support/world.ts";

const world = journeyWorld();

// A string, not a function: tsx's helpers would not exist inside the page.
// Lists the visible interactive elements smaller than 24×24, with why they are not exempt.
const SMALL_TARGETS = `(() => {
  const small = [];
  const controls = document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])");
  for (const el of controls) {
    if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    // A native checkbox or radio may be drawn by its label; the label is then the target.
    const target = (el.type === "checkbox" || el.type === "radio") && el.labels && el.labels[0] ? el.labels[0].getBoundingClientRect() : box;
    const rect = target.width >= box.width && target.height >= box.height ? target : box;
    if (rect.width >= 24 && rect.height >= 24) continue;
    // Inline exception: a link in a sentence, sized by the line of text around it.
    const inline = el.tagName === "A" && getComputedStyle(el).display === "inline" && (el.parentElement.textContent || "").trim().length > (el.textContent || "").trim().length;
    if (inline) continue;
    small.push(el.tagName.toLowerCase() + " \\"" + ((el.textContent || el.getAttribute("aria-label") || el.id || "").trim().slice(0, 40)) + "\\" " + Math.round(rect.width) + "×" + Math.round(rect.height));
  }
  return small;
})()`;

async function checkPage(page: Page, where: string) {
  await page.waitForLoadState("networkidle");
  const sideways = await overflow(page);
  assert.ok(sideways <= 0, `${where}: overflows sideways by ${sideways}px at 360px`);
  const small = (await page.evaluate(SMALL_TARGETS)) as string[];
  assert.deepEqual(small, [], `${where}: targets smaller than 24×24 CSS px`);
}

const JOURNEYS = [
  { language: "en" as const, m: en, application: "E000500001", uci: 5_100_000_010, email: "phone.en@demo.test" },
  { language: "fr" as const, m: fr, application: "E000500002", uci: 5_100_000_020, email: "phone.fr@demo.test" },
];

describe("phone journey (360×640, touch)", () => {
  for (const { language, m, application, uci, email } of JOURNEYS) {
    test(`sign in, presence, address, photo, check answers and submit by tapping (${language})`, {
      timeout: 240_000,
    }, async () => {
      const applicant = await newApplicant(world.portal, { application, uci, email, language });
      const context = await world.browser.newContext({
        viewport: { width: 360, height: 640 },
        hasTouch: true,
        isMobile: true,
        deviceScaleFactor: 2,
      });
      const page = await context.newPage();
      const main = page.locator("main");

      await page.goto(`${world.portal.url}/?lang=${language}`);
      await page.locator("main h1").waitFor();
      await checkPage(page, "/");

      await page.goto(`${world.portal.url}/sign-in?lang=${language}`);
      await heading(page, m.signIn.heading);
      await checkPage(page, "/sign-in");
      await main.getByRole("button", { name: m.signIn.submit }).tap();
      await page.locator(".error-summary").waitFor();
      await checkPage(page, "/sign-in with errors");
      await page.getByLabel(m.signIn.usernameLabel).tap();
      await page.getByLabel(m.signIn.usernameLabel).fill(applicant.username);
      await page.getByLabel(m.signIn.passwordLabel, { exact: true }).fill(applicant.temporaryPassword);
      await main.getByRole("button", { name: m.signIn.submit }).tap();
      await heading(page, m.setPassword.heading);
      await checkPage(page, "/set-password");
      await page.getByLabel(m.password.newPasswordLabel, { exact: true }).fill(CHOSEN_PASSWORD);
      await page.getByLabel(m.password.confirmPasswordLabel, { exact: true }).fill(CHOSEN_PASSWORD);
      await main.getByRole("button", { name: m.setPassword.submit }).tap();
      await heading(page, m.home.heading);
      await checkPage(page, "/home");

      await main.getByRole("link", { name: m.home.tasks.presence }).tap();
      await heading(page, m.presence.headingSelf);
      await checkPage(page, "presence");
      await page.getByLabel(m.presence.confirmLabel).tap();
      assert.equal(
        await page.getByLabel(m.presence.confirmLabel).isChecked(),
        true,
        "tapping the declaration ticks it",
      );
      await main.getByRole("button", { name: m.presence.submit }).tap();
      await heading(page, m.home.heading);

      await main.getByRole("link", { name: m.home.tasks.address }).tap();
      await heading(page, m.address.headingSelf);
      await main.getByRole("button", { name: m.address.submit }).tap();
      await page.locator(".error-summary").waitFor();
      await checkPage(page, "address with errors");
      await page.getByLabel(m.address.streetNumberLabel).fill("300");
      await page.getByLabel(m.address.streetNameLabel).fill("Rue Saint-Paul");
      await page.getByLabel(m.address.cityLabel).fill("Montréal");
      await page.getByLabel(m.address.provinceLabel).selectOption("QC");
      await page.getByLabel(m.address.postalCodeLabel).fill("H2Y 1H2");
      await main.getByRole("button", { name: m.address.submit }).tap();
      await heading(page, m.home.heading);

      await main.getByRole("link", { name: m.home.tasks.photo }).tap();
      await heading(page, m.photo.headingSelf);
      await checkPage(page, "photo");
      await page.locator("input[type=file]").first().setInputFiles(world.photoFile);
      // The page's upload control: the plain form's Upload button, or the photo editor's apply-and-upload button.
      const uploadNames = [m.photo.upload, (m.photo as Record<string, unknown>).applyAndUpload].filter(
        (x): x is string => typeof x === "string",
      );
      const upload = main.getByRole("button", {
        name: new RegExp(`^(${uploadNames.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})$`),
      });
      await upload.first().waitFor();
      await checkPage(page, "photo, file chosen");
      // The editor by touch on a 360 px phone: a finger moves the photo, two fingers zoom it,
      // and the automatic placement puts it back before the upload.
      const frame = page.getByRole("application", { name: m.photoEditor.frameLabel });
      const slider = page.getByRole("slider", { name: m.photoEditor.zoomLabel });
      await page.getByText(m.photoEditor.placed).waitFor({ timeout: 60_000 });
      const zoomBefore = Number(await slider.inputValue());
      const placed = await frame.screenshot();
      await touchDrag(page, frame, 40, 0);
      // The frame is redrawn on the next animation frame: poll until it shows the moved photo.
      let moved = false;
      for (let i = 0; i < 20 && !moved; i++) moved = !(await frame.screenshot()).equals(placed);
      assert.ok(moved, "a one-finger drag moved the photo in the frame");
      await pinch(page, frame);
      assert.ok(
        Number(await slider.inputValue()) > zoomBefore,
        `the pinch zoomed in (${await slider.inputValue()} from ${zoomBefore})`,
      );
      await main.getByRole("button", { name: m.photoEditor.usePlacement }).tap();
      assert.equal(Number(await slider.inputValue()), zoomBefore, "the automatic placement is back");
      await upload.first().tap();
      await page.locator("img.photo-preview--greyscale").waitFor({ timeout: 30_000 });
      await checkPage(page, "photo uploaded");
      await main.getByRole("button", { name: m.photo.saveAndContinue }).tap();
      await heading(page, m.home.heading);

      await main.getByRole("link", { name: m.home.tasks.submit }).tap();
      await heading(page, m.checkAnswers.headingSelf);
      await checkPage(page, "check your answers");
      await page.getByLabel(m.checkAnswers.declarationLabel).tap();
      await main.getByRole("button", { name: m.checkAnswers.submit }).tap();
      await heading(page, m.submitted.heading);
      await checkPage(page, "submitted");

      await main.getByRole("link", { name: m.submitted.statusLink }).tap();
      await page.locator("main h1").waitFor();
      await checkPage(page, "status");
      await context.close();
    });
  }
});
