import { type Command, adminName, print, requiredOption } from "../command.ts";
import { EXIT } from "../errors.ts";
import { NOT_FOUND, officerOr } from "./officer-lookup.ts";

export const officerDisableCommand: Command = {
  name: "officer disable",
  summary: "Disable an officer account: no sign-in, every session ended now.",
  synopsis: "--email E",
  description: [
    "Refuses every sign-in of the officer (answered like a wrong password) and ends each of their",
    "sessions at once, in the same batch as the audit row (officer.disable). Nothing else of the",
    "officer changes: `officer enable` lets them sign in again with the same password and authenticator.",
  ],
  options: { email: { type: "string" } },
  optionHelp: [["--email E", "the officer's email"]],
  examples: ["npm run admin -- officer disable --email jane.doe@cic.gc.ca"],
  positionals: { min: 0, max: 0 },
  async run({ values, platform }) {
    const email = requiredOption(values, "email").toLowerCase();
    const { disableOfficer } = await import("../../../worker/data/officer-admin.ts");
    const { withPlatform } = await import("../platform.ts");
    return withPlatform(platform, async ({ db }) => {
      const officer = await officerOr(db, email);
      if (!officer) return NOT_FOUND;
      await disableOfficer(db, officer, { kind: "admin", id: adminName() });
      print(`Disabled ${officer.name} <${officer.email}>; their sessions were ended.`);
      return EXIT.ok;
    });
  },
};
