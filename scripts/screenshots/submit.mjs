#!/usr/bin/env node
// DEV TOOL, not a test: photographs the second half of the applicant's journey
// (the photo page's empty and refused states, a photo with a warning, check your answers and
// submit, the confirmation, the status and verification pages, the account page) against the
// REAL worker, at 375 and 1280 px, in English and French, into screenshots/submit/ (git-ignored).
// Like journey.mjs it prints what looks wrong: console errors, horizontal overflow, an error
// summary that did not take focus.
//
// The photo page uploads through the in-browser photo editor, whose states photo-editor.mjs
// photographs (a photo cropped and checked, then uploaded and shown in greyscale): this script no
// longer takes them (its former 04-photo-uploaded and 05-photo-current), nor the "no file" message,
// which the editor no longer has. The good photo is stored through the API; the dark one is
// applied in the editor only to see the server refuse it (03-photo-failed).
//
// Usage:
//   node scripts/screenshots/submit.mjs                  starts its own portal (temp state, seed-demo), then stops it
//   node scripts/screenshots/submit.mjs --url URL        uses a running portal seeded with `npm run admin -- seed-demo`
//                                                        (it declares, saves an address, uploads a photo and SUBMITS there)
// Needs the photo fixtures: `npx tsx scripts/fixtures/generate-photos.ts`.
// Chromium: /usr/bin/chromium, or CHROMIUM_PATH.
import path from "node:path";
import {
  WIDTHS_375,
  expectSummaryFocused,
  photosDir,
  problems,
  report,
  requireFixtures,
  screenshotArgs,
  shot,
  views,
  visit,
  withPortal,
} from "./harness.mjs";
import { DEMO, openSignedInPage, personsOf, uploadPhotoThroughApi } from "./steps.mjs";

const { url } = screenshotArgs("submit");
requireFixtures(["valid.jpg", "too-dark.jpg", "heic-like.heic"]);

/** The first two tasks, straight through the API: journey.mjs photographs their pages. */
async function declareAndGiveAddress(page, personId) {
  const results = await page.evaluate(async (id) => {
    const post = (p, body) =>
      fetch(p, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      }).then((r) => r.status);
    const d = new Date();
    const localDate = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
    return [
      await post(`/api/persons/${id}/presence`, { confirm: true, localDate }),
      await post(`/api/persons/${id}/address`, {
        unit: "4",
        streetNumber: "24",
        streetName: "Sussex Drive",
        city: "Ottawa",
        province: "ON",
        postalCode: "K1A 0B1",
        sameForFamily: false,
      }),
    ];
  }, personId);
  if (results.some((status) => status >= 400))
    problems.push(`setting up presence and address answered ${results.join(", ")}`);
}

/**
 * Picks a fixture in the photo page's editor, waits for the face to be placed (its "place again"
 * button appears), and applies it: the editor uploads the placed crop, as an applicant would.
 * Applied at once, the whole photo would be sent (the editor keeps an applied crop).
 */
async function applyInEditor(page, fixture) {
  await page.setInputFiles("#photo-file", path.join(photosDir, fixture));
  await page.locator(".photo-editor__frame-column > .button--secondary").waitFor({ timeout: 60_000 });
  await page.locator(".photo-editor .form-actions button").click();
}

