// The whole applicant journey with the keyboard only, in Chromium and in Firefox
// (the steps written once on the browser-neutral driver, support/driver.ts): sign in
// (first a failed attempt: the error summary takes focus and its link moves
// focus to the field), choose a password, declare presence, give an
// address, upload a photo, check the answers and submit. Only Tab,
// Shift+Tab, Enter, Space, arrow keys and typed characters reach the page
// (the driver's `press` and `type`); the only other input is the file chooser's answer,
// which belongs to the operating system, not to the page. Every element
// that Tab lands on must show a focus indicator (an outline or a box-shadow).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { en } from "../../client/i18n/en.ts";
import { fr } from "../../client/i18n/fr.ts";
import { CHOSEN_PASSWORD, newApplicant } from "./support/applicant.ts";
import { BROWSERS, drivers } from "./support/browsers.ts";
import type { Driver } from "./support/driver.ts";
import { journeyWorld } from "./support/world.ts";

const world = journeyWorld();
const browsers = drivers(() => world.browser);

interface Focused {
  tag: string;
  id: string;
  type: string;
  /** The accessible-ish name: label text for fields, text for links and buttons. */
  name: string;
  /** Whether a focus indicator is drawn: outline or box-shadow. */
  indicated: boolean;
  indicator: string;
}

