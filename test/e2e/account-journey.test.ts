// Issue 2's browser journey, once in English and once in French, against the
// real portal (wrangler dev, local D1) in Debian's headless Chromium:
// admin import → invite → invitation link from the mailbox → accept → account
// email → sign in with the temporary password → set a password → sign out →
// forgot password → reset → sign in. Screenshots (E2E_SCREENSHOTS=1) go to screenshots/.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { en } from "../../client/i18n/en.ts";
import { fr } from "../../client/i18n/fr.ts";
import { launchChromium } from "./support/chromium.ts";
import { failOnUnexpectedErrors } from "./support/error-watch.ts";
import { type Portal, startPortal } from "./support/portal.ts";
import { saveScreenshot } from "./support/screenshots.ts";
import { overflow } from "./support/applicant.ts";

failOnUnexpectedErrors();

const SAMPLE = "scripts/admin/samples/approved-applications.csv";

let portal: Portal;
let browser: Browser;

before(async () => {
  portal = await startPortal();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await portal?.stop();
});

interface MailItem {
  kind: string;
  to: string;
  subject: string;
  text: string;
}

/** The newest email of `kind` to `to`, from the dev mailbox (waited for: it may be written after the answer). */
async function mail(to: string, kind: string): Promise<MailItem> {
  const messages = await portal.mailboxWhen(to, (all) => all.some((m) => m.kind === kind));
  const found = messages.find((m) => m.kind === kind);
  assert.ok(found, `a ${kind} email to ${to}`);
  return found;
}

/** An emailed link to `page` in `language`, its token in the fragment (never in the path or query). */
function linkIn(text: string, page: string, language: "en" | "fr"): string {
  const match = new RegExp(`https?://[^\\s/]+${page}\\?lang=${language}#token=[A-Za-z0-9_-]+`).exec(text);
  assert.ok(match, `a ${page} link in:\n${text}`);
  return match[0];
}

