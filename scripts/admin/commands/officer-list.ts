import { type Command, adminName, flag, print } from "../command.ts";
import { EXIT } from "../errors.ts";

export const officerListCommand: Command = {
  name: "officer list",
  summary: "List the officer accounts and their state (no secrets).",
  synopsis: "[--json]",
  description: [
    "One line per officer: email, name, role and state (active, disabled, locked until …, initial",
    "password not yet changed). No password hash or TOTP secret is shown. Audited (officer.list).",
  ],
  options: { json: { type: "boolean" } },
  optionHelp: [["--json", "one JSON array on stdout"]],
  examples: ["npm run admin -- officer list", "npm run admin -- officer list --json"],
  positionals: { min: 0, max: 0 },
  async run({ values, platform }) {
    const { listOfficers } = await import("../../../worker/data/officer-admin.ts");
    const { withPlatform } = await import("../platform.ts");
    return withPlatform(platform, async ({ db }) => {
      const rows = await listOfficers(db, { kind: "admin", id: adminName() });
      const now = new Date().toISOString();
      const listed = rows.map((o) => ({
        email: o.email,
        name: o.name,
        role: o.role,
        state: o.disabledAt
          ? "disabled"
          : o.lockedUntil && o.lockedUntil > now
            ? `locked until ${o.lockedUntil}`
            : o.mustChangePassword === 1
              ? "initial password not changed"
              : "active",
        createdAt: o.createdAt,
      }));
      if (flag(values, "json")) {
        print(JSON.stringify(listed));
        return EXIT.ok;
      }
      if (listed.length === 0) print("No officers yet: npm run admin -- officer create");
      for (const o of listed) print(`${o.email}  ${o.name}  ${o.role}  ${o.state}`);
      return EXIT.ok;
    });
  },
};
