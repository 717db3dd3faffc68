#!/usr/bin/env node
// DEV TOOL, not a test: photographs representatives (issue 17 point 1, decision 026) against the
// REAL worker with REPRESENTATIVE_ACCESS on, at 390 and 1280 px, in English and French, and runs axe
// on each state: the account page's link, the applicant's page (empty, errors, invited, active with
// its actions, the revoke question, revoked), the representative's own pages (the files they follow,
// one person's status) and the officer's decision page. Then the same portal with the setting off:
// the pages are the not-found page. Prints what looks wrong.
//
// Usage: node scripts/screenshots/representatives.mjs [--out DIR]   (default screenshots/representatives)
// Needs a built client (node scripts/build-client.mjs).
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Secret, TOTP } from "otpauth";
import {
  LANGS,
  bin,
  launchBrowser,
  problems,
  ready,
  root,
  run,
  setOutDir,
  shotAndAxe,
  signIn,
  startPortal,
} from "./harness.mjs";

const args = process.argv.slice(2);
const outIndex = args.indexOf("--out");
const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : path.join(root, "screenshots", "representatives");
setOutDir(outDir);
mkdirSync(outDir, { recursive: true });
const WIDTHS = [390, 1280];
const OFFICER = { email: "officer@demo.test", password: "quiet harbour pencil meadow", secret: "PR portal demo only!" };
const REP_PASSWORD = "quill meadow copper lantern";

/** The newest email of a kind to an address, secrets filled in (the admin command reads the local outbox). */
async function mailTo(state, to, kind) {
  const output = await run(bin("tsx"), ["scripts/admin/index.ts", "mail", "--json", "--to", to, "--state", state]);
  const rows = JSON.parse(output.slice(output.indexOf("[")));
  const row = rows.find((r) => r.kind === kind);
  if (!row) throw new Error(`no ${kind} mail to ${to}`);
  return row;
}

async function newPage(browser, width) {
  // bypassCSP: axe is added as a script the portal's CSP would refuse.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: width < 600 ? 800 : 900 } });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error" && !/status of 4\d\d/.test(message.text()))
      problems.push(`${width}px console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${width}px page error: ${error.message}`));
  return page;
}

