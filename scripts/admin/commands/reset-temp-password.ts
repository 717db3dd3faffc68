import { isValidEmail } from "../../../shared/people/import-records.ts";
import { type Command, adminName, print, requiredOption } from "../command.ts";
import { EXIT, UsageError } from "../errors.ts";

export const resetTempPasswordCommand: Command = {
  name: "reset-temp-password",
  summary: "Email a new temporary password to an account that has not chosen its own yet.",
  synopsis: "--email E",
  description: [
    "For each account with this email whose password is still the temporary one (expired or not):",
    "a new temporary password (stored hashed, valid TEMP_PASSWORD_DAYS days), every session signed out,",
    "the bilingual email with the new password written to the outbox, and an audit row, in one batch.",
    "An account whose owner already chose a password is refused: that person uses",
    '"Forgot your password?" on the sign-in page.',
    "A password is only ever emailed to an address its owner confirmed: an account whose address",
    "was typed by someone else and not yet confirmed gets a new confirmation link instead (the old",
    "one stops working); its temporary password is emailed once the link is opened.",
  ],
  options: { email: { type: "string" } },
  optionHelp: [["--email E", "the email address of the account(s)"]],
  examples: ["npm run admin -- reset-temp-password --email amara.okafor@demo.test"],
  positionals: { min: 0, max: 0 },
  async run({ values, platform }) {
    const email = requiredOption(values, "email").toLowerCase();
    if (!isValidEmail(email)) throw new UsageError(`"${email}" is not an email address`);
    const { resetTemporaryPassword } = await import("../../../worker/data/temporary-passwords.ts");
    const { withPlatform } = await import("../platform.ts");
    return withPlatform(platform, async ({ db, env }) => {
      const { reset, refused, confirmationSent } = await resetTemporaryPassword(db, env, email, {
        kind: "admin",
        id: adminName(),
      });
      if (reset.length === 0 && refused.length === 0 && confirmationSent.length === 0) {
        print(`No account uses the email ${email}. Nothing was changed.`);
        print(
          "(Accounts exist only once an invitation was accepted; to send the invitation again use `invite --application N`.)",
        );
        return EXIT.failed;
      }
      for (const r of reset) {
        print(
          `New temporary password for ${r.username} (${r.email}), valid until ${r.expiresAt}; its sessions were signed out.`,
        );
        print(`  The email is in the outbox (message #${r.outboxId}): npm run admin -- mail --to ${r.email}`);
      }
      for (const r of confirmationSent) {
        print(
          `No password sent for ${r.username}: its owner has not confirmed ${r.email} yet. A new confirmation link was sent instead;`,
        );
        print(
          `  the temporary password follows once it is opened (message #${r.outboxId}): npm run admin -- mail --to ${r.email}`,
        );
      }
      for (const r of refused) {
        print(
          `Refused for ${r.username}: its owner has already chosen their own password, which an admin does not reset.`,
        );
        print(`  The person should use "Forgot your password?" on the sign-in page to get a reset link.`);
      }
      return refused.length > 0 ? EXIT.failed : EXIT.ok;
    });
  },
};
