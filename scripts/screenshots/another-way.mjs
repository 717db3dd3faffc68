#!/usr/bin/env node
// DEV TOOL, not a test: photographs "another way" and photo exceptions (issue 17 point 5, decision
// 028) against the REAL worker, at 390 and 1280 px, in English and French, and runs axe on each
// state: /another-way (form, errors, sent), the invitation page's "Cannot use the portal?" (open,
// sent), the photo page's "Cannot take a photo?" (open, sent), a refused photo's exception form,
// the stored photo sent with a note; the officers' follow-up list of requests, the decision page
// with the explanation beside the checks, and the metrics. Prints what looks wrong.
//
// Usage: node scripts/screenshots/another-way.mjs [--out DIR]   (default screenshots/another-way)
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
const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : path.join(root, "screenshots", "another-way");
setOutDir(outDir);
mkdirSync(outDir, { recursive: true });
const WIDTHS = [390, 1280];
const OFFICER = { email: "officer@demo.test", password: "quiet harbour pencil meadow", secret: "PR portal demo only!" };
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const photos = path.join(root, "test", "fixtures", "photos");

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

async function newPage(browser, width) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: width < 600 ? 800 : 900 } });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of 4\d\d/.test(message.text()))
      problems.push(`${width}px console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${width}px page error: ${error.message}`));
  return page;
}

async function mails(state) {
  const output = await run(bin("tsx"), ["scripts/admin/index.ts", "mail", "--json", "--state", state]);
  return JSON.parse(output.slice(output.indexOf("[")));
}

/** Fills and sends an AnotherWayForm whose ids start with `prefix`. */
async function fillRequest(page, prefix, email) {
  if (email) await page.fill(`#${prefix}-email`, email);
  await page.locator(`#${prefix}-kind-mailed_photo`).check();
  await page.fill(`#${prefix}-reason`, "I cannot take a photo at home.");
  await page.locator(`#${prefix}-reason`).locator("xpath=ancestor::form").locator("button[type=submit]").click();
  await page.locator(`#${prefix}-sent-heading`).waitFor();
}

