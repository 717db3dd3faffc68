import { env } from "cloudflare:workers";
import { desc, eq } from "drizzle-orm";
import { outbox } from "../../schema/index.ts";
import { importApplications } from "../../worker/data/applications.ts";
import { database } from "../../worker/data/db.ts";
import { inviteApplications } from "../../worker/data/invitations.ts";
import { type ImportRow, isProblem, validateImportRecord } from "../../shared/people/import-records.ts";
import { Browser } from "./http.ts";

export const db = () => database(env.DB);

let counter = 0;
/** Distinct numbers per call, so tests never share rows by accident. */
export function unique(): number {
  counter += 1;
  return (Date.now() % 1_000_000) * 100 + counter;
}

export function digits(n: number, width: number): string {
  return String(n).padStart(width, "0").slice(-width);
}

interface FamilyOptions {
  dependants?: { givenNames: string; familyName?: string; dateOfBirth: string; email?: string }[];
  /** Names as IRCC's record holds them (default: Amara Okafor<n>). */
  principalNames?: { givenNames: string; familyName: string };
  principalEmail?: string;
  language?: "en" | "fr";
}

/** Imports an application through the real import path and returns its rows. */
async function importFamily(options: FamilyOptions = {}) {
  const id = unique();
  const applicationNumber = `E${digits(id, 9)}`;
  const principalEmail = options.principalEmail ?? `principal${id}@example.com`;
  const records: Record<string, string>[] = [
    {
      application_number: applicationNumber,
      uci: digits(id * 10 + 1, 10),
      role: "principal",
      given_names: options.principalNames?.givenNames ?? "Amara",
      family_name: options.principalNames?.familyName ?? `Okafor${id}`,
      date_of_birth: "1988-04-12",
      email: principalEmail,
      language: options.language ?? "en",
    },
    ...(options.dependants ?? []).map((d, i) => ({
      application_number: applicationNumber,
      uci: digits(id * 10 + 2 + i, 10),
      role: "dependant",
      given_names: d.givenNames,
      family_name: d.familyName ?? `Okafor${id}`,
      date_of_birth: d.dateOfBirth,
      email: d.email ?? principalEmail,
      language: options.language ?? "en",
    })),
  ];
  const rows = records.map((r, i) => validateImportRecord(i + 2, r)).filter((r): r is ImportRow => !isProblem(r));
  const outcome = await importApplications(db(), rows, { kind: "admin", id: "test", source: "factory" });
  if (outcome.problems.length) throw new Error(JSON.stringify(outcome.problems));
  const app = await db().query.applications.findFirst({
    where: (a, { eq: equal }) => equal(a.applicationNumber, applicationNumber),
  });
  const people = await db().query.persons.findMany({
    where: (p, { eq: equal }) => equal(p.applicationId, app!.id),
    orderBy: (p, { asc }) => asc(p.id),
  });
  return { application: app!, persons: people, principalEmail };
}

/** The newest outbox row to an address, with its secrets. */
export async function latestMail(to: string, kind?: string) {
  const rows = await db().select().from(outbox).where(eq(outbox.toAddress, to)).orderBy(desc(outbox.id)).all();
  const row = rows.find((r) => !kind || r.kind === kind);
  if (!row) throw new Error(`no ${kind ?? ""} mail to ${to}`);
  return { ...row, secrets: row.secretsJson ? (JSON.parse(row.secretsJson) as Record<string, string>) : {} };
}

/**
 * Waits for a mail written in the background (waitUntil work, such as the
 * forgot-password link, which is written after the response on purpose).
 */
export async function eventuallyMail(to: string, kind: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await latestMail(to, kind);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** Imports and invites an application; returns the invitation token from the email. */
export async function invitedFamily(options: FamilyOptions = {}) {
  const family = await importFamily(options);
  await inviteApplications(db(), env, [family.application.id], { kind: "admin", id: "test" });
  const mail = await latestMail(family.principalEmail, "invitation");
  return { ...family, token: mail.secrets.token!, invitationMail: mail };
}

/** Accepts the invitation through the API; returns the principal's credentials from the account email. */
export async function acceptedFamily(
  options: FamilyOptions & { separateAccounts?: (persons: { id: number }[]) => number[] } = {},
) {
  const family = await invitedFamily(options);
  const browser = new Browser();
  const response = await browser.post("/api/invitations/answer", {
    token: family.token,
    usePortal: true,
    inCanada: true,
    emails: {},
    separateAccounts: options.separateAccounts?.(family.persons) ?? [],
  });
  if (response.status !== 200) throw new Error(`accept failed: ${response.status} ${await response.text()}`);
  const mail = await latestMail(family.principalEmail, "account_created");
  const username = /Username: (PR-[A-Z0-9]+)/.exec(mail.textBody)![1]!;
  return { ...family, username, temporaryPassword: mail.secrets.password!, accountMail: mail };
}

export const GOOD_PASSWORD = "lantern harbour violet thunder";

/** A principal who has signed in and set their own password: a ready applicant. */
export async function signedInApplicant(options: FamilyOptions = {}) {
  const family = await acceptedFamily(options);
  const browser = new Browser();
  const signIn = await browser.post("/api/auth/sign-in", {
    username: family.username,
    password: family.temporaryPassword,
  });
  if (signIn.status !== 200) throw new Error(`sign-in failed ${signIn.status}`);
  const set = await browser.post("/api/auth/set-password", {
    newPassword: GOOD_PASSWORD,
    confirmPassword: GOOD_PASSWORD,
  });
  if (set.status !== 200) throw new Error(`set-password failed ${set.status} ${await set.text()}`);
  return { ...family, browser, password: GOOD_PASSWORD };
}
