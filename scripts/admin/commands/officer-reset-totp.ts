import { type Command, adminName, print, requiredOption } from "../command.ts";
import { EXIT } from "../errors.ts";
import { printEnrolment } from "../officer-credentials.ts";
import { NOT_FOUND, officerOr } from "./officer-lookup.ts";

export const officerResetTotpCommand: Command = {
  name: "officer reset-totp",
  summary: "Give an officer a new TOTP authenticator enrolment; their sessions end now.",
  synopsis: "--email E",
  description: [
    "For a lost or replaced phone, or an authenticator secret that may be known to someone else. A new",
    "secret replaces the old one (the old authenticator entry stops working); the enrolment (secret,",
    "otpauth:// URI and a QR code) is printed once. The lock is cleared and every session of the",
    "officer ends at once. The password is unchanged. Audited (officer.reset_totp).",
  ],
  options: { email: { type: "string" } },
  optionHelp: [["--email E", "the officer's email"]],
  examples: ["npm run admin -- officer reset-totp --email jane.doe@cic.gc.ca"],
  positionals: { min: 0, max: 0 },
  async run({ values, platform }) {
    const email = requiredOption(values, "email").toLowerCase();
    const { resetOfficerTotp } = await import("../../../worker/data/officer-admin.ts");
    const { generateTotpSecret, otpauthUri } = await import("../../../worker/lib/officer-totp.ts");
    const { withPlatform } = await import("../platform.ts");
    return withPlatform(platform, async ({ db }) => {
      const officer = await officerOr(db, email);
      if (!officer) return NOT_FOUND;
      const secret = generateTotpSecret();
      await resetOfficerTotp(db, officer, secret, { kind: "admin", id: adminName() });
      print(`New authenticator for ${officer.name} <${officer.email}>; their sessions were ended.`);
      await printEnrolment(officer.email, secret, otpauthUri(secret, officer.email));
      return EXIT.ok;
    });
  },
};