const portal = await startPortal();
const browser = await launchBrowser();
try {
  const invitation = (await mails(portal.state)).find((m) => m.kind === "invitation");
  const token = invitation ? /#token=([A-Za-z0-9_-]+)/.exec(invitation.text)?.[1] : undefined;
  if (!token) problems.push("no invitation token in the demo mailbox");

  for (const width of WIDTHS) {
    for (const lang of LANGS) {
      const name = (state) => `${state}-${lang}-${width}`;
      // Signed out: the sign-in help's page.
      const page = await newPage(browser, width);
      await page.goto(`${portal.url}/another-way?lang=${lang}`);
      await ready(page);
      await shotAndAxe(page, name("1-another-way-form"));
      await page.locator("main form button[type=submit]").click();
      await page.locator(".error-summary").waitFor();
      await shotAndAxe(page, name("2-another-way-errors"));
      await fillRequest(page, "another-way", "nobody@example.com");
      await shotAndAxe(page, name("3-another-way-sent"));
      // The invitation page's "Cannot use the portal?".
      if (token) {
        await page.goto(`${portal.url}/invitation?lang=${lang}#token=${token}`);
        await ready(page);
        await page.locator(".another-way-details summary").click();
        await shotAndAxe(page, name("4-invitation-another-way"));
        await fillRequest(page, "invitation-another-way");
        await shotAndAxe(page, name("5-invitation-sent"));
      }
      await page.context().close();
    }
  }

  // Signed in: the photo page.
  const signedIn = [];
  for (const width of WIDTHS) {
    const page = await newPage(browser, width);
    await signIn(page, portal.url);
    signedIn.push([width, page]);
  }
  const [, first] = signedIn[0];
  const family = await personsOf(first);
  const [amara, spouse, child] = family;
  for (const [width, page] of signedIn) {
    for (const lang of LANGS) {
      const name = (state) => `${state}-${lang}-${width}`;
      await page.goto(`${portal.url}/persons/${amara.id}/photo?lang=${lang}`);
      await ready(page);
      await page.locator(".another-way-details summary").click();
      await shotAndAxe(page, name("6-photo-another-way"));
      if (width === 390 && lang === "en") {
        await fillRequest(page, "photo-another-way");
        await shotAndAxe(page, name("7-photo-another-way-sent"));
      }
      // A photo refused for a rule about the head only: the exception form.
      await page.goto(`${portal.url}/persons/${spouse.id}/photo?lang=${lang}`);
      await ready(page);
      await page.locator("#photo-file").setInputFiles(path.join(photos, "tilted.jpg"));
      await page
        .locator('.photo-editor__summary[data-state="done"]')
        .waitFor({ timeout: 60_000 })
        .catch(() => {});
      const apply = page.locator(".photo-upload button", {
        hasText: lang === "en" ? "Use this photo" : "Utiliser cette photo",
      });
      if (await apply.count()) await apply.first().click();
      const reached = await page
        .locator("#exception-heading")
        .waitFor({ timeout: 60_000 })
        .then(
          () => true,
          () => false,
        );
      if (reached) {
        await shotAndAxe(page, name("8-photo-exception-form"));
        await page.locator(".photo-exception button[type=submit]").click();
        await page.locator("#exception-explanation[aria-invalid=true]").waitFor();
        await shotAndAxe(page, name("9-photo-exception-errors"));
      } else problems.push(`${name("8")}: the exception form did not appear`);
    }
  }
  // A photo sent with a note, through the API the form uses; then presence, address, submit.
  const tilted = readFileSync(path.join(photos, "tilted.jpg")).toString("base64");
  const statuses = await first.evaluate(
    async ([id, data]) => {
      const form = new FormData();
      form.set(
        "photo",
        new Blob([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], { type: "image/jpeg" }),
        "p.jpg",
      );
      form.set("reason", "religious");
      form.set("explanation", "I wear a head covering for my faith. It hides part of my head.");
      const post = (p, body) =>
        fetch(p, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) }).then(
          (r) => r.status,
        );
      return [
        await fetch(`/api/persons/${id}/photo/exception`, { method: "POST", body: form }).then((r) => r.status),
        await post(`/api/persons/${id}/presence`, { confirm: true }),
        await post(`/api/persons/${id}/address`, {
          streetNumber: "24",
          streetName: "Sussex Drive",
          city: "Ottawa",
          province: "ON",
          postalCode: "K1M 1M4",
        }),
      ];
    },
    [child.id, tilted],
  );
  if (statuses.some((s) => s >= 400)) problems.push(`the exception photo answered ${statuses.join(", ")}`);
  for (const [width, page] of signedIn) {
    for (const lang of LANGS) {
      await page.goto(`${portal.url}/persons/${child.id}/photo?lang=${lang}`);
      await ready(page);
      await page.locator("#current-photo-heading").waitFor();
      await shotAndAxe(page, `10-photo-with-note-${lang}-${width}`);
    }
  }
  const submitted = await first.evaluate(
    async (id) =>
      fetch(`/api/persons/${id}/submit`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ declarationConfirmed: true }),
      }).then((r) => r.status),
    child.id,
  );
  if (submitted !== 201) problems.push(`submitting the exception photo answered ${submitted}`);

  // Officers.
  const officer = await newPage(browser, 1280);
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
  const item = items.find((i) => i.person.id === child.id);
  if (!item) problems.push("the exception photo is not in the queue");
  for (const width of WIDTHS) {
    await officer.setViewportSize({ width, height: width < 600 ? 800 : 900 });
    for (const lang of LANGS) {
      await officer.goto(`${portal.url}/review/follow-up?stage=another_way&lang=${lang}`);
      await officer.locator(".another-way-item").first().waitFor();
      await shotAndAxe(officer, `11-officer-requests-${lang}-${width}`);
      await officer.goto(`${portal.url}/review?filter=all&lang=${lang}`);
      await officer.locator(".tag--exception").first().waitFor();
      await shotAndAxe(officer, `12-officer-queue-${lang}-${width}`);
      if (item) {
        await officer.goto(`${portal.url}/review/items/${item.submissionId}?lang=${lang}`);
        await officer.locator(".officer-exception").waitFor();
        await shotAndAxe(officer, `13-officer-decision-${lang}-${width}`);
      }
    }
  }
  // Record "contacted" on the first request, then the list shows it.
  await officer.setViewportSize({ width: 1280, height: 900 });
  await officer.goto(`${portal.url}/review/follow-up?stage=another_way&lang=en`);
  await officer.locator(".another-way-item").first().waitFor();
  await officer.locator(".another-way-item button", { hasText: "Record: contacted" }).first().click();
  await officer.locator(".notice--success").waitFor();
  await shotAndAxe(officer, "14-officer-contacted-en-1280");
} finally {
  await browser.close();
  await portal.stop();
}
if (problems.length) {
  console.log("Problems:");
  for (const p of problems) console.log(`  - ${p}`);
  process.exitCode = 1;
} else console.log("No problems seen.");
