import { isValidEmail } from "../../../worker/shared/import-records.ts";
import { type Command, adminName, flag, print, requiredOption } from "../command.ts";
import { EXIT, UsageError } from "../errors.ts";

export const officerCreateCommand: Command = {
  name: "officer create",
  summary: "Create an officer account (password + TOTP authenticator).",
  synopsis: "--email E --name N [--supervisor]",
  description: [
    "Creates the officer with a random one-time initial password (only its hash is stored) and a",
    "TOTP secret (RFC 6238: SHA-1, 30 s, 6 digits). Both are printed once, here, and never again:",
    "give them to the officer through a channel you trust. The officer adds the secret to an",
    "authenticator app (or the otpauth:// URI as a QR code) and signs in at /review, where they",
    "must choose their own password before anything else opens.",
  ],
  options: { email: { type: "string" }, name: { type: "string" }, supervisor: { type: "boolean" } },
  optionHelp: [
    ["--email E", "the officer's work email (their sign-in name)"],
    ["--name N", "the officer's full name"],
    ["--supervisor", "role supervisor instead of officer"],
  ],
  examples: ['npm run admin -- officer create --email jane.doe@cic.gc.ca --name "Jane Doe"'],
  positionals: { min: 0, max: 0 },
  async run({ values, platform }) {
    const email = requiredOption(values, "email").toLowerCase();
    const name = requiredOption(values, "name");
    if (!isValidEmail(email)) throw new UsageError(`"${email}" is not an email address`);
    if (name.length > 100) throw new UsageError("--name is longer than 100 characters");
    const role = flag(values, "supervisor") ? "supervisor" : "officer";

    const { createOfficer, findOfficerByEmail } = await import("../../../worker/data/officers.ts");
    const { generateTemporaryPassword } = await import("../../../worker/lib/credentials.ts");
    const { hashPassword } = await import("../../../worker/lib/password-hash.ts");
    const { generateTotpSecret, otpauthUri } = await import("../../../worker/lib/totp.ts");
    const { withPlatform } = await import("../platform.ts");
    return withPlatform(platform, async ({ db }) => {
      if (await findOfficerByEmail(db, email)) {
        print(`An officer with the email ${email} already exists. Nothing was changed.`);
        return EXIT.failed;
      }
      const password = generateTemporaryPassword();
      const secret = generateTotpSecret();
      const created = await createOfficer(db, { email, name, role, passwordHash: await hashPassword(password), totpSecret: secret }, { kind: "admin", id: adminName() });
      if (!created) {
        print(`An officer with the email ${email} already exists. Nothing was changed.`);
        return EXIT.failed;
      }
      print(`Officer created: ${name} <${email}>, role ${role}.`);
      print("Shown once, never stored in clear. Give them to the officer through a trusted channel;");
      print("the initial password works until they choose their own at their first sign-in:");
      print(`  Email:            ${email}`);
      print(`  Initial password: ${password}`);
      print(`  TOTP secret:      ${secret}`);
      print(`  otpauth URI:      ${otpauthUri(secret, email)}`);
      return EXIT.ok;
    });
  },
};
