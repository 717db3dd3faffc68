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
import {
  LANGS,
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
import { mails, personsOf, signIn, signInOfficer, submitThroughApi } from "./steps.mjs";

screenshotArgs("representatives");
const REP_PASSWORD = "quill meadow copper lantern";

/** The newest email of a kind to an address, secrets filled in (the admin command reads the local outbox). */
async function mailTo(state, to, kind) {
  const row = (await mails(state, to)).find((r) => r.kind === kind);
  if (!row) throw new Error(`no ${kind} mail to ${to}`);
  return row;
}

await withPortal({ vars: { REPRESENTATIVE_ACCESS: "on" } }, async ({ portal, browser }) => {
  for (const { width, lang, tag } of views()) {
    const name = (state) => `${state}-${tag}`;
    const applicant = await newPage(browser, width, { axe: true });
    await signIn(applicant, portal.url);
    await applicant.goto(`${portal.url}/account?lang=${lang}`);
    await applicant.locator("a[href^='/representatives']").waitFor();
    await shotAndAxe(applicant, name("1-account-link"));
    await visit(applicant, `${portal.url}/representatives?lang=${lang}`);
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
    const representative = await newPage(browser, width, { axe: true });
    await visit(representative, `${portal.url}/confirm-email?lang=${lang}#token=${token}`);
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
    // A refused attempt to submit for the person: the applicant's list shows it among the actions.
    const refused = await representative.evaluate(async () => {
      const id = location.pathname.split("/").pop();
      const answer = await fetch(`/api/persons/${id}/submit`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ declarationConfirmed: true }),
      });
      return answer.status;
    });
    if (refused !== 403) problems.push(`the representative's submit answered ${refused}, not 403`);

    await visit(applicant, `${portal.url}/representatives?lang=${lang}`);
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

  // A representative who keeps access, and a submission, for the officer's decision page.
  const applicant = await newPage(browser, 1280, { axe: true });
  await signIn(applicant, portal.url);
  const invited = await applicant.evaluate(() =>
    fetch("/api/representatives/invite", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        name: "Sam Conseil",
        email: "sam@consult.example",
        kind: "consultant",
        licenceBody: "cicc",
        licenceNumber: "R512345",
        language: "fr",
      }),
    }).then((r) => r.status),
  );
  const [person] = await personsOf(applicant);
  const statuses = [invited, ...(await submitThroughApi(applicant, person.id))];
  if (statuses.some((s) => s >= 400)) problems.push(`setting up the officer's item answered ${statuses.join(", ")}`);
  const officerPage = await newPage(browser, 1280, { axe: true });
  await signInOfficer(officerPage, portal.url);
  const { items } = await officerPage.evaluate(async () => (await fetch("/review/api/queue?filter=all")).json());
  const item = items[0];
  if (!item) problems.push("no queue item to show the officer's page with");
  else {
    for (const { width, lang, tag } of views()) {
      await officerPage.setViewportSize(viewport(width));
      await officerPage.goto(`${portal.url}/review/items/${item.submissionId ?? item.id}?lang=${lang}`);
      await officerPage.locator("#representatives-heading").waitFor();
      await officerPage.locator("#representatives-heading").scrollIntoViewIfNeeded();
      await shotAndAxe(officerPage, `10-officer-${tag}`);
    }
  }
});

// The same pages with the setting off: each is the not-found page.
await withPortal({ vars: { REPRESENTATIVE_ACCESS: "off" } }, async ({ portal, browser }) => {
  const page = await newPage(browser, 1280, { axe: true });
  await signIn(page, portal.url);
  for (const lang of LANGS) {
    await visit(page, `${portal.url}/representatives?lang=${lang}`);
    await shotAndAxe(page, `11-off-${lang}-1280`);
    const text = await page.locator("main").innerText();
    if (/represent/i.test(text)) problems.push(`setting off: /representatives mentions representatives (${lang})`);
    await visit(page, `${portal.url}/account?lang=${lang}`);
    await page.waitForTimeout(500);
    if (await page.locator("a[href^='/representatives']").count())
      problems.push(`setting off: the account page links to representatives (${lang})`);
  }
});
report();