await withPortal({ url }, async ({ portal, browser }) => {
  const pages = {};
  for (const width of WIDTHS_375) pages[width] = await openSignedInPage(browser, portal.url, width);
  const desktop = pages[1280];
  const persons = await personsOf(desktop);
  const self = persons.find((p) => p.isSelf);
  const family = persons.find((p) => !p.isSelf);
  const go = (page, lang, pathname) =>
    visit(page, `${portal.url}${pathname}${pathname.includes("?") ? "&" : "?"}lang=${lang}`);
  await declareAndGiveAddress(desktop, self.id);

  console.log("Photo:");
  for (const { width, lang, tag } of views(WIDTHS_375, { langFirst: true })) {
    const page = pages[width];
    await go(page, lang, `/persons/${self.id}/check-answers`);
    await shot(page, `01-check-answers-tasks-left-${tag}`);
    await go(page, lang, `/persons/${self.id}/photo`);
    await shot(page, `02-photo-empty-${tag}`);
    // Applied as the editor crops it, the dark photo is refused by the server's checks (the editor's
    // own states are photo-editor.mjs's): nothing is stored, so the editor stays open for the next view.
    await applyInEditor(page, "too-dark.jpg");
    await page.locator(".photo-failed").waitFor({ timeout: 60_000 });
    await expectSummaryFocused(page, `photo-failed-${tag}`);
    await shot(page, `03-photo-failed-${tag}`);
  }
  await go(desktop, "en", `/persons/${self.id}/photo`);
  await desktop.setInputFiles("#photo-file", path.join(photosDir, "heic-like.heic")); // refused on opening: inline
  await desktop.locator("#photo-file-error").waitFor();
  await expectSummaryFocused(desktop, "photo-heic-en-1280");
  await shot(desktop, "03-photo-heic-en-1280");
  const uploaded = await uploadPhotoThroughApi(desktop, self.id);
  if (uploaded >= 400) problems.push(`uploading valid.jpg through the API answered ${uploaded}`);
  await go(desktop, "en", `/persons/${self.id}/photo`);
  await desktop
    .locator(".photo-preview")
    .evaluate((img) => (img.complete ? null : new Promise((r) => (img.onload = r))));
  if (await desktop.locator("#acknowledge").count()) {
    await desktop.locator("form.photo-continue button[type=submit]").click(); // unticked: the server's message
    await expectSummaryFocused(desktop, "photo-acknowledge-unticked");
    await shot(desktop, "06-photo-acknowledge-unticked-en-1280");
    await desktop.check("#acknowledge");
  }
  await desktop.locator("form.photo-continue button[type=submit]").click();
  await desktop.locator(".notice--success").waitFor();
  await desktop.locator(".task-list").first().waitFor();
  await shot(desktop, "07-tasks-after-photo-en-1280");

  // No fixture gives a warning, so the family member's photo is faked in the
  // browser (GET only); the unticked acknowledgement still goes to the worker,
  // which refuses it before looking for a photo.
  console.log("Photo with a warning (faked GET):");
  const warnChecks = (lang) => [
    {
      id: "format",
      verdict: "pass",
      value: 1,
      threshold: null,
      message: lang === "en" ? "The file is a JPEG or PNG image." : "Le fichier est une image JPEG ou PNG.",
      tip: "",
    },
    {
      id: "background_not_white",
      verdict: "warn",
      value: 88,
      threshold: 90,
      message: lang === "en" ? "The background may not be white enough." : "Le fond n'est peut-être pas assez blanc.",
      tip:
        lang === "en" ? "Take the photo in front of a plain white wall." : "Prenez la photo devant un mur blanc uni.",
    },
  ];
  for (const { width, lang, tag } of views(WIDTHS_375, { langFirst: true })) {
    const page = pages[width];
    const base = `${portal.url}/api/persons/${family.id}/photo`;
    await page.route(base, (route) =>
      route.request().method() === "GET"
        ? route.fulfill({
            json: {
              photoId: 1,
              state: "draft",
              verdict: "warn",
              warningsAcknowledged: false,
              width: 900,
              height: 1260,
              checks: warnChecks(lang),
            },
          })
        : route.continue(),
    );
    await page.route(`${base}/image?*`, (route) =>
      route.fulfill({ path: path.join(photosDir, "valid.jpg"), contentType: "image/jpeg" }),
    );
    await go(page, lang, `/persons/${family.id}/photo`);
    await page
      .locator(".photo-preview")
      .evaluate((img) => (img.complete ? null : new Promise((r) => (img.onload = r))));
    await shot(page, `06-photo-warning-${tag}`);
    await page.locator("form.photo-continue button[type=submit]").click(); // unticked: the server's message
    await expectSummaryFocused(page, `photo-acknowledge-unticked-${tag}`);
    await shot(page, `06-photo-warning-unticked-${tag}`);
    await page.unrouteAll();
  }

  console.log("Review and submit:");
  for (const { width, lang, tag } of views(WIDTHS_375, { langFirst: true })) {
    const page = pages[width];
    await go(page, lang, `/persons/${self.id}/check-answers`);
    await shot(page, `08-check-answers-${tag}`);
    await page.locator("form button[type=submit]").click(); // unticked: the server's message
    await expectSummaryFocused(page, `check-answers-unticked-${tag}`);
    await shot(page, `09-check-answers-unticked-${tag}`);
  }
  await go(desktop, "en", `/persons/${family.id}/check-answers`);
  await shot(desktop, "10-check-answers-family-tasks-left-en-1280");

  await go(desktop, "fr", `/persons/${self.id}/check-answers`);
  await desktop.check("#declaration-confirmed");
  await desktop.locator("form button[type=submit]").click();
  await desktop.locator(".panel").waitFor();
  await shot(desktop, "11-submitted-fr-1280");
  const confirmation = new URL(desktop.url());
  const reference = confirmation.searchParams.get("ref");
  if (!reference) problems.push("the confirmation page has no ?ref=");
  for (const { width, lang, tag } of views(WIDTHS_375, { langFirst: true })) {
    const page = pages[width];
    await go(page, lang, `/persons/${self.id}/submitted?ref=${encodeURIComponent(reference ?? "")}`);
    await shot(page, `12-submitted-${tag}`);
    await go(page, lang, `/persons/${self.id}/check-answers`);
    if (await page.locator(".summary-list a").count())
      problems.push(`check-answers-after-submit-${tag}: Change links are still shown`);
    await shot(page, `13-check-answers-after-submit-${tag}`);
    await go(page, lang, `/persons/${self.id}/photo`);
    await shot(page, `14-photo-submitted-${tag}`);
    await go(page, lang, "/home");
    await shot(page, `15-tasks-after-submit-${tag}`);
  }

  console.log("Status and verification:");
  // A longer file than a fresh submission can have, faked in the browser (GET only), in the shape
  // of shared/api/persons.ts's StatusTimeline (a missing field breaks the page). No clock runs:
  // service-standards.mjs photographs them.
  const fullTimeline = {
    events: [
      { type: "submitted", at: "2026-11-02T15:04:00Z", reference: reference ?? "PRC-TEST", kind: "initial" },
      {
        type: "photo_returned",
        at: "2026-11-05",
        reasons: ["too_dark", "glare"],
        note: "Please take the photo facing a window.",
      },
      { type: "submitted", at: "2026-11-06T10:00:00Z", reference: "PRC-TEST-2", kind: "photo_resubmission" },
      { type: "photo_accepted", at: "2026-11-09" },
      { type: "pr_confirmed", at: "2026-11-09" },
      { type: "card_produced", at: "2026-11-16" },
      { type: "card_mailed", at: "2026-11-18" },
    ],
    proofAvailable: true,
    ecoprReplaces: null,
    cardTargetDate: null,
    clocks: [],
  };
  const statusBase = `${portal.url}/api/persons/${self.id}/status`;
  for (const { width, lang, tag } of views(WIDTHS_375, { langFirst: true })) {
    const page = pages[width];
    await go(page, lang, `/persons/${self.id}/status`);
    if ((await page.locator("ol.timeline > li").count()) === 0)
      problems.push(`status-${tag}: no timeline after submitting`);
    await shot(page, `12b-status-${tag}`);
    await go(page, lang, `/persons/${family.id}/status`);
    await shot(page, `12c-status-not-submitted-${tag}`);
    await page.route(statusBase, (route) => route.fulfill({ json: fullTimeline }));
    await go(page, lang, `/persons/${self.id}/status`);
    await shot(page, `12d-status-full-faked-${tag}`);
    await page.route(statusBase, (route) =>
      route.fulfill({
        json: { ...fullTimeline, events: fullTimeline.events.slice(0, 2), proofAvailable: false },
      }),
    );
    await go(page, lang, `/persons/${self.id}/status`);
    await shot(page, `12e-status-returned-faked-${tag}`);
    await page.unrouteAll();

    await go(page, lang, "/verify");
    await shot(page, `12f-verify-${tag}`);
    await page.locator("form button[type=submit]").click(); // empty: the client's message
    await expectSummaryFocused(page, `verify-empty-${tag}`);
    await shot(page, `12g-verify-empty-${tag}`);
    await page.fill("#verification-code", "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
    await page.locator("form button[type=submit]").click();
    await page.locator(".verify-result").waitFor();
    if ((await page.inputValue("#verification-code")) !== "ZZZZ-ZZZZ-ZZZZ-ZZZZ")
      problems.push(`verify-${tag}: the code was not kept`);
    await shot(page, `12h-verify-not-found-${tag}`);
    await page.route(`${portal.url}/api/verify/*`, (route) =>
      route.fulfill({
        json: {
          genuine: true,
          initials: "A. O.",
          issuedOn: "2026-11-09",
          status: width < 600 ? "revoked" : "valid",
          replacedOn: null,
        },
      }),
    );
    await page.locator("form button[type=submit]").click();
    await page.locator(".verify-result dl").waitFor();
    await shot(page, `12i-verify-genuine-faked-${tag}`);
    await page.unrouteAll();
  }

  console.log("Account:");
  for (const { width, lang, tag } of views(WIDTHS_375, { langFirst: true })) {
    const page = pages[width];
    await go(page, lang, "/account");
    await page.locator(".summary-list").waitFor();
    await shot(page, `16-account-${tag}`);
    await page.fill("#current-password", "not my password at all");
    await page.fill("#new-password", "a brand new long passphrase");
    await page.fill("#confirm-password", "a brand new long passphrase");
    await page.locator("form button[type=submit]").first().click(); // wrong current password: the server's message
    await expectSummaryFocused(page, `account-wrong-current-${tag}`);
    await shot(page, `17-account-wrong-current-${tag}`);
    await page.check(lang === "en" ? "#language-fr" : "#language-en");
    await page.locator("form button[type=submit]").nth(1).click();
    await page.locator(".notice--success").waitFor();
    await shot(page, `18-account-language-saved-${tag}`);
  }
  await go(desktop, "en", "/account");
  await desktop.locator(".summary-list").waitFor();
  await desktop.fill("#current-password", DEMO.password);
  await desktop.fill("#new-password", "copper harbour winter lantern");
  await desktop.fill("#confirm-password", "copper harbour winter lantern");
  await desktop.locator("form button[type=submit]").first().click();
  await desktop.locator(".notice--success").waitFor();
  await shot(desktop, "19-account-password-changed-en-1280");
  await desktop.locator(".button--secondary", { hasText: "Sign out everywhere" }).click();
  await desktop.locator("#username").waitFor();
  await shot(desktop, "20-signed-out-everywhere-en-1280");
});
report("No console errors, no horizontal overflow, error summaries focused.");
