// A representative made through the real routes (decision 026): the applicant invites, the
// representative opens the confirmation link, gets their own username and temporary password, signs
// in and chooses a password. Returns the representative's own browser.
import { expect } from "vitest";
import { Browser } from "./http.ts";
import { latestMail, unique } from "./factories.ts";

export const REPRESENTATIVE_PASSWORD = "quill meadow copper lantern";

/** The applicant's invitation; `invite` overrides the body's fields. */
export async function invite(applicant: Browser, invite: Record<string, unknown> = {}) {
  const email = `counsel${unique()}@law.example`;
  const response = await applicant.post("/api/representatives/invite", {
    name: "Morgan Avocat",
    email,
    kind: "lawyer",
    licenceBody: "lso",
    licenceNumber: "P12345",
    language: "en",
    ...invite,
  });
  return { response, email: (invite.email as string | undefined) ?? email };
}

/** Opens the emailed confirmation link (its token from the fragment, posted as the page does). */
export async function confirmAddress(email: string) {
  const mail = await latestMail(email, "representative_invitation");
  const confirmed = await new Browser().post("/api/email-confirmations/confirm", { token: mail.secrets.token });
  expect(confirmed.status).toBe(200);
  const account = await latestMail(email, "representative_account_created");
  const username = /Username: (RP-[A-Z0-9]+)/.exec(account.textBody)![1]!;
  return { username, temporaryPassword: account.secrets.password!, invitationMail: mail, accountMail: account };
}

/** A representative of the applicant's account, signed in with their own chosen password. */
export async function signedInRepresentative(applicant: Browser, body: Record<string, unknown> = {}) {
  const { response, email } = await invite(applicant, body);
  expect(response.status).toBe(201);
  const { grantId } = (await response.json()) as { grantId: number };
  const { username, temporaryPassword } = await confirmAddress(email);
  const browser = new Browser();
  const signIn = await browser.post("/api/auth/sign-in", { username, password: temporaryPassword });
  expect(signIn.status).toBe(200);
  expect(await signIn.json()).toEqual({ mustSetPassword: true, representative: true });
  const set = await browser.post("/api/auth/set-password", {
    newPassword: REPRESENTATIVE_PASSWORD,
    confirmPassword: REPRESENTATIVE_PASSWORD,
  });
  expect(set.status).toBe(200);
  return { browser, username, email, grantId, password: REPRESENTATIVE_PASSWORD };
}
