import { findApplicationByNumber, personsOfApplication } from "../../worker/data/applications.ts";
import type { Database } from "../../worker/data/db.ts";
import { accountOfPerson, prepareDemoAccount } from "../../worker/data/demo.ts";
import {
  acceptInvitation,
  applicationsToInvite,
  inviteApplications,
  lookUpInvitation,
} from "../../worker/data/invitations.ts";
import { createOfficer, findOfficerByEmail, markPasswordChosen } from "../../worker/data/officers.ts";
import { findAccountByUsername } from "../../worker/data/accounts.ts";
import { findOutboxMessage, listOutbox } from "../../worker/data/outbox.ts";
import type { AppEnv } from "../../worker/env.ts";
import { templateContext } from "../../worker/lib/config.ts";
import { isDevelopmentMode } from "../../worker/lib/environment.ts";
import { hashPassword } from "../../worker/lib/password-hash.ts";
import { checkPasswordRules } from "../../worker/lib/password-policy.ts";
import { shippedPasswordBlocklistFromDisk } from "./password-blocklist.ts";
import { otpauthUri, totpCode } from "../../worker/lib/officer-totp.ts";
import { print } from "./command.ts";
import { DEMO } from "./demo-credentials.ts";
import { CommandFailure } from "./errors.ts";
import { importFile } from "./import-file.ts";
import { note } from "./platform.ts";

/*
 * Demo data for `npm start`, built through the same code as real use: the
 * sample file goes through the importer, invitations through
 * inviteApplications, and the family's invitation is answered through
 * lookUpInvitation + acceptInvitation with the token from its email, as the
 * principal's browser would. Only the username and password of the family
 * account are then set to the documented demo values.
 *
 * Each step checks what is already there, so a second run changes nothing.
 */

/** Builds whatever part of the demo is missing, then prints the demo accounts. */
export async function seedDemo(db: Database, env: AppEnv, adminId: string): Promise<void> {
  const context: SeedContext = { db, env, actor: { kind: "admin", id: adminId }, changes: [] };
  await importSampleApplications(context);
  await prepareFamilyAccount(context);
  await inviteSingleApplicant(context);
  await createDemoOfficer(context);
  if (context.changes.length === 0) print("Demo data already present; nothing was changed.");
  else for (const change of context.changes) print(change);
  print();
  await printDemoAccounts(context);
}

interface SeedContext {
  db: Database;
  env: AppEnv;
  actor: { kind: "admin"; id: string };
  changes: string[];
}

async function importSampleApplications(context: SeedContext): Promise<void> {
  const present = await Promise.all(
    [DEMO.familyApplication, DEMO.singleApplication].map((n) => findApplicationByNumber(context.db, n)),
  );
  if (present.every(Boolean)) return;
  const result = await importFile(context.db, DEMO.sampleFile, context.actor.id);
  if (result.problems.length > 0) {
    const details = result.problems.map((p) => `line ${p.line}: ${p.reasons.join("; ")}`).join("\n  ");
    throw new CommandFailure(`the demo sample could not be imported:\n  ${details}`);
  }
  context.changes.push(
    `Imported the sample: ${result.applicationsCreated} applications, ${result.personsCreated} persons.`,
  );
}

/** The family's invitation, answered as the principal would: one account acting for everyone. */
async function prepareFamilyAccount(context: SeedContext): Promise<void> {
  const { db, env, actor } = context;
  if (await findAccountByUsername(db, DEMO.username)) return;
  const application = (await findApplicationByNumber(db, DEMO.familyApplication))!;
  const people = await personsOfApplication(db, application.id);
  const principal = people.find((p) => p.role === "principal")!;

  let account = await accountOfPerson(db, principal.id);
  if (!account) {
    const [invitable] = await applicationsToInvite(db, { applicationNumbers: [DEMO.familyApplication] });
    if (!invitable) {
      throw new CommandFailure(
        `the invitation of ${DEMO.familyApplication} was answered without creating an account (declined?). ` +
          "Start from an empty state directory (delete .wrangler/state, or use --state DIR).",
      );
    }
    const { outboxIds } = await inviteApplications(db, env, [invitable.id], actor);
    const token = await invitationTokenOf(db, outboxIds[0]);
    const lookup = await lookUpInvitation(db, token);
    if (lookup.status !== "open")
      throw new CommandFailure(`the new invitation of ${DEMO.familyApplication} is ${lookup.status}`);
    const accepted = await acceptInvitation(db, env, lookup.invitation, lookup.persons, {
      emails: new Map(),
      separateAccounts: new Set(),
    });
    if (!accepted)
      throw new CommandFailure(`the invitation of ${DEMO.familyApplication} was accepted by someone else meanwhile`);
    account = (await accountOfPerson(db, principal.id))!;
    context.changes.push(
      `Invited ${DEMO.familyApplication} and accepted the invitation: one account acting for ${people.length} persons.`,
    );
  }
  if (
    checkPasswordRules(DEMO.password, { username: DEMO.username, blocklist: shippedPasswordBlocklistFromDisk() })
      .length > 0
  )
    throw new CommandFailure("the demo password breaks the password rules");
  await prepareDemoAccount(
    db,
    account.id,
    { username: DEMO.username, passwordHash: await hashPassword(DEMO.password) },
    actor,
  );
  context.changes.push(`Account ${account.username} renamed ${DEMO.username}, with the demo password.`);
}

