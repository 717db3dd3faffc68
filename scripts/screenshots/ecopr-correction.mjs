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
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Secret, TOTP } from "otpauth";
import {
  LANGS,
  bin,
  launchBrowser,
  personsOf,
  problems,
  ready,
  root,
  run,
  setOutDir,
  shot,
  signIn,
  startPortal,
} from "./harness.mjs";

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : path.join(root, "screenshots", "ecopr-correction");
setOutDir(outDir);
mkdirSync(outDir, { recursive: true });
const WIDTHS = [390, 1280];
const OFFICER = { email: "officer@demo.test", password: "quiet harbour pencil meadow", secret: "PR portal demo only!" };
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const DOCUMENT = path.join(root, "test", "fixtures", "photos", "valid.png");

async function shotAndAxe(page, name) {
  await shot(page, name);
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(
    (values) => window.axe.run(document, { runOnly: { type: "tag", values } }),
    AXE_TAGS,
  );
  for (const v of result.violations)
    problems.push(
      `${name}: axe ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`,
    );
  console.log(`    axe: ${result.violations.length} violations, ${result.passes.length} rules passed`);
}

function watch(page, label) {
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of 4\d\d/.test(message.text()))
      problems.push(`${label} console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${label} page error: ${error.message}`));
}

async function sql(portal, command) {
  const output = await run(bin("wrangler"), [
    "d1",
    "execute",
    "DB",
    "--local",
    "--persist-to",
    portal.state,
    "--json",
    "--command",
    command,
  ]);
  return JSON.parse(output.slice(output.indexOf("[")))[0].results;
}

const portal = await startPortal();
const browser = await launchBrowser();
try {
  const pages = [];
  for (const width of WIDTHS) {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: width < 600 ? 800 : 900 } });
    const page = await context.newPage();
    watch(page, `${width}px`);
    await signIn(page, portal.url);
    pages.push([width, page]);
  }
  const [, first] = pages[0];
  const [amara] = await personsOf(first);
  const photo = readFileSync(path.join(root, "test", "fixtures", "photos", "valid.jpg")).toString("base64");
  const statuses = await first.evaluate(
    async ([id, data]) => {
      const post = (p, body, type = "application/json") =>
        fetch(p, { method: "POST", headers: { "Content-Type": type }, body }).then((r) => r.status);
      return [
        await post(`/api/persons/${id}/presence`, JSON.stringify({ confirm: true })),
        await post(
          `/api/persons/${id}/address`,
          JSON.stringify({
            streetNumber: "24",
            streetName: "Sussex Drive",
            city: "Ottawa",
            province: "ON",
            postalCode: "K1M 1M4",
          }),
        ),
        await post(
          `/api/persons/${id}/photo`,
          Uint8Array.from(atob(data), (c) => c.charCodeAt(0)),
          "image/jpeg",
        ),
        await post(`/api/persons/${id}/submit`, JSON.stringify({ declarationConfirmed: true })),
      ];
    },
    [amara.id, photo],
  );
  if (statuses.some((s) => s >= 400)) problems.push(`setting up the submission answered ${statuses.join(", ")}`);

  // The officer accepts the photo and confirms PR status: the first e-CoPR.
  const officerContext = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const officer = await officerContext.newPage();
  watch(officer, "officer");
  await officer.goto(`${portal.url}/review/sign-in?lang=en`);
  await officer.fill("#officer-email", OFFICER.email);
  await officer.fill("#officer-password", OFFICER.password);
  await officer.fill(
    "#officer-code",
    new TOTP({ secret: Secret.fromUTF8(OFFICER.secret), digits: 6, period: 30 }).generate(),
  );
  await officer.locator("form button[type=submit]").click();
  await officer.locator(".queue").waitFor();
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
  const [firstProof] = await sql(
    portal,
    `SELECT verification_code FROM documents WHERE person_id = ${Number(amara.id)}`,
  );

  // The applicant: the status page's link, the form and its errors, in every width and language.
  for (const [width, page] of pages) {
    for (const lang of LANGS) {
      const name = (state) => `${state}-${lang}-${width}`;
      await page.goto(`${portal.url}/persons/${amara.id}/status?lang=${lang}`);
      await ready(page);
      await shotAndAxe(page, name("1-status-link"));
      await page.goto(`${portal.url}/persons/${amara.id}/ecopr-correction?lang=${lang}`);
      await ready(page);
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
  }
  // One report sent (from the desktop page, in English), with a photo of a document.
  const [, desktop] = pages[1];
  await desktop.goto(`${portal.url}/persons/${amara.id}/ecopr-correction?lang=en`);
  await desktop.locator("#correction-value").waitFor();
  await desktop.check("#correction-field-given_names");
  await desktop.fill("#correction-value", "Amarachi");
  await desktop.setInputFiles("#correction-document", DOCUMENT);
  await desktop.locator("main form button[type=submit]").click();
  await desktop.locator(".notice--success").waitFor();
  await shotAndAxe(desktop, "5-sent-en-1280");
  for (const [width, page] of pages) {
    for (const lang of LANGS) {
      await page.goto(`${portal.url}/persons/${amara.id}/ecopr-correction?lang=${lang}`);
      await ready(page);
      await page.locator(".correction-history").waitFor();
      await shotAndAxe(page, `6-pending-${lang}-${width}`);
    }
  }

  // The officers' list and correction page, the refusal's missing reason.
  for (const width of WIDTHS) {
    await officer.setViewportSize({ width, height: width < 600 ? 800 : 900 });
    for (const lang of LANGS) {
      await officer.goto(`${portal.url}/review/corrections?lang=${lang}`);
      await officer.locator(".queue").waitFor();
      await shotAndAxe(officer, `7-officer-list-${lang}-${width}`);
      await officer.goto(`${portal.url}/review/corrections/${amara.id}?lang=${lang}`);
      await officer.locator(".correction-evidence").waitFor();
      await officer.waitForFunction(() => document.querySelector(".correction-evidence")?.complete);
      await shotAndAxe(officer, `8-officer-report-${lang}-${width}`);
      await officer.locator(".correction-decision form button[type=submit]").click();
      await officer.locator(".error-summary").waitFor();
      await shotAndAxe(officer, `9-officer-reason-missing-${lang}-${width}`);
    }
  }
  await officer.setViewportSize({ width: 1280, height: 900 });
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
  for (const width of WIDTHS) {
    await officer.setViewportSize({ width, height: width < 600 ? 800 : 900 });
    for (const lang of LANGS) {
      await officer.goto(`${portal.url}/review/corrections?status=decided&lang=${lang}`);
      await officer.locator(".queue").waitFor();
      await shotAndAxe(officer, `12-officer-decided-${lang}-${width}`);
    }
  }

  for (const [width, page] of pages) {
    for (const lang of LANGS) {
      await page.goto(`${portal.url}/persons/${amara.id}/ecopr-correction?lang=${lang}`);
      await ready(page);
      await page.locator(".correction-history").waitFor();
      await shotAndAxe(page, `13-answered-${lang}-${width}`);
      await page.goto(`${portal.url}/verify?lang=${lang}`);
      await ready(page);
      await page.fill("#verification-code", firstProof.verification_code);
      await page.locator("main form button[type=submit]").click();
      await page.locator(".verify-result").waitFor();
      await shotAndAxe(page, `14-verify-replaced-${lang}-${width}`);
    }
  }
  await officerContext.close();
} finally {
  await browser.close();
  await portal.stop();
}
if (problems.length) {
  console.log("Problems:");
  for (const p of problems) console.log(`  - ${p}`);
  process.exitCode = 1;
} else console.log("No problems seen.");
