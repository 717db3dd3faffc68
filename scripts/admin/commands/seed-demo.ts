import { type Command, adminName } from "../command.ts";
import { DEMO } from "../demo-credentials.ts";
import { EXIT } from "../errors.ts";

export const seedDemoCommand: Command = {
  name: "seed-demo",
  summary: "Load demo data into the local database (for npm start). Idempotent.",
  synopsis: "",
  description: [
    "Imports scripts/admin/samples/approved-applications.csv, then:",
    `  ${DEMO.familyApplication} (a family of three): invited and accepted; one account, ${DEMO.username}, acts for all`,
    `      three and has the demo password "${DEMO.password}".`,
    `  ${DEMO.singleApplication} (a single applicant): invited; the invitation is not answered (its link is in the outbox).`,
    `  Officer ${DEMO.officer.email} with a fixed demo password and TOTP secret.`,
    "Running it again changes nothing. Local state only: it refuses --remote.",
  ],
  options: {},
  optionHelp: [],
  examples: ["npm run admin -- seed-demo", "npm run admin -- seed-demo --state /tmp/demo-state"],
  positionals: { min: 0, max: 0 },
  allowsRemote: false,
  async run({ platform }) {
    const { seedDemo } = await import("../demo-seed.ts");
    const { withPlatform } = await import("../platform.ts");
    return withPlatform(platform, async ({ db, env }) => {
      await seedDemo(db, env, adminName());
      return EXIT.ok;
    });
  },
};
