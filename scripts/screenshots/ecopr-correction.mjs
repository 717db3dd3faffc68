#!/usr/bin/env node
// DEV TOOL, not a test: photographs the correction of an e-CoPR (issue 17 point 3, decision 027)
// against the REAL worker, at 390 and 1280 px, in English and French, and runs axe on each state:
// the status page's link, the report form, its errors, the report sent, the report waiting, the
// officers' list and correction page (with the document, the refusal's error, the decision), the
// person's page after an acceptance and a refusal, and /verify for the replaced code. Prints what
// looks wrong.
//
// Usage: node scripts/screenshots/ecopr-correction.mjs [--out DIR]   (default screenshots/ecopr-correction)
// Needs the photo fixtures (npx tsx scripts/fixtures/generate-photos.ts) and a built client.
import path from "node:path";
import {
  WIDTHS,
  newPage,
  photosDir,
  problems,
  report,
  screenshotArgs,
  shotAndAxe,
  viewport,
  views,
  visit,
  withPortal,
} from "./harness.mjs";
import { d1Rows, openSignedInPage, personsOf, signInOfficer, submitThroughApi } from "./steps.mjs";

screenshotArgs("ecopr-correction");
const DOCUMENT = path.join(photosDir, "valid.png");

await withPortal({}, async ({ portal, browser }) => {
  const pages = {};
  for (const width of WIDTHS) pages[width] = await openSignedInPage(browser, portal.url, width, { axe: true });
  const first = pages[WIDTHS[0]];
  const [amara] = await personsOf(first);
  const statuses = await submitThroughApi(first, amara.id);
  if (statuses.some((s) => s >= 400)) problems.push(`setting up the submission answered ${statuses.join(", ")}`);

  // The officer accepts the photo and confirms PR status: the first e-CoPR.
  const officer = await newPage(browser, 1280, { axe: true, label: "officer" });
  await signInOfficer(officer, portal.url);
  const decided = await officer.evaluate(async (personId) => {
    const { items } = await (await fetch("/review/api/queue")).json();
    const item = items.find((i) => i.person.id === personId);
    const post = (p) =>
      fetch(p, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" }).then((r) => r.status);
    return [
      await post(`/review/api/items/${item.submissionId}/claim`),
      await post(`/review/api/items/${item.submissionId}/accept`),
      await post(`/review/api/persons/${personId}/confirm-pr`),
    ];
  }, amara.id);
  if (decided.some((s) => s >= 400)) problems.push(`confirming PR status answered ${decided.join(", ")}`);
  const [firstProof] = await d1Rows(
    portal.state,
    `SELECT verification_code FROM documents WHERE person_id = ${Number(amara.id)}`,
  );

  // The applicant: the status page's link, the form and its errors, in every width and language.
  for (const { width, lang, tag } of views()) {
    const page = pages[width];
    const name = (state) => `${state}-${tag}`;
    await visit(page, `${portal.url}/persons/${amara.id}/status?lang=${lang}`);
    await shotAndAxe(page, name("1-status-link"));
    await visit(page, `${portal.url}/persons/${amara.id}/ecopr-correction?lang=${lang}`);
    await page.locator("#correction-value").waitFor();
    await shotAndAxe(page, name("2-form"));
    await page.locator("main form button[type=submit]").click();
    await page.locator(".error-summary").waitFor();
    await shotAndAxe(page, name("3-errors"));
    await page.check("#correction-field-date_of_birth");
    await page.fill("#correction-value", "2999-01-01");
    await page.locator("main form button[type=submit]").click();
    await page.locator(".error-summary").waitFor();
    await shotAndAxe(page, name("4-date-error"));
  }
  // One report sent (from the desktop page, in English), with a photo of a document.
  const desktop = pages[1280];
  await desktop.goto(`${portal.url}/persons/${amara.id}/ecopr-correction?lang=en`);
  await desktop.locator("#correction-value").waitFor();
  await desktop.check("#correction-field-given_names");
  await desktop.fill("#correction-value", "Amarachi");
  await desktop.setInputFiles("#correction-document", DOCUMENT);
  await desktop.locator("main form button[type=submit]").click();
  await desktop.locator(".notice--success").waitFor();
  await shotAndAxe(desktop, "5-sent-en-1280");
  for (const { width, lang, tag } of views()) {
    const page = pages[width];
    await visit(page, `${portal.url}/persons/${amara.id}/ecopr-correction?lang=${lang}`);
    await page.locator(".correction-history").waitFor();
    await shotAndAxe(page, `6-pending-${tag}`);
  }

  // The officers' list and correction page, the refusal's missing reason.
  for (const { width, lang, tag } of views()) {
    await officer.setViewportSize(viewport(width));
    await officer.goto(`${portal.url}/review/corrections?lang=${lang}`);
    await officer.locator(".queue").waitFor();
    await shotAndAxe(officer, `7-officer-list-${tag}`);
    await officer.goto(`${portal.url}/review/corrections/${amara.id}?lang=${lang}`);
    await officer.locator(".correction-evidence").waitFor();
    await officer.waitForFunction(() => document.querySelector(".correction-evidence")?.complete);
    await shotAndAxe(officer, `8-officer-report-${tag}`);
    await officer.locator(".correction-decision form button[type=submit]").click();
    await officer.locator(".error-summary").waitFor();
    await shotAndAxe(officer, `9-officer-reason-missing-${tag}`);
  }
  await officer.setViewportSize(viewport(1280));
  await officer.goto(`${portal.url}/review/corrections/${amara.id}?lang=en`);
  await officer.locator(".correction-decision").waitFor();
  await officer.locator(".correction-decision .form-actions button").first().click();
  await officer.locator(".notice--success").waitFor();
  await officer.locator(".correction-reports").waitFor();
  await shotAndAxe(officer, "10-officer-accepted-en-1280");

  // A second report, refused with a reason: the person's page then shows both answers.
  const second = await desktop.evaluate(async (id) => {
    const form = new FormData();
    form.set("field", "date_of_birth");
    form.set("correctValue", "1988-04-21");
    return (await fetch(`/api/persons/${id}/ecopr-corrections`, { method: "POST", body: form })).status;
  }, amara.id);
  if (second !== 201) problems.push(`the second report answered ${second}`);
  await officer.goto(`${portal.url}/review/corrections/${amara.id}?lang=fr`);
  await officer.locator("#correction-reason").waitFor();
  await officer.fill(
    "#correction-reason",
    "La date sur votre CRP correspond à votre passeport. / The date matches your passport.",
  );
  await officer.locator(".correction-decision form button[type=submit]").click();
  await officer.locator(".notice--success").waitFor();
  await officer.locator(".correction-reports").waitFor();
  await shotAndAxe(officer, "11-officer-refused-fr-1280");
  for (const { width, lang, tag } of views()) {
    await officer.setViewportSize(viewport(width));
    await officer.goto(`${portal.url}/review/corrections?status=decided&lang=${lang}`);
    await officer.locator(".queue").waitFor();
    await shotAndAxe(officer, `12-officer-decided-${tag}`);
  }

  for (const { width, lang, tag } of views()) {
    const page = pages[width];
    await visit(page, `${portal.url}/persons/${amara.id}/ecopr-correction?lang=${lang}`);
    await page.locator(".correction-history").waitFor();
    await shotAndAxe(page, `13-answered-${tag}`);
    await visit(page, `${portal.url}/verify?lang=${lang}`);
    await page.fill("#verification-code", firstProof.verification_code);
    await page.locator("main form button[type=submit]").click();
    await page.locator(".verify-result").waitFor();
    await shotAndAxe(page, `14-verify-replaced-${tag}`);
  }
});
report();
