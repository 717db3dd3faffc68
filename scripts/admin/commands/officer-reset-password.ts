import { type Command, adminName, print, requiredOption, stringOption } from "../command.ts";
import { EXIT } from "../errors.ts";
import { passwordDelivery } from "../officer-credentials.ts";
import { NOT_FOUND, officerOr } from "./officer-lookup.ts";

export const officerResetPasswordCommand: Command = {
  name: "officer reset-password",
  summary: "Give an officer a new one-time initial password; their sessions end now.",
  synopsis: "--email E [--password-file PATH]",
  description: [
    "For an officer who forgot their password, whose initial password expired or was used without",
    "being changed, or whose account locked. A new random initial password replaces the old one",
    "(only its hash is stored); it works for one sign-in within OFFICER_INITIAL_PASSWORD_HOURS, after",
    "which the officer chooses their own. The lock is cleared and every session of the officer ends",
    "at once. The authenticator is unchanged. Audited (officer.reset_password).",
  ],
  options: { email: { type: "string" }, "password-file": { type: "string" } },
  optionHelp: [
    ["--email E", "the officer's email"],
    ["--password-file PATH", "write the new password to this new file (mode 0600) instead of printing it"],
  ],
  examples: ["npm run admin -- officer reset-password --email jane.doe@cic.gc.ca --password-file ~/jane-password.txt"],
  positionals: { min: 0, max: 0 },
  async run({ values, platform }) {
    const email = requiredOption(values, "email").toLowerCase();
    // No enrolment is shown here, so printing the password alone is allowed.
    const delivery = await passwordDelivery(stringOption(values, "password-file"), { secondStep: false });
    const { resetOfficerPassword } = await import("../../../worker/data/officer-admin.ts");
    const { settings } = await import("../../../worker/lib/config.ts");
    const { generateTemporaryPassword } = await import("../../../worker/lib/credentials.ts");
    const { hashPassword } = await import("../../../worker/lib/password-hash.ts");
    const { withPlatform } = await import("../platform.ts");
    let delivered = false;
    try {
      return await withPlatform(platform, async ({ db, env }) => {
        const officer = await officerOr(db, email);
        if (!officer) return NOT_FOUND;
        const password = generateTemporaryPassword();
        await resetOfficerPassword(db, officer, await hashPassword(password), { kind: "admin", id: adminName() });
        print(`New initial password for ${officer.name} <${officer.email}>; their sessions were ended.`);
        await delivery.deliver(password, settings(env).officerInitialPasswordHours);
        delivered = true;
        return EXIT.ok;
      });
    } finally {
      if (!delivered) await delivery.abandon();
    }
  },
};
