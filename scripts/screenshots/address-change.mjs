#!/usr/bin/env node
// DEV TOOL, not a test: photographs the change of mailing address after submitting (issue 17
// point 2, decision 024) against the REAL worker, at 390 and 1280 px, in English and French: the
// submitted address with its "Change" link, the change form, its errors, the saved answer, the
// status page's link, and the refusal once the card is in production. Prints what looks wrong.
//
// Usage: node scripts/screenshots/address-change.mjs [--out DIR]   (default screenshots/address-change)
// Needs the photo fixtures (npx tsx scripts/fixtures/generate-photos.ts) and a built client.
import {
  WIDTHS,
  newPage,
  problems,
  ready,
  report,
  screenshotArgs,
  shotAndAxe,
  viewport,
  views,
  visit,
  withPortal,
} from "./harness.mjs";
import { d1, openSignedInPage, personsOf, signInOfficer, submitThroughApi } from "./steps.mjs";

screenshotArgs("address-change");

await withPortal({}, async ({ portal, browser }) => {
  const pages = {};
  for (const width of WIDTHS) pages[width] = await openSignedInPage(browser, portal.url, width, { axe: true });
  const first = pages[WIDTHS[0]];
  const [amara] = await personsOf(first);
  // Declare, give an address, upload a photo and submit, through the API the pages use.
  const statuses = await submitThroughApi(first, amara.id);
  if (statuses.some((s) => s >= 400)) problems.push(`setting up the submission answered ${statuses.join(", ")}`);

  for (const { width, lang, tag } of views()) {
    const page = pages[width];
    const name = (state) => `${state}-${tag}`;
    await visit(page, `${portal.url}/persons/${amara.id}/address?lang=${lang}`);
    await shotAndAxe(page, name("1-submitted-address"));
    await visit(page, `${portal.url}/persons/${amara.id}/address-change?lang=${lang}`);
    await shotAndAxe(page, name("2-form"));
    await page.fill("#street-name", "");
    await page.locator("main form button[type=submit]").click();
    await page.locator(".error-summary").waitFor();
    await shotAndAxe(page, name("3-errors"));
    await page.fill("#unit", "4B");
    await page.fill("#street-number", "150");
    await page.fill("#street-name", `Rue Principale ${width}${lang}`);
    await page.fill("#city", "Gatineau");
    await page.selectOption("#province", "QC");
    await page.fill("#postal-code", "J8X 1C1");
    await page.locator("main form button[type=submit]").click();
    await page.locator(".notice--success").waitFor();
    await shotAndAxe(page, name("4-saved"));
    await visit(page, `${portal.url}/persons/${amara.id}/status?lang=${lang}`);
    await shotAndAxe(page, name("5-status"));
  }
  // Card production starts (as a `cards export` batch would record it): the change is refused.
  await d1(portal.state, [
    "--command",
    `INSERT INTO cards (person_id, production_started_at, updated_at) VALUES (${Number(amara.id)}, '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')`,
  ]);
  for (const { width, lang, tag } of views()) {
    await pages[width].goto(`${portal.url}/persons/${amara.id}/address-change?lang=${lang}`);
    await ready(pages[width]);
    await shotAndAxe(pages[width], `6-refused-${tag}`);
  }
  // The officer's decision page: the address the card goes to and every earlier one, dated.
  const officer = await newPage(browser, 1280, { axe: true, label: "officer" });
  await signInOfficer(officer, portal.url);
  const { items } = await officer.evaluate(async () => (await fetch("/review/api/queue")).json());
  const item = items.find((i) => i.person.givenNames === amara.givenNames) ?? items[0];
  for (const { width, lang, tag } of views()) {
    await officer.setViewportSize(viewport(width));
    await officer.goto(`${portal.url}/review/items/${item.submissionId ?? item.id}?lang=${lang}`);
    await officer.locator("#address-heading").waitFor();
    await shotAndAxe(officer, `7-officer-history-${tag}`);
  }
});
report();
