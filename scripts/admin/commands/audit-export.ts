import { writeFile } from "node:fs/promises";
import path from "node:path";
import { EXIT } from "../errors.ts";
import { type Command, adminName, print, stringOption } from "../command.ts";

export const auditExportCommand: Command = {
  name: "audit export",
  summary: "Write the audit log as JSON lines (one entry per line, oldest first).",
  synopsis: "[--out FILE] [--from YYYY-MM-DD] [--to YYYY-MM-DD]",
  description: ["Without --out, the lines go to stdout. The export itself is recorded in the audit log."],
  options: { out: { type: "string" }, from: { type: "string" }, to: { type: "string" } },
  optionHelp: [
    ["--out FILE", "write to this file instead of stdout"],
    ["--from D", "entries on or after this date"],
    ["--to D", "entries on or before this date"],
  ],
  examples: ["npm run admin -- audit export --out audit-2026-11.jsonl --from 2026-11-01 --to 2026-11-30"],
  positionals: { min: 0, max: 0 },
  async run({ values, platform }) {
    const out = stringOption(values, "out");
    const { auditLogPages } = await import("../../../worker/data/audit-read.ts");
    const { auditInsert } = await import("../../../worker/data/audit.ts");
    const { withPlatform } = await import("../platform.ts");
    const lines = await withPlatform(platform, async ({ db }) => {
      const from = stringOption(values, "from");
      const to = stringOption(values, "to");
      const lines: string[] = [];
      for await (const page of auditLogPages(db, { ...(from ? { from } : {}), ...(to ? { to } : {}) })) {
        for (const { detailsJson: _raw, ...entry } of page) lines.push(JSON.stringify(entry));
      }
      await db.batch([
        auditInsert(db, {
          actorKind: "admin",
          actorId: adminName(),
          action: "audit.export",
          details: { from, to, entries: lines.length },
        }),
      ]);
      return lines;
    });
    if (out) {
      await writeFile(path.resolve(out), lines.join("\n") + (lines.length ? "\n" : ""));
      print(`Wrote ${lines.length} audit entries to ${path.resolve(out)}.`);
    } else for (const line of lines) print(line);
    return EXIT.ok;
  },
};
