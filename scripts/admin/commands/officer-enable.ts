import { type Command, adminName, print, requiredOption } from "../command.ts";
import { EXIT } from "../errors.ts";
import { NOT_FOUND, officerOr } from "./officer-lookup.ts";

export const officerEnableCommand: Command = {
  name: "officer enable",
  summary: "Enable a disabled officer account again (also clears a lock).",
  synopsis: "--email E",
  description: [
    "Lets the officer sign in again with their password and authenticator, and clears a sign-in",
    "lock. Audited (officer.enable).",
  ],
  options: { email: { type: "string" } },
  optionHelp: [["--email E", "the officer's email"]],
  examples: ["npm run admin -- officer enable --email jane.doe@cic.gc.ca"],
  positionals: { min: 0, max: 0 },
  async run({ values, platform }) {
    const email = requiredOption(values, "email").toLowerCase();
    const { enableOfficer } = await import("../../../worker/data/officer-admin.ts");
    const { withPlatform } = await import("../platform.ts");
    return withPlatform(platform, async ({ db }) => {
      const officer = await officerOr(db, email);
      if (!officer) return NOT_FOUND;
      await enableOfficer(db, officer, { kind: "admin", id: adminName() });
      print(`Enabled ${officer.name} <${officer.email}>.`);
      return EXIT.ok;
    });
  },
};