// A string, not a function: tsx's helpers would not exist inside the page.
const DESCRIBE_FOCUS = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== "none";
  const label = el.labels && el.labels[0] ? el.labels[0].textContent : "";
  return {
    tag: el.tagName.toLowerCase(),
    id: el.id,
    type: el.getAttribute("type") ?? "",
    name: ((label || el.textContent || el.getAttribute("aria-label") || "") + "").replace(/\\s+/g, " ").trim(),
    indicated: outline || shadow,
    indicator: "outline " + style.outlineStyle + " " + style.outlineWidth + ", box-shadow " + style.boxShadow,
  };
})()`;

const focused = (page: Driver) => page.evaluate<Focused | null>(DESCRIBE_FOCUS);

/** Waits for the page's <h1> to read `text`. */
const heading = (page: Driver, text: string) =>
  page.waitFor({ role: "heading", level: 1, name: text }, { timeout: 20_000 });

/** Tab (or Shift+Tab) until the focused element matches; every stop on the way must show focus. */
async function tabTo(
  page: Driver,
  wanted: (f: Focused) => boolean,
  what: string,
  key: "Tab" | "Shift+Tab" = "Tab",
): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.press(key);
    const f = await focused(page);
    if (!f) continue;
    assert.ok(f.indicated, `focus is visible on <${f.tag}> "${f.name}" (${f.indicator})`);
    if (wanted(f)) return;
    seen.push(`${f.tag}:${f.name.slice(0, 30)}`);
  }
  assert.fail(`${what} is not reachable with ${key}; focus went through: ${seen.join(" | ")}`);
}

const named = (text: string) => (f: Focused) =>
  f.name === text || f.name.startsWith(`${text} `) || f.name.startsWith(text);
const field = (label: string) => (f: Focused) =>
  (f.tag === "input" || f.tag === "select" || f.tag === "textarea") && f.name.startsWith(label);

const JOURNEYS = [
  { language: "en" as const, m: en, application: "E000600001", uci: 6_100_000_010 },
  { language: "fr" as const, m: fr, application: "E000600002", uci: 6_100_000_020 },
];

for (const [b, browser] of BROWSERS.entries())
  describe(`keyboard-only journey in ${browser}`, () => {
    for (const { language, m, application, uci } of JOURNEYS) {
      test(`sign in, presence, address, photo, check answers and submit with the keyboard only (${language}, ${browser})`, {
        timeout: 240_000,
      }, async () => {
        // One applicant per browser and language: application numbers, UCIs and emails are unique.
        const applicant = await newApplicant(world.portal, {
          application: application.replace(/.$/, (d) => String(Number(d) + 2 * b)),
          uci: uci + 100 * b,
          email: `keys.${language}.${browser}@demo.test`,
          language,
        });
        const page = await browsers.open(browser, { viewport: { width: 1280, height: 900 } });
        await page.goto(`${world.portal.url}/sign-in?lang=${language}`);
        await heading(page, m.signIn.heading);

        // The skip link is the first stop, is visible when focused, and moves focus past the header.
        await page.press("Tab");
        const skip = await focused(page);
        assert.equal(skip?.name, m.layout.skipToMain);
        assert.ok(skip?.indicated, "the skip link shows focus");
        assert.ok(await page.isVisible(".skip-link"), "the focused skip link is on screen");
        await page.press("Enter");
        await page.waitForFunction(() => document.activeElement?.closest("main") !== null, 5_000);
        await page.press("Tab");
        assert.ok(
          field(m.signIn.usernameLabel)((await focused(page))!),
          "after the skip link, Tab goes to the form's first field",
        );

        // A failed sign-in: the error summary takes focus; its first link moves focus to the field.
        await tabTo(page, (f) => f.tag === "button" && f.name === m.signIn.submit, "Sign in");
        await page.press("Enter");
        await page.waitFor(".error-summary");
        await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary"));
        await tabTo(page, (f) => f.tag === "a", "the error summary's first link");
        await page.press("Enter");
        assert.ok(
          field(m.signIn.usernameLabel)((await focused(page))!),
          "the summary's link moved focus to the username field",
        );

        // Sign in and choose a password.
        await page.type(applicant.username);
        await tabTo(page, field(m.signIn.passwordLabel), "the password field");
        await page.type(applicant.temporaryPassword);
        await page.press("Enter");
        await heading(page, m.setPassword.heading);
        await tabTo(page, field(m.password.newPasswordLabel), "the new password field");
        await page.type(CHOSEN_PASSWORD);
        await tabTo(page, field(m.password.confirmPasswordLabel), "the confirmation field");
        await page.type(CHOSEN_PASSWORD);
        await page.press("Enter");
        await heading(page, m.home.heading);

        // Presence: Space ticks the box, Enter on the button saves. (Before each Tab on the task list, its
        // links are there: pressed at once, Tab from the focused heading would find the list still loading.)
        await page.waitFor({ role: "link", name: m.home.tasks.presence });
        await tabTo(page, named(m.home.tasks.presence), "the presence task");
        await page.press("Enter");
        await heading(page, m.presence.headingSelf);
        await tabTo(page, field(m.presence.confirmLabel), "the presence declaration");
        await page.press("Space");
        assert.equal(await page.isChecked({ label: m.presence.confirmLabel }), true);
        await tabTo(page, (f) => f.tag === "button" && f.name === m.presence.submit, m.presence.submit);
        await page.press("Enter");
        await heading(page, m.home.heading);

        // Address: typed fields, the province chosen with arrow keys.
        await page.waitFor({ role: "link", name: m.home.tasks.address });
        await tabTo(page, named(m.home.tasks.address), "the address task");
        await page.press("Enter");
        await heading(page, m.address.headingSelf);
        await tabTo(page, field(m.address.streetNumberLabel), "street number");
        await page.type("300");
        await tabTo(page, field(m.address.streetNameLabel), "street name");
        await page.type("Rue Saint-Paul");
        await tabTo(page, field(m.address.cityLabel), "city");
        await page.type("Montréal");
        await tabTo(page, field(m.address.provinceLabel), "province");
        const provinces = await page.evaluateOn({ label: m.address.provinceLabel }, (s) =>
          Array.from((s as unknown as HTMLSelectElement).options, (o) => o.value),
        );
        for (let i = 0; i < provinces.indexOf("QC"); i++) await page.press("ArrowDown");
        assert.equal(await page.inputValue({ label: m.address.provinceLabel }), "QC");
        await tabTo(page, field(m.address.postalCodeLabel), "postal code");
        await page.type("H2Y 1H2");
        await page.press("Enter");
        await heading(page, m.home.heading);

        // Photo: the file input opens the chooser with Space; the upload button sends it.
        await page.waitFor({ role: "link", name: m.home.tasks.photo });
        await tabTo(page, named(m.home.tasks.photo), "the photo task");
        await page.press("Enter");
        await heading(page, m.photo.headingSelf);
        // The editor's code loads lazily; wait for it so the input Tab finds is the one that stays.
        await page.waitForNetworkIdle();
        const fileInput = (f: Focused) => f.tag === "input" && f.type === "file";
        await tabTo(page, fileInput, "the file input");
        try {
          await page.chooseFile(() => page.press("Space"), world.photoFile, 10_000);
        } catch {
          // Seen once in Chromium (stop 17's quiet run, French, 1 run in 20 or more): Space on the
          // focused input opened no chooser. Not understood yet (nothing on the photo page had
          // changed); a keyboard user would press Space again, and so does the test, once, from a
          // fresh Tab to the input. A second miss fails the journey.
          await page.press("Shift+Tab");
          await tabTo(page, fileInput, "the file input, again");
          await page.chooseFile(() => page.press("Space"), world.photoFile, 10_000);
        }
        // The editor with keys alone: + zooms in and an arrow moves the photo (both change what the
        // checks see), then the automatic placement button puts it back for the upload.
        const slider = { role: "slider", name: m.photoEditor.zoomLabel } as const;
        await page.waitFor({ text: m.photoEditor.placed }, { timeout: 60_000 });
        const zoomPlaced = await page.inputValue(slider);
        await tabTo(page, (f) => f.tag === "canvas", "the photo frame");
        await page.press("+");
        await page.press("ArrowLeft");
        assert.ok(Number(await page.inputValue(slider)) > Number(zoomPlaced), "+ on the frame zoomed in");
        await tabTo(
          page,
          (f) => f.tag === "button" && f.name === m.photoEditor.usePlacement,
          m.photoEditor.usePlacement,
        );
        await page.press("Enter");
        assert.equal(await page.inputValue(slider), zoomPlaced, "the automatic placement is back");
        // The page's upload control: the plain form's Upload button, or the photo editor's apply-and-upload button.
        const uploadNames = [m.photo.upload, (m.photo as Record<string, unknown>).applyAndUpload].filter(
          (x): x is string => typeof x === "string",
        );
        await tabTo(page, (f) => f.tag === "button" && uploadNames.includes(f.name), uploadNames.join(" or "));
        await page.press("Enter");
        await page.waitFor("img.photo-preview--greyscale", { timeout: 30_000 });
        await tabTo(page, (f) => f.tag === "button" && f.name === m.photo.saveAndContinue, m.photo.saveAndContinue);
        await page.press("Enter");
        await heading(page, m.home.heading);

        // Check your answers and submit.
        await page.waitFor({ role: "link", name: m.home.tasks.submit });
        await tabTo(page, named(m.home.tasks.submit), "the review task");
        await page.press("Enter");
        await heading(page, m.checkAnswers.headingSelf);
        await tabTo(page, field(m.checkAnswers.declarationLabel), "the declaration");
        await page.press("Space");
        await tabTo(page, (f) => f.tag === "button" && f.name === m.checkAnswers.submit, m.checkAnswers.submit);
        await page.press("Enter");
        await heading(page, m.submitted.heading);
        assert.match(await page.innerText("main"), /PRC-[A-Z2-9]{4}-[A-Z2-9]{4}/);

        // Shift+Tab walks back up the page with focus still visible.
        await tabTo(page, named(m.submitted.homeLink), "the task list link");
        await tabTo(page, named(m.submitted.statusLink), "the status link", "Shift+Tab");
        await page.close();
      });
    }
  });

describe("Firefox stays offline", () => {
  test("Firefox asked nothing of any host but this machine during the journeys", async () => {
    assert.deepEqual(await browsers.outsideRequests(), []);
  });
});
