#!/usr/bin/env node
// DEV TOOL, not a test: photographs the change of mailing address after submitting (issue 17
// point 2, decision 024) against the REAL worker, at 390 and 1280 px, in English and French: the
// submitted address with its "Change" link, the change form, its errors, the saved answer, the
// status page's link, and the refusal once the card is in production. Prints what looks wrong.
//
// Usage: node scripts/screenshots/address-change.mjs [--out DIR]   (default screenshots/address-change)
// Needs the photo fixtures (npx tsx scripts/fixtures/generate-photos.ts) and a built client.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Secret, TOTP } from "otpauth";
import {
  LANGS,
  bin,
  launchBrowser,
  signIn,
  personsOf,
  problems,
  ready,
  root,
  run,
  setOutDir,
  shot,
  startPortal,
} from "./harness.mjs";

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : path.join(root, "screenshots", "address-change");
setOutDir(outDir);
mkdirSync(outDir, { recursive: true });
const WIDTHS = [390, 1280];
const OFFICER = { email: "officer@demo.test", password: "quiet harbour pencil meadow", secret: "PR portal demo only!" };
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Screenshot, then axe on the same state. */
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

const portal = await startPortal();
const browser = await launchBrowser();
try {
  const pages = [];
  for (const width of WIDTHS) {
    // bypassCSP: axe is added as a script the portal's CSP would refuse.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: width < 600 ? 800 : 900 } });
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error" && !/status of 4\d\d/.test(message.text()))
        problems.push(`${width}px console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`${width}px page error: ${error.message}`));
    await signIn(page, portal.url);
    pages.push([width, page]);
  }
  const [, first] = pages[0];
  const [amara] = await personsOf(first);
  const photo = readFileSync(path.join(root, "test", "fixtures", "photos", "valid.jpg")).toString("base64");
  // Declare, give an address, upload a photo and submit, through the API the pages use.
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

  for (const [width, page] of pages) {
    for (const lang of LANGS) {
      const name = (state) => `${state}-${lang}-${width}`;
      await page.goto(`${portal.url}/persons/${amara.id}/address?lang=${lang}`);
      await ready(page);
      await shotAndAxe(page, name("1-submitted-address"));
      await page.goto(`${portal.url}/persons/${amara.id}/address-change?lang=${lang}`);
      await ready(page);
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
      await page.goto(`${portal.url}/persons/${amara.id}/status?lang=${lang}`);
      await ready(page);
      await shotAndAxe(page, name("5-status"));
    }
  }
  // Card production starts (as a `cards export` batch would record it): the change is refused.
  await run(bin("wrangler"), [
    "d1",
    "execute",
    "DB",
    "--local",
    "--persist-to",
    portal.state,
    "--command",
    `INSERT INTO cards (person_id, production_started_at, updated_at) VALUES (${Number(amara.id)}, '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')`,
  ]);
  for (const [width, page] of pages) {
    for (const lang of LANGS) {
      await page.goto(`${portal.url}/persons/${amara.id}/address-change?lang=${lang}`);
      await ready(page);
      await shotAndAxe(page, `6-refused-${lang}-${width}`);
    }
  }
  // The officer's decision page: the address the card goes to and every earlier one, dated.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const officer = await context.newPage();
  officer.on("pageerror", (error) => problems.push(`officer page error: ${error.message}`));
  await officer.goto(`${portal.url}/review/sign-in?lang=en`);
  await officer.fill("#officer-email", OFFICER.email);
  await officer.fill("#officer-password", OFFICER.password);
  await officer.fill(
    "#officer-code",
    new TOTP({ secret: Secret.fromUTF8(OFFICER.secret), digits: 6, period: 30 }).generate(),
  );
  await officer.locator("form button[type=submit]").click();
  await officer.locator(".queue").waitFor();
  const { items } = await officer.evaluate(async () => (await fetch("/review/api/queue")).json());
  const item = items.find((i) => i.person.givenNames === amara.givenNames) ?? items[0];
  for (const width of WIDTHS) {
    await officer.setViewportSize({ width, height: width < 600 ? 800 : 900 });
    for (const lang of LANGS) {
      await officer.goto(`${portal.url}/review/items/${item.submissionId ?? item.id}?lang=${lang}`);
      await officer.locator("#address-heading").waitFor();
      await shotAndAxe(officer, `7-officer-history-${lang}-${width}`);
    }
  }
  await context.close();
} finally {
  await browser.close();
  await portal.stop();
}
if (problems.length) {
  console.log("Problems:");
  for (const p of problems) console.log(`  - ${p}`);
  process.exitCode = 1;
} else console.log("No problems seen.");
