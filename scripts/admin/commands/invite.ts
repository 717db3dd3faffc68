import { type Command, adminName, flag, listOption, plural, print } from "../command.ts";
import { EXIT, UsageError } from "../errors.ts";

export const inviteCommand: Command = {
  name: "invite",
  summary: "Send the bilingual invitation email for applications.",
  synopsis: "--application N [--application N …] | --all-pending",
  description: [
    "Exactly one of:",
    "  --application N  invite these applications (repeat the option, or separate numbers by commas).",
    "                   An invitation still open is replaced: its link stops working.",
    "  --all-pending    invite every application that has no open invitation and has not answered.",
    "An application whose invitation was already answered (accepted, declined, not in Canada) is not invited again.",
    "The emails are written to the outbox as pending; the running portal's scheduled sweep delivers them.",
  ],
  options: { application: { type: "string", multiple: true }, "all-pending": { type: "boolean" } },
  optionHelp: [
    ["--application N", "an application number; repeatable"],
    ["--all-pending", "every application waiting for an invitation"],
  ],
  examples: ["npm run admin -- invite --application E000100001", "npm run admin -- invite --all-pending"],
  positionals: { min: 0, max: 0 },
  async run({ values, platform }) {
    const numbers = [...new Set(listOption(values, "application").map((n) => n.toUpperCase()))];
    const allPending = flag(values, "all-pending");
    if (numbers.length > 0 === allPending)
      throw new UsageError("give either --application N (one or more) or --all-pending, not both and not neither");

    const { findApplicationByNumber } = await import("../../../worker/data/applications.ts");
    const { applicationsToInvite, inviteApplications } = await import("../../../worker/data/invitations.ts");
    const { withPlatform } = await import("../platform.ts");
    return withPlatform(platform, async ({ db, env }) => {
      const failures: string[] = [];
      const candidates = await applicationsToInvite(db, allPending ? {} : { applicationNumbers: numbers });
      if (!allPending) {
        const invitable = new Set(candidates.map((a) => a.applicationNumber));
        for (const number of numbers) {
          if (invitable.has(number)) continue;
          const known = await findApplicationByNumber(db, number);
          failures.push(
            known
              ? `${number}: its invitation was already answered; it is not invited again`
              : `${number}: no such application (import it first)`,
          );
        }
      }
      const { invited } = await inviteApplications(
        db,
        env,
        candidates.map((a) => a.id),
        { kind: "admin", id: adminName() },
      );
      const missing = candidates.filter((a) => !invited.some((i) => i.applicationId === a.id));
      for (const app of missing)
        failures.push(`${app.applicationNumber}: it has no principal applicant on file; not invited`);

      if (invited.length === 0 && failures.length === 0) {
        print("No applications are waiting for an invitation.");
        return EXIT.ok;
      }
      for (const item of invited) print(`Invited: ${item.applicationNumber} → ${item.to}`);
      for (const failure of failures) print(`Not invited: ${failure}`);
      print(
        `${plural(invited.length, "invitation")} written to the outbox (pending until the portal's sweep delivers them; see them with \`npm run admin -- mail\`).`,
      );
      return failures.length > 0 ? EXIT.failed : EXIT.ok;
    });
  },
};
