#!/usr/bin/env node
// DEV TOOL, not a test: photographs the service standards (issue 17 point 4, decision 025) against
// the REAL worker, at 375 and 1280 px, in English and French: /transparency before the daily job
// has run, then with figures (some cells "fewer than 10"), the applicant's status page with its
// clock past the standard, and the officers' queue, follow-up and metrics with the overdue flags.
// It seeds a history of 33 persons straight into the local D1 (times in the past cannot be made
// through the API), runs the maintenance job, and prints what looks wrong.
//
// Usage: node scripts/screenshots/service-standards.mjs [--out DIR]   (default screenshots/service-standards)
// Chromium: /usr/bin/chromium, or CHROMIUM_PATH.
import { writeFileSync } from "node:fs";
import path from "node:path";
import {
  WIDTHS_375,
  bin,
  newPage,
  report,
  run,
  screenshotArgs,
  shotAndAxe,
  viewport,
  views,
  visit,
  withPortal,
} from "./harness.mjs";
import { serviceHistorySql } from "../lib/service-history.mjs";
import { OFFICER, d1, openSignedInPage, personsOf, signInOfficer } from "./steps.mjs";

const { outDir } = screenshotArgs("service-standards");

const q = (text) => `'${String(text).replace(/'/g, "''")}'`;

function seedSql(now) {
  return [
    `update officers set role = 'supervisor' where email = ${q(OFFICER.email)};`,
    // The demo principal: documents submitted 20 days ago, still waiting for the photo review.
    serviceHistorySql({ officerEmail: OFFICER.email, username: "PR-DEMO0001", now }),
  ].join("\n");
}

await withPortal({}, async ({ portal, browser }) => {
  const publicPage = await newPage(browser, 1280, { axe: true });
  console.log("Transparency, before the daily job:");
  for (const { width, lang, tag } of views(WIDTHS_375, { langFirst: true })) {
    await publicPage.setViewportSize(viewport(width));
    await visit(publicPage, `${portal.url}/transparency?lang=${lang}`);
    await publicPage.locator(".notice").waitFor();
    await shotAndAxe(publicPage, `01-transparency-none-${tag}`);
  }

  const sqlFile = path.join(outDir, "seed.sql");
  writeFileSync(sqlFile, seedSql(Date.now()));
  await d1(portal.state, ["--file", sqlFile, "--yes"]);
  await run(bin("tsx"), ["scripts/admin/index.ts", "maintenance", "--state", portal.state]);

  console.log("Transparency, with figures:");
  for (const { width, lang, tag } of views(WIDTHS_375, { langFirst: true })) {
    await publicPage.setViewportSize(viewport(width));
    await visit(publicPage, `${portal.url}/transparency?lang=${lang}`);
    await publicPage.locator("#steps-heading").waitFor();
    await shotAndAxe(publicPage, `02-transparency-figures-${tag}`);
  }

  console.log("Status page with its clock:");
  const pages = {};
  for (const width of WIDTHS_375) pages[width] = await openSignedInPage(browser, portal.url, width, { axe: true });
  const self = (await personsOf(pages[1280])).find((p) => p.isSelf);
  for (const { width, lang, tag } of views(WIDTHS_375)) {
    await visit(pages[width], `${portal.url}/persons/${self.id}/status?lang=${lang}`);
    await pages[width].locator(".status-clocks").waitFor();
    await shotAndAxe(pages[width], `03-status-clock-${tag}`);
  }

  console.log("Officers:");
  // One sign-in: a TOTP code works once, so each width reuses the same session.
  const page = await newPage(browser, 1280, { axe: true, label: "officer" });
  await signInOfficer(page, portal.url);
  for (const { width, lang, tag } of views(WIDTHS_375)) {
    await page.setViewportSize(viewport(width));
    await visit(page, `${portal.url}/review?lang=${lang}`);
    await page.locator(".tag--overdue").first().waitFor();
    await shotAndAxe(page, `04-queue-overdue-${tag}`);
    await visit(page, `${portal.url}/review/follow-up?stage=confirm&lang=${lang}`);
    await shotAndAxe(page, `05-follow-up-${tag}`);
    await visit(page, `${portal.url}/review/metrics?lang=${lang}`);
    await page.locator("#standards-heading").waitFor();
    await shotAndAxe(page, `06-metrics-${tag}`);
  }
});
report();
