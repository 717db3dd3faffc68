// One applicant with a ready account, made through the real paths (admin
// import and invite, the invitation API, the account email read from the dev mailbox), for browser
// tests that start at sign-in. Each call needs its own application number,
// UCI and email, so tests in one portal never share a person.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import type { Messages } from "../../../client/i18n/index.ts";
import type { Portal } from "./portal.ts";

export interface Applicant {
  username: string;
  temporaryPassword: string;
  email: string;
}

export const CHOSEN_PASSWORD = "seven quiet maple lanterns glow";

/** The messages to `to` in the dev mailbox, newest first, once one of `kind` is there (or 20 s on). */
const mails = (portal: Portal, to: string, kind: string) =>
  portal.mailboxWhen(to, (messages) => messages.some((m) => m.kind === kind));

/** A principal applicant alone on their application, with an account and its temporary password. */
export async function newApplicant(
  portal: Portal,
  opts: { application: string; uci: number; email: string; language: "en" | "fr"; givenNames?: string },
): Promise<Applicant> {
  const dir = mkdtempSync(path.join(tmpdir(), "pr-e2e-applicant-"));
  const csv = path.join(dir, "applicant.csv");
  writeFileSync(
    csv,
    `application_number,uci,role,given_names,family_name,date_of_birth,email,language\n${opts.application},${opts.uci},principal,${opts.givenNames ?? "Samira"},Tremblay,1990-05-14,${opts.email},${opts.language}\n`,
  );
  await portal.admin("import", csv);
  await portal.admin("invite", "--application", opts.application);
  const invitation = (await mails(portal, opts.email, "invitation")).find((m) => m.kind === "invitation");
  assert.ok(invitation, `an invitation to ${opts.email}`);
  const token = /\/invitation\?lang=\w+#token=([A-Za-z0-9_-]+)/.exec(invitation.text)![1]!;
  const accepted = await fetch(`${portal.url}/api/invitations/answer`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ token, usePortal: true, inCanada: true, emails: {}, separateAccounts: [] }),
  });
  assert.equal(accepted.status, 200);
  const account = (await mails(portal, opts.email, "account_created")).find((m) => m.kind === "account_created");
  assert.ok(account, `an account email to ${opts.email}`);
  return {
    username: /Username: (\S+)/.exec(account.text)![1]!,
    temporaryPassword: /Temporary password: (\S+)/.exec(account.text)![1]!,
    email: opts.email,
  };
}

/** Waits for the page's <h1> to read `text`. */
export const heading = (page: Page, text: string) =>
  page.getByRole("heading", { level: 1, name: text }).waitFor({ timeout: 20_000 });

/** Signs in with the temporary password and chooses CHOSEN_PASSWORD, ending on the task list (with the mouse; for tests not about sign-in). */
export async function signInFirstTime(
  page: Page,
  portal: Portal,
  m: Messages,
  lang: "en" | "fr",
  applicant: Applicant,
): Promise<void> {
  await page.goto(`${portal.url}/sign-in?lang=${lang}`);
  await page.getByLabel(m.signIn.usernameLabel).fill(applicant.username);
  await page.getByLabel(m.signIn.passwordLabel, { exact: true }).fill(applicant.temporaryPassword);
  await page.getByRole("button", { name: m.signIn.submit }).click();
  await heading(page, m.setPassword.heading);
  await page.getByLabel(m.password.newPasswordLabel, { exact: true }).fill(CHOSEN_PASSWORD);
  await page.getByLabel(m.password.confirmPasswordLabel, { exact: true }).fill(CHOSEN_PASSWORD);
  await page.getByRole("button", { name: m.setPassword.submit }).click();
  await heading(page, m.home.heading);
}

/** The signed-in person's id, from the API the pages use. */
export async function selfId(page: Page): Promise<number> {
  const persons = (await page.evaluate(() => fetch("/api/persons").then((r) => r.json()))) as {
    persons: { id: number; isSelf: boolean }[];
  };
  const self = persons.persons.find((p) => p.isSelf);
  assert.ok(self, "the signed-in person");
  return self.id;
}

/** Sideways overflow of the page, in CSS px (0 when it fits). */
export const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Uploads a photo file from the signed-in page's session through the real upload endpoint (the
 * editor itself has its own tests) and acknowledges any warnings, as the photo page would ask.
 */
export async function uploadPhotoFromPage(page: Page, personId: number, photoFile: string): Promise<void> {
  const bytes = [...readFileSync(photoFile)];
  const uploaded = await page.evaluate(
    async ({ personId, bytes }) => {
      const response = await fetch(`/api/persons/${personId}/photo`, {
        method: "POST",
        headers: { "Content-Type": "image/jpeg", Accept: "application/json" },
        body: new Uint8Array(bytes),
      });
      return { status: response.status, body: (await response.json()) as { verdict?: string } };
    },
    { personId, bytes },
  );
  assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
  if (uploaded.body.verdict === "warn") {
    const acknowledged = await page.evaluate(
      (personId) =>
        fetch(`/api/persons/${personId}/photo/acknowledge`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ acknowledge: true }),
        }).then((r) => r.status),
      personId,
    );
    assert.equal(acknowledged, 200);
  }
}
