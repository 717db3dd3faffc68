import { type Command, adminName, flag, print } from "../command.ts";
import { EXIT } from "../errors.ts";

export const maintenanceCommand: Command = {
  name: "maintenance",
  summary: "Run the daily maintenance job now: retention purge, expired records, orphaned files, public figures.",
  synopsis: "[--json]",
  description: [
    "The same job the cron trigger runs every day at 03:17 UTC (worker/maintenance/, decision 009):",
    "  1. purges photos and personal data RETENTION_DAYS_AFTER_CARD_MAILED days after a card was mailed,",
    "     and not before RETENTION_GRACE_DAYS (default 7) after that date was recorded or corrected;",
    "  2. deletes expired or revoked sessions, expired or used reset links, run-out claims, closed throttle windows;",
    "  3. deletes files in R2 that no record points at (older than an hour).",
    "  4. computes the day's public figures for /transparency (last 90 days, cells under 10 people suppressed).",
    "Every part is idempotent: running it again, or while the cron runs, does no harm.",
    "With --json, stdout holds exactly one JSON object: { retention, expired, orphans, publicFigures }.",
  ],
  options: { json: { type: "boolean" } },
  optionHelp: [["--json", "one JSON object on stdout, nothing else"]],
  examples: ["npm run admin -- maintenance", "npm run admin -- maintenance --remote --json"],
  positionals: { min: 0, max: 0 },
  async run({ values, platform }) {
    const { runMaintenance } = await import("../../../worker/maintenance/index.ts");
    const { auditInsert } = await import("../../../worker/data/audit.ts");
    const { withPlatform } = await import("../platform.ts");
    const report = await withPlatform(platform, async ({ db, env }) => {
      const result = await runMaintenance(env);
      await db.batch([
        auditInsert(db, {
          actorKind: "admin",
          actorId: adminName(),
          action: "maintenance.run",
          details: { ...result },
        }),
      ]);
      return result;
    });
    if (flag(values, "json")) {
      print(JSON.stringify(report));
      return EXIT.ok;
    }
    print(
      `Retention purge: ${report.retention.persons} person(s), ${report.retention.accounts} account(s), ${report.retention.objects} file(s)`,
    );
    print(
      `Expired records deleted: ${report.expired.sessions} session(s), ${report.expired.resetTokens} reset link(s), ${report.expired.claims} claim(s), ${report.expired.rateLimits} throttle window(s)`,
    );
    print(`Orphaned files: ${report.orphans.deleted} deleted of ${report.orphans.listed} listed`);
    return EXIT.ok;
  },
};