async function inviteSingleApplicant(context: SeedContext): Promise<void> {
  const { db, env, actor } = context;
  // Listed only when it has no open invitation and has not answered one.
  const waiting = await applicationsToInvite(db, {});
  const single = waiting.find((a) => a.applicationNumber === DEMO.singleApplication);
  if (!single) return;
  await inviteApplications(db, env, [single.id], actor);
  context.changes.push(`Invited ${DEMO.singleApplication}; the invitation waits for an answer.`);
}

async function createDemoOfficer(context: SeedContext): Promise<void> {
  const { db, actor } = context;
  // The demo officer's password is public (README) and already "chosen": it
  // is not the one-time initial password a real officer must change first.
  const existing = await findOfficerByEmail(db, DEMO.officer.email);
  if (existing) {
    // A state made before officers had to change their initial password.
    if (existing.mustChangePassword === 1) {
      await markPasswordChosen(db, existing.id);
      context.changes.push(`The demo officer ${existing.email} keeps the documented password.`);
    }
    return;
  }
  const { email, name, password, totpSecret } = DEMO.officer;
  await createOfficer(
    db,
    { email, name, role: "officer", passwordHash: await hashPassword(password), totpSecret, mustChangePassword: false },
    actor,
  );
  context.changes.push(`Created the demo officer ${email}.`);
}

async function invitationTokenOf(db: Database, outboxId: number | undefined): Promise<string> {
  const message = outboxId === undefined ? undefined : await findOutboxMessage(db, outboxId);
  const token = message?.secretsJson ? (JSON.parse(message.secretsJson) as { token?: string }).token : undefined;
  if (!token) throw new CommandFailure("the invitation email has no link token (was it delivered and erased?)");
  return token;
}

async function printDemoAccounts({ db, env }: SeedContext): Promise<void> {
  const origin = templateContext(env).origin;
  const family = (await findApplicationByNumber(db, DEMO.familyApplication))!;
  const familyPeople = await personsOfApplication(db, family.id);
  const single = (await findApplicationByNumber(db, DEMO.singleApplication))!;
  const [singlePrincipal] = await personsOfApplication(db, single.id);

  print("Demo accounts (local demo only; these credentials are public):");
  print(
    `  Applicant, ${DEMO.familyApplication}: acts for ${familyPeople.map((p) => `${p.givenNames} ${p.familyName}`).join(", ")}`,
  );
  print(`    Username: ${DEMO.username}`);
  print(`    Password: ${DEMO.password}`);
  print(`    Sign in:  ${origin}/sign-in`);

  print(
    `  Applicant, ${DEMO.singleApplication}: ${singlePrincipal!.givenNames} ${singlePrincipal!.familyName}, invited, no account yet`,
  );
  const invitation = (await listOutbox(db, { to: singlePrincipal!.email, limit: 50 })).find(
    (m) => m.kind === "invitation",
  );
  const token = invitation?.secretsJson ? (JSON.parse(invitation.secretsJson) as { token?: string }).token : undefined;
  const lookup = token ? await lookUpInvitation(db, token) : undefined;
  if (token && lookup?.status === "open") print(`    Invitation link: ${origin}/invitation?lang=fr#token=${token}`);
  else
    print(
      `    Invitation: ${lookup ? lookup.status : "not found"} (send a new one with: npm run admin -- invite --application ${DEMO.singleApplication})`,
    );
  print(`    Its email: npm run admin -- mail --to ${singlePrincipal!.email}`);

  const { email, password, totpSecret } = DEMO.officer;
  print("  Officer (/review):");
  print(`    Email:        ${email}`);
  print(`    Password:     ${password}`);
  print(`    TOTP secret:  ${totpSecret}`);
  print(`    otpauth URI:  ${otpauthUri(totpSecret, email)}`);
  print(`    Code now:     ${await totpCode(totpSecret, Date.now())} (changes every 30 seconds)`);
  if (!isDevelopmentMode(env))
    note(
      "note: not in development mode here (no .dev.vars): links use the production origin, and `npm start` writes .dev.vars for local links.",
    );
}
