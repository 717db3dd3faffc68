// Issue 3's browser journey, in English and in French, against the real
// portal in Chromium: a principal declares presence for the whole family,
// gives one address for everyone, uploads a prepared valid photo for each
// person through the real upload endpoint, submits each, and sees the
// confirmation page and the status timeline.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { en } from "../../client/i18n/en.ts";
import { fr } from "../../client/i18n/fr.ts";
import { saveScreenshot } from "./support/screenshots.ts";
import { journeyWorld } from "./support/world.ts";

const world = journeyWorld();

function familyCsv(applicationNumber: string, uciBase: number, email: string, language: "en" | "fr"): string {
  const rows = [
    ["principal", "Nadia", "1985-03-02"],
    ["dependant", "Omar", "1983-07-19"],
    ["dependant", "Lina", "2014-10-05"],
  ].map(
    ([role, given, dob], i) =>
      `${applicationNumber},${uciBase + i},${role},${given},Haddad,${dob},${email},${language}`,
  );
  return `${["application_number,uci,role,given_names,family_name,date_of_birth,email,language", ...rows].join("\n")}\n`;
}

async function shoot(page: Page, name: string) {
  for (const [label, size] of [
    ["desktop", { width: 1280, height: 900 }],
    ["phone", { width: 375, height: 812 }],
  ] as const) {
    await page.setViewportSize(size);
    await saveScreenshot(page, `${name}-${label}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `${name} overflows by ${overflow}px at ${label} width`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

const heading = (page: Page, text: string) =>
  page.getByRole("heading", { level: 1, name: text }).waitFor({ timeout: 15_000 });
const format = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);

const JOURNEYS = [
  { language: "en" as const, m: en, application: "E000900001", uci: 9_100_000_010, email: "nadia.en@demo.test" },
  { language: "fr" as const, m: fr, application: "E000900002", uci: 9_100_000_020, email: "nadia.fr@demo.test" },
];

describe("confirmation journey in the browser", () => {
  for (const { language, m, application, uci, email } of JOURNEYS) {
    test(`a principal completes and submits for the whole family (${language})`, { timeout: 300_000 }, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "pr-e2e-"));
      const csv = path.join(dir, "family.csv");
      writeFileSync(csv, familyCsv(application, uci, email, language));
      await world.portal.admin("import", csv);
      await world.portal.admin("invite", "--application", application);
      // Emails from the dev mailbox, waited for (one may be written after the answer that causes it).
      const invitation = (
        await world.portal.mailboxWhen(email, (all) => all.some((x) => x.kind === "invitation"))
      ).find((x) => x.kind === "invitation")!;
      const token = /\/invitation\?lang=\w+#token=([A-Za-z0-9_-]+)/.exec(invitation.text)![1]!;
      const accepted = await fetch(`${world.portal.url}/api/invitations/answer`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ token, usePortal: true, inCanada: true, emails: {}, separateAccounts: [] }),
      });
      assert.equal(accepted.status, 200);
      const account = (
        await world.portal.mailboxWhen(email, (all) => all.some((x) => x.kind === "account_created"))
      ).find((x) => x.kind === "account_created")!;
      const username = /Username: (\S+)/.exec(account.text)![1]!;
      const temporary = /Temporary password: (\S+)/.exec(account.text)![1]!;

      const context = await world.browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${world.portal.url}/sign-in?lang=${language}`);
      await page.getByLabel(m.signIn.usernameLabel).fill(username);
      await page.getByLabel(m.signIn.passwordLabel, { exact: true }).fill(temporary);
      await page.getByRole("button", { name: m.signIn.submit }).click();
      await heading(page, m.setPassword.heading);
      const password = "seven quiet maple lanterns glow";
      await page.getByLabel(m.password.newPasswordLabel, { exact: true }).fill(password);
      await page.getByLabel(m.password.confirmPasswordLabel, { exact: true }).fill(password);
      await page.getByRole("button", { name: m.setPassword.submit }).click();
      await heading(page, m.home.heading);
      await shoot(page, `task-list-${language}`);

      const persons = (
        await page.evaluate(
          async () =>
            (await (await fetch("/api/persons")).json()) as {
              persons: { id: number; givenNames: string; familyName: string; isSelf: boolean }[];
            },
        )
      ).persons;
      assert.deepEqual(
        persons.map((p) => p.givenNames),
        ["Nadia", "Omar", "Lina"],
      );

      // Presence, for oneself and for each family member.
      for (const person of persons) {
        await page.goto(`${world.portal.url}/persons/${person.id}/presence?lang=${language}`);
        const name = `${person.givenNames} ${person.familyName}`;
        await heading(page, person.isSelf ? m.presence.headingSelf : format(m.presence.headingFor, { name }));
        await page.getByLabel(m.presence.confirmLabel).check();
        await page.getByRole("button", { name: m.presence.submit }).click();
        await heading(page, m.home.heading);
      }

      // One address for the whole family; first a mismatched province, shown with the error summary.
      await page.goto(`${world.portal.url}/persons/${persons[0]!.id}/address?lang=${language}`);
      await heading(page, m.address.headingSelf);
      await page.getByLabel(m.address.streetNumberLabel).fill("300");
      await page.getByLabel(m.address.streetNameLabel).fill("Rue Saint-Paul");
      await page.getByLabel(m.address.cityLabel).fill("Montréal");
      await page.getByLabel(m.address.provinceLabel).selectOption("ON");
      await page.getByLabel(m.address.postalCodeLabel).fill("h2y1h2");
      await page.getByLabel(m.address.sameForFamilyLabel).check();
      await page.getByRole("button", { name: m.address.submit }).click();
      await page.getByText(m.common.errorSummaryTitle).waitFor();
      assert.equal(await page.getByLabel(m.address.streetNameLabel).inputValue(), "Rue Saint-Paul");
      await shoot(page, `address-error-${language}`);
      await page.getByLabel(m.address.provinceLabel).selectOption("QC");
      await page.getByRole("button", { name: m.address.submit }).click();
      await heading(page, m.home.heading);

      // A prepared valid photo for each person, then Submit documents.
      for (const person of persons) {
        await page.goto(`${world.portal.url}/persons/${person.id}/photo?lang=${language}`);
        await page.getByLabel(m.photoEditor.chooseLabel).setInputFiles(world.photoFile);
        await page.getByRole("button", { name: m.photo.applyAndUpload, exact: true }).click();
        await page.locator("img.photo-preview--greyscale").waitFor({ timeout: 30_000 });

        // The account holder's comes through the page's old address, as a bookmark would: it was
        // /persons/:id/review until "review" came to mean the officers' area, and it still opens.
        const checkAnswers = `${world.portal.url}/persons/${person.id}/check-answers?lang=${language}`;
        await page.goto(
          person.isSelf ? `${world.portal.url}/persons/${person.id}/review?lang=${language}` : checkAnswers,
        );
        await page.waitForURL(checkAnswers);
        const name = `${person.givenNames} ${person.familyName}`;
        await heading(page, person.isSelf ? m.checkAnswers.headingSelf : format(m.checkAnswers.headingFor, { name }));
        if (person.isSelf) await shoot(page, `check-your-answers-${language}`);
        await page.getByLabel(m.checkAnswers.declarationLabel).check();
        await page.getByRole("button", { name: m.checkAnswers.submit }).click();
        // The confirmation names whose documents they were, and lists who on the application
        // still has tasks open, with links to those tasks: no one believes the family is done.
        await heading(page, person.isSelf ? m.submitted.heading : format(m.submitted.headingFor, { name }));
        const reference = await page
          .getByText(/PRC-[A-Z2-9]{4}-[A-Z2-9]{4}/)
          .first()
          .textContent();
        assert.match(reference ?? "", /PRC-/);
        const index = persons.indexOf(person);
        const stillOpen = persons.slice(index + 1);
        const openList = page.locator(".submitted-open__people");
        if (stillOpen.length > 0) {
          await page.getByRole("heading", { level: 2, name: m.submitted.openHeading }).waitFor();
          const listed = await openList.locator(".submitted-open__name").allTextContents();
          assert.deepEqual(
            listed,
            stillOpen.map((p) => `${p.givenNames} ${p.familyName}`),
            "everyone not yet submitted, and only them",
          );
          assert.equal(await page.getByText(m.submitted.allDone).count(), 0);
          // Each still has a photo to upload: a link to that person's photo page.
          for (const open of stillOpen) {
            const link = openList.getByRole("link", {
              name: format(m.home.tasksFor.photo, { name: `${open.givenNames} ${open.familyName}` }),
            });
            assert.match(
              (await link.getAttribute("href")) ?? "",
              new RegExp(`^/persons/${open.id}/photo\\?lang=${language}$`),
            );
          }
        } else {
          await page.getByText(m.submitted.allDone).waitFor();
          assert.equal(await openList.count(), 0, "no one left to list");
        }
        if (person.isSelf) {
          await shoot(page, `confirmation-${language}`);
          // The link leads to that family member's photo page.
          const next = `${stillOpen[0]!.givenNames} ${stillOpen[0]!.familyName}`;
          await openList.getByRole("link", { name: format(m.home.tasksFor.photo, { name: next }) }).click();
          await heading(page, format(m.photo.headingFor, { name: next }));
        }
      }
      // Seen again once all are in, the principal's confirmation says everyone is done.
      await page.goto(`${world.portal.url}/persons/${persons[0]!.id}/submitted?lang=${language}`);
      await heading(page, m.submitted.heading);
      await page.getByText(m.submitted.allDone).waitFor();

      // The status timeline: the submission, with its reference and what comes next.
      await page.goto(`${world.portal.url}/home?lang=${language}`);
      await heading(page, m.home.heading);
      await page.getByRole("link", { name: `${m.status.seeStatus} ${m.status.seeStatusHiddenSelf}` }).click();
      await heading(page, m.status.titleSelf);
      await page.getByRole("heading", { name: m.status.nextHeading }).waitFor();
      await page
        .getByText(/PRC-[A-Z2-9]{4}-[A-Z2-9]{4}/)
        .first()
        .waitFor();
      await shoot(page, `timeline-${language}`);

      const after = (
        await page.evaluate(
          async () => (await (await fetch("/api/persons")).json()) as { persons: { tasks: Record<string, string> }[] },
        )
      ).persons;
      for (const p of after)
        assert.deepEqual(p.tasks, {
          presence: "completed",
          address: "completed",
          photo: "completed",
          submit: "completed",
        });
      const received = (all: { kind: string }[]) => all.filter((x) => x.kind === "submission_received");
      const submittedMails = received(await world.portal.mailboxWhen(email, (all) => received(all).length >= 3));
      assert.equal(submittedMails.length, 3);
      await context.close();
    });
  }
});