const portal = await startPortal({ REPRESENTATIVE_ACCESS: "on" });
const browser = await launchBrowser();
try {
  for (const width of WIDTHS) {
    for (const lang of LANGS) {
      const name = (state) => `${state}-${lang}-${width}`;
      const applicant = await newPage(browser, width);
      await signIn(applicant, portal.url);
      await applicant.goto(`${portal.url}/account?lang=${lang}`);
      await applicant.locator("a[href^='/representatives']").waitFor();
      await shotAndAxe(applicant, name("1-account-link"));
      await applicant.goto(`${portal.url}/representatives?lang=${lang}`);
      await ready(applicant);
      await shotAndAxe(applicant, name("2-page"));
      await applicant.locator("#invite-heading ~ form button[type=submit]").click();
      await applicant.locator(".error-summary").waitFor();
      await shotAndAxe(applicant, name("3-errors"));
      const email = `counsel-${lang}-${width}@law.example`;
      await applicant.fill("#representative-name", lang === "fr" ? "Maître Dominique Roy" : "Morgan Avocat");
      await applicant.fill("#representative-email", email);
      await applicant.check("#representative-kind-lawyer");
      await applicant.selectOption("#representative-licence-body", "lso");
      await applicant.fill("#representative-licence-number", "P12345");
      await applicant.locator("#invite-heading ~ form button[type=submit]").click();
      await applicant.locator(".notice--success").waitFor();
      await shotAndAxe(applicant, name("4-invited"));

      // The representative confirms the address, signs in with the emailed password and chooses one.
      const invitation = await mailTo(portal.state, email, "representative_invitation");
      const token = /#token=([A-Za-z0-9_-]+)/.exec(invitation.text)[1];
      const representative = await newPage(browser, width);
      await representative.goto(`${portal.url}/confirm-email?lang=${lang}#token=${token}`);
      await ready(representative);
      await representative.locator("main form button[type=submit]").click();
      await representative.locator("main .panel").waitFor();
      const account = await mailTo(portal.state, email, "representative_account_created");
      const username = /(RP-[A-Z0-9]+)/.exec(account.text)[1];
      const password = /(?:Temporary password|Mot de passe temporaire) ?: ([A-Z0-9-]+)/.exec(account.text)[1];
      await representative.goto(`${portal.url}/sign-in?lang=${lang}`);
      await representative.fill("#username", username);
      await representative.fill("#password", password);
      await representative.locator("form button[type=submit]").click();
      await representative.waitForURL(/set-password/);
      await ready(representative);
      await representative.fill("#new-password", REP_PASSWORD);
      await representative.fill("#confirm-password", REP_PASSWORD);
      await representative.locator("form button[type=submit]").click();
      await representative.waitForURL(/representing/);
      await ready(representative);
      await shotAndAxe(representative, name("5-representing"));
      await representative.locator("a[href^='/representing/persons/']").first().click();
      await representative.locator(".timeline, main h2").first().waitFor();
      await ready(representative);
      await shotAndAxe(representative, name("6-represented-person"));

      await applicant.goto(`${portal.url}/representatives?lang=${lang}`);
      await ready(applicant);
      await shotAndAxe(applicant, name("7-active"));
      await applicant.locator(".representative .button--secondary").first().click();
      await applicant.locator(".representative .notice--warning").waitFor();
      await shotAndAxe(applicant, name("8-revoke-question"));
      await applicant.locator(".representative .notice--warning .button--primary").click();
      await applicant.locator(".notice--success").waitFor();
      await shotAndAxe(applicant, name("9-revoked"));
      await applicant.context().close();
      await representative.context().close();
    }
  }

  // A representative who keeps access, and a submission, for the officer's decision page.
  const applicant = await newPage(browser, 1280);
  await signIn(applicant, portal.url);
  const photo = readFileSync(path.join(root, "test", "fixtures", "photos", "valid.jpg")).toString("base64");
  const statuses = await applicant.evaluate(async (data) => {
    const post = (p, body, type = "application/json") =>
      fetch(p, { method: "POST", headers: { "Content-Type": type }, body }).then((r) => r.status);
    const [person] = (await (await fetch("/api/persons")).json()).persons;
    const address = {
      streetNumber: "24",
      streetName: "Sussex Drive",
      city: "Ottawa",
      province: "ON",
      postalCode: "K1M 1M4",
    };
    return [
      await post(
        "/api/representatives/invite",
        JSON.stringify({
          name: "Sam Conseil",
          email: "sam@consult.example",
          kind: "consultant",
          licenceBody: "cicc",
          licenceNumber: "R512345",
          language: "fr",
        }),
      ),
      await post(`/api/persons/${person.id}/presence`, JSON.stringify({ confirm: true })),
      await post(`/api/persons/${person.id}/address`, JSON.stringify(address)),
      await post(
        `/api/persons/${person.id}/photo`,
        Uint8Array.from(atob(data), (c) => c.charCodeAt(0)),
        "image/jpeg",
      ),
      await post(`/api/persons/${person.id}/submit`, JSON.stringify({ declarationConfirmed: true })),
    ];
  }, photo);
  if (statuses.some((s) => s >= 400)) problems.push(`setting up the officer's item answered ${statuses.join(", ")}`);
  const officerPage = await newPage(browser, 1280);
  await officerPage.goto(`${portal.url}/review/sign-in?lang=en`);
  await officerPage.fill("#officer-email", OFFICER.email);
  await officerPage.fill("#officer-password", OFFICER.password);
  await officerPage.fill(
    "#officer-code",
    new TOTP({ secret: Secret.fromUTF8(OFFICER.secret), digits: 6, period: 30 }).generate(),
  );
  await officerPage.locator("form button[type=submit]").click();
  await officerPage.waitForURL((url) => !url.pathname.includes("sign-in"));
  const { items } = await officerPage.evaluate(async () => (await fetch("/review/api/queue?filter=all")).json());
  const item = items[0];
  if (!item) problems.push("no queue item to show the officer's page with");
  else {
    for (const width of WIDTHS) {
      await officerPage.setViewportSize({ width, height: width < 600 ? 800 : 900 });
      for (const lang of LANGS) {
        await officerPage.goto(`${portal.url}/review/items/${item.submissionId ?? item.id}?lang=${lang}`);
        await officerPage.locator("#representatives-heading").waitFor();
        await officerPage.locator("#representatives-heading").scrollIntoViewIfNeeded();
        await shotAndAxe(officerPage, `10-officer-${lang}-${width}`);
      }
    }
  }
} finally {
  await browser.close();
  await portal.stop();
}

// The same pages with the setting off: each is the not-found page.
const closed = await startPortal({ REPRESENTATIVE_ACCESS: "off" });
const offBrowser = await launchBrowser();
try {
  const page = await newPage(offBrowser, 1280);
  await signIn(page, closed.url);
  for (const lang of LANGS) {
    await page.goto(`${closed.url}/representatives?lang=${lang}`);
    await ready(page);
    await shotAndAxe(page, `11-off-${lang}-1280`);
    const text = await page.locator("main").innerText();
    if (/represent/i.test(text)) problems.push(`setting off: /representatives mentions representatives (${lang})`);
    await page.goto(`${closed.url}/account?lang=${lang}`);
    await ready(page);
    await page.waitForTimeout(500);
    if (await page.locator("a[href^='/representatives']").count())
      problems.push(`setting off: the account page links to representatives (${lang})`);
  }
} finally {
  await offBrowser.close();
  await closed.stop();
}
if (problems.length) {
  console.log("Problems:");
  for (const p of problems) console.log(`  - ${p}`);
  process.exitCode = 1;
} else console.log("No problems seen.");