async function screenshot(page: Page, name: string) {
  for (const [label, size] of [
    ["desktop", { width: 1280, height: 900 }],
    ["phone", { width: 375, height: 812 }],
  ] as const) {
    await page.setViewportSize(size);
    await saveScreenshot(page, `${name}-${label}`);
    // Nothing may overflow sideways at phone width.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `${name} overflows horizontally by ${overflow}px at ${label} width`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function heading(page: Page, text: string) {
  await page.getByRole("heading", { level: 1, name: text }).waitFor({ timeout: 15_000 });
}

const JOURNEYS = [
  { language: "en" as const, m: en, application: "E000100001", email: "amara.okafor@demo.test" },
  { language: "fr" as const, m: fr, application: "E000100002", email: "lucia.fernandez@demo.test" },
];

describe("account journey in the browser", () => {
  for (const { language, m, application, email } of JOURNEYS) {
    test(`import → invite → accept → first sign-in → password → sign out → reset → sign in (${language})`, {
      timeout: 240_000,
    }, async () => {
      const imported = await portal.admin("import", SAMPLE);
      assert.match(imported, /Imported|Unchanged/);
      await portal.admin("invite", "--application", application);

      const invitation = await mail(email, "invitation");
      assert.equal(
        invitation.subject,
        "IRCC - Permanent Residence Portal (PR Confirmation) / Portail de résidence permanente (Confirmation de la RP)",
      );
      const invitationUrl = linkIn(invitation.text, "/invitation", language).replace(/^https?:\/\/[^/]+/, portal.url);

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const consoleErrors: string[] = [];
      page.on("console", (msg) => msg.type() === "error" && consoleErrors.push(msg.text()));

      // The public information page the emails link to.
      await page.goto(`${portal.url}/?lang=${language}`);
      await heading(page, m.info.heading);
      assert.equal(await page.getAttribute("html", "lang"), language);
      await screenshot(page, `info-${language}`);

      // The invitation: use the portal, in Canada, emails as on file.
      await page.goto(invitationUrl);
      await heading(page, m.invitation.heading);
      await page
        .getByRole("group", { name: m.invitation.usePortalLegend })
        .getByLabel(m.common.yes, { exact: true })
        .check();
      await page
        .getByRole("group", { name: m.invitation.inCanadaLegend })
        .getByLabel(m.common.yes, { exact: true })
        .check();
      await page.getByRole("button", { name: m.invitation.submit }).click();
      await heading(page, m.invitation.acceptedHeading);

      // The account email: username and temporary password, in both languages.
      const account = await mail(email, "account_created");
      assert.match(account.text, /Temporary password: /);
      assert.match(account.text, /Mot de passe temporaire : /);
      const username = /Username: (\S+)/.exec(account.text)![1]!;
      const temporaryPassword = /Temporary password: (\S+)/.exec(account.text)![1]!;

      // First sign-in leads straight to creating a password.
      await page.goto(`${portal.url}/sign-in?lang=${language}`);
      await heading(page, m.signIn.heading);
      await screenshot(page, `sign-in-${language}`);
      await page.getByLabel(m.signIn.usernameLabel).fill(username);
      await page.getByLabel(m.signIn.passwordLabel, { exact: true }).fill(temporaryPassword);
      await page.getByRole("button", { name: m.signIn.submit }).click();
      await heading(page, m.setPassword.heading);
      await screenshot(page, `set-password-${language}`);

      // A weak password is refused with the error summary focused.
      await page.getByLabel(m.password.newPasswordLabel, { exact: true }).fill("passwordpassword");
      await page.getByLabel(m.password.confirmPasswordLabel, { exact: true }).fill("passwordpassword");
      await page.getByRole("button", { name: m.setPassword.submit }).click();
      await page.getByText(m.common.errorSummaryTitle).waitFor();
      const focused = await page.evaluate(() => document.activeElement?.className ?? "");
      assert.match(focused, /error-summary/);
      await screenshot(page, `set-password-error-${language}`);

      const chosen = language === "en" ? "harbour lights over winter water" : "les lumières du port en hiver";
      await page.getByLabel(m.password.newPasswordLabel, { exact: true }).fill(chosen);
      await page.getByLabel(m.password.confirmPasswordLabel, { exact: true }).fill(chosen);
      await page.getByRole("button", { name: m.setPassword.submit }).click();
      await heading(page, m.home.heading);

      // Signed in: "Your account" and "Sign out" are in the header's own navigation, and the
      // footer no longer offers "Sign in"; at 360 px they wrap under the service name.
      const accountNav = page.getByRole("banner").getByRole("navigation", { name: m.layout.accountNav });
      await accountNav.getByRole("button", { name: m.layout.signOut }).waitFor();
      await accountNav.getByRole("link", { name: m.layout.accountLink }).waitFor();
      assert.equal(
        await page.getByRole("contentinfo").getByRole("link", { name: m.layout.footerSignIn, exact: true }).count(),
        0,
        "no Sign in in the footer once signed in",
      );
      await page.setViewportSize({ width: 360, height: 740 });
      assert.ok((await overflow(page)) <= 0, "the header's links fit at 360 px");
      const [nameBox, signOutBox] = await Promise.all([
        page.locator(".service-bar__name").boundingBox(),
        accountNav.getByRole("button", { name: m.layout.signOut }).boundingBox(),
      ]);
      assert.ok(
        nameBox && signOutBox && signOutBox.height >= 24 && signOutBox.x + signOutBox.width <= 360,
        `Sign out on screen, a 24px target: ${JSON.stringify(signOutBox)}`,
      );
      await page.setViewportSize({ width: 1280, height: 900 });
      // "Your account" from the header, then Sign out from the header of that page.
      await accountNav.getByRole("link", { name: m.layout.accountLink }).click();
      await heading(page, m.account.heading);

      // Sign out, then the forgotten-password path.
      await page.getByRole("banner").getByRole("button", { name: m.layout.signOut }).click();
      await heading(page, m.signIn.heading);
      await page.getByText(m.signIn.signedOut).waitFor();
      await page.getByRole("contentinfo").getByRole("link", { name: m.layout.footerSignIn, exact: true }).waitFor();
      assert.equal(
        await page.getByRole("banner").getByRole("button", { name: m.layout.signOut }).count(),
        0,
        "signed out: no Sign out in the header",
      );
      await page.getByRole("link", { name: m.signIn.forgotLink }).click();
      await heading(page, m.forgotPassword.heading);
      await page.getByLabel(m.forgotPassword.emailLabel).fill(email);
      await page.getByRole("button", { name: m.forgotPassword.submit }).click();
      await heading(page, m.forgotPassword.sentHeading);

      // The link is written after the answer: mail() waits for it.
      const resetUrl = linkIn((await mail(email, "password_reset_link")).text, "/reset-password", language).replace(
        /^https?:\/\/[^/]+/,
        portal.url,
      );
      assert.ok(resetUrl, "a reset link arrived");
      await page.goto(resetUrl);
      await heading(page, m.resetPassword.heading);
      const renewed =
        language === "en" ? "a new passphrase for the spring" : "une nouvelle phrase de passe pour le printemps";
      await page.getByLabel(m.password.newPasswordLabel, { exact: true }).fill(renewed);
      await page.getByLabel(m.password.confirmPasswordLabel, { exact: true }).fill(renewed);
      await page.getByRole("button", { name: m.resetPassword.submit }).click();
      await heading(page, m.resetPassword.doneHeading);

      // Sign in with the new password.
      await page.locator("main").getByRole("link", { name: m.resetPassword.signInLink }).click();
      await heading(page, m.signIn.heading);
      await page.getByLabel(m.signIn.usernameLabel).fill(username);
      await page.getByLabel(m.signIn.passwordLabel, { exact: true }).fill(renewed);
      await page.getByRole("button", { name: m.signIn.submit }).click();
      await heading(page, m.home.heading);
      assert.equal(await page.getAttribute("html", "lang"), language);
      await screenshot(page, `home-${language}`);

      assert.deepEqual(
        consoleErrors.filter((e) => !/status of 4\d\d/.test(e)),
        [],
      );
      await context.close();
    });
  }
});
