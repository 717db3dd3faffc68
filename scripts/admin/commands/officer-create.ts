import { isValidEmail } from "../../../shared/people/import-records.ts";
import { type Command, adminName, flag, print, requiredOption, stringOption } from "../command.ts";
import { EXIT, UsageError } from "../errors.ts";
import { passwordDelivery, printEnrolment } from "../officer-credentials.ts";

export const officerCreateCommand: Command = {
  name: "officer create",
  summary: "Create an officer account (password + TOTP authenticator).",
  synopsis: "--email E --name N [--supervisor] [--password-file PATH]",
  description: [
    "Creates the officer with a random one-time initial password (only its hash is stored) and a",
    "TOTP secret (RFC 6238: SHA-1, 30 s, 6 digits). This prints the authenticator enrolment (the",
    "secret, its otpauth:// URI and a QR code to scan); the initial password is never printed beside",
    "it: --password-file writes it to a new file readable only by you (mode 0600), or, in a",
    "terminal, it is shown after you press Enter, once the screen with the enrolment is cleared.",
    "Hand the two over separately. The initial password works for one sign-in within",
    "OFFICER_INITIAL_PASSWORD_HOURS (wrangler.toml, default 72); at /review the officer then",
    "chooses their own before anything else opens. Lost or expired: officer reset-password.",
  ],
  options: {
    email: { type: "string" },
    name: { type: "string" },
    supervisor: { type: "boolean" },
    "password-file": { type: "string" },
  },
  optionHelp: [
    ["--email E", "the officer's work email (their sign-in name)"],
    ["--name N", "the officer's full name"],
    ["--supervisor", "role supervisor instead of officer"],
    ["--password-file PATH", "write the initial password to this new file (mode 0600) instead of a second screen"],
  ],
  examples: [
    'npm run admin -- officer create --email jane.doe@cic.gc.ca --name "Jane Doe"',
    'npm run admin -- officer create --email sam.lee@cic.gc.ca --name "Sam Lee" --supervisor --password-file ~/sam-lee-password.txt',
  ],
  positionals: { min: 0, max: 0 },
  async run({ values, platform }) {
    const email = requiredOption(values, "email").toLowerCase();
    const name = requiredOption(values, "name");
    if (!isValidEmail(email)) throw new UsageError(`"${email}" is not an email address`);
    if (name.length > 100) throw new UsageError("--name is longer than 100 characters");
    const role = flag(values, "supervisor") ? "supervisor" : "officer";
    const delivery = await passwordDelivery(stringOption(values, "password-file"), { secondStep: true });

    const { createOfficer, findOfficerByEmail } = await import("../../../worker/data/officers.ts");
    const { settings } = await import("../../../worker/lib/config.ts");
    const { generateTemporaryPassword } = await import("../../../worker/lib/credentials.ts");
    const { hashPassword } = await import("../../../worker/lib/password-hash.ts");
    const { generateTotpSecret, otpauthUri } = await import("../../../worker/lib/officer-totp.ts");
    const { withPlatform } = await import("../platform.ts");
    let delivered = false;
    try {
      return await withPlatform(platform, async ({ db, env }) => {
        const exists = () => {
          print(`An officer with the email ${email} already exists. Nothing was changed.`);
          return EXIT.failed;
        };
        if (await findOfficerByEmail(db, email)) return exists();
        const password = generateTemporaryPassword();
        const secret = generateTotpSecret();
        const created = await createOfficer(
          db,
          { email, name, role, passwordHash: await hashPassword(password), totpSecret: secret },
          { kind: "admin", id: adminName() },
        );
        if (!created) return exists();
        print(`Officer created: ${name} <${email}>, role ${role}.`);
        print("Shown once, never stored in clear.");
        await printEnrolment(email, secret, otpauthUri(secret, email));
        await delivery.deliver(password, settings(env).officerInitialPasswordHours);
        delivered = true;
        return EXIT.ok;
      });
    } finally {
      if (!delivered) await delivery.abandon();
    }
  },
};
