#!/usr/bin/env node
// DEV TOOL, not a test: photographs the applicant's confirmation journey (the
// task list, the presence declaration, the address form with errors) against
// the REAL worker, at 375 and 1280 px, in English and French, into
// screenshots/journey/ (git-ignored). It also prints what looks wrong: console
// errors, horizontal overflow, an error summary that did not take focus.
//
// Usage:
//   node scripts/screenshots/journey.mjs                 starts its own portal (temp state, seed-demo), then stops it
//   node scripts/screenshots/journey.mjs --url URL       uses a running portal seeded with `npm run admin -- seed-demo`
//                                                        (it declares presence and saves an address there)
// Chromium: /usr/bin/chromium, or CHROMIUM_PATH.
import {
  WIDTHS_375,
  expectSummaryFocused,
  problems,
  report,
  screenshotArgs,
  shot,
  views,
  visit,
  withPortal,
} from "./harness.mjs";
import { openSignedInPage, personsOf } from "./steps.mjs";

const { url } = screenshotArgs("journey");

await withPortal({ url }, async ({ portal, browser }) => {
  const pages = {};
  for (const width of WIDTHS_375) pages[width] = await openSignedInPage(browser, portal.url, width);
  const persons = await personsOf(pages[1280]);
  const self = persons.find((p) => p.isSelf);
  const family = persons.find((p) => !p.isSelf);
  const go = (page, lang, pathname) => visit(page, `${portal.url}${pathname}?lang=${lang}`);

  console.log("Before any task is done:");
  for (const { width, lang, tag } of views(WIDTHS_375, { langFirst: true })) {
    const page = pages[width];
    await go(page, lang, "/home");
    await shot(page, `01-tasks-${tag}`);

    await go(page, lang, `/persons/${self.id}/presence`);
    await shot(page, `02-presence-self-${tag}`);
    await go(page, lang, `/persons/${family.id}/presence`);
    await page.locator("form button[type=submit]").click(); // unticked: the server's message
    await expectSummaryFocused(page, `presence-unticked-${tag}`);
    await shot(page, `03-presence-family-unticked-${tag}`);

    await go(page, lang, `/persons/${self.id}/address`);
    await shot(page, `04-address-empty-${tag}`);
    await page.locator("form button[type=submit]").click(); // all empty: the client's required checks
    await expectSummaryFocused(page, `address-empty-${tag}`);
    await shot(page, `05-address-required-${tag}`);
    await page.fill("#street-number", "24");
    await page.fill("#street-name", "Sussex Drive");
    await page.fill("#city", "Ottawa");
    await page.selectOption("#province", "QC");
    await page.fill("#postal-code", "K1A 0B1");
    await page.locator("form button[type=submit]").click(); // Quebec with an Ontario code: the server's message
    // The summary is already there (required fields): wait for the server's new message.
    await page.locator(".error-summary", { hasText: "K1A 0B1" }).waitFor();
    await expectSummaryFocused(page, `address-province-${tag}`);
    await shot(page, `06-address-postal-province-${tag}`);
    if ((await page.inputValue("#street-name")) !== "Sussex Drive")
      problems.push(`address-province-${tag}: typed values were lost`);
  }

  console.log("Doing the tasks:");
  const desktop = pages[1280];
  await go(desktop, "en", `/persons/${self.id}/presence`);
  await desktop.check("#confirm");
  await desktop.locator("form button[type=submit]").click();
  await desktop.locator(".notice--success").waitFor();
  await desktop.locator(".task-list").first().waitFor();
  await shot(desktop, "07-tasks-after-presence-en-1280");

  await go(desktop, "fr", `/persons/${self.id}/address`);
  await desktop.fill("#unit", "4");
  await desktop.fill("#street-number", "24");
  await desktop.fill("#street-name", "promenade Sussex");
  await desktop.fill("#city", "Ottawa");
  await desktop.selectOption("#province", "ON");
  await desktop.fill("#postal-code", "k1a0b1");
  await desktop.check("#same-for-family");
  await desktop.locator("form button[type=submit]").click();
  await desktop.locator(".notice--success").waitFor();
  await desktop.locator(".task-list").first().waitFor();
  await shot(desktop, "08-tasks-after-address-fr-1280");

  console.log("After:");
  for (const { width, lang, tag } of views(WIDTHS_375, { langFirst: true })) {
    const page = pages[width];
    await go(page, lang, `/persons/${self.id}/presence`);
    await shot(page, `09-presence-declared-${tag}`);
    await go(page, lang, `/persons/${family.id}/address`);
    await shot(page, `10-address-prefilled-${tag}`);
  }
  await go(desktop, "en", "/persons/999999/address");
  await shot(desktop, "11-address-unknown-person-en-1280");
});
report("No console errors, no horizontal overflow, error summaries focused.");
