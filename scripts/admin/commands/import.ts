import path from "node:path";
import { type Command, adminName, plural, print } from "../command.ts";
import { EXIT } from "../errors.ts";

export const importCommand: Command = {
  name: "import",
  summary: "Import approved applications from a CSV or JSON file.",
  synopsis: "<file.csv|file.json>",
  description: [
    "CSV: a header row with the columns",
    "  application_number,uci,role,given_names,family_name,date_of_birth,email,language",
    "then one row per person (RFC 4180: fields with commas, quotes or line breaks are quoted;",
    "UTF-8, with or without BOM). Bad rows are reported by the file's line; good rows are kept.",
    'JSON: an array of objects with those keys; bad items are reported as "item N".',
    "Re-importing a file changes nothing: rows already on file are counted as unchanged.",
  ],
  options: {},
  optionHelp: [],
  examples: [
    "npm run admin -- import scripts/admin/samples/approved-applications.csv",
    "npm run admin -- import approved.json --remote",
  ],
  positionals: { min: 1, max: 1, name: "file" },
  async run({ positionals, platform }) {
    const { importParsedFile, positionLabel, readImportFile } = await import("../import-file.ts");
    const { note, withPlatform } = await import("../platform.ts");
    const file = path.resolve(positionals[0]!);
    // The whole file is read and parsed before wrangler starts: a file that
    // cannot be imported at all is refused at once.
    const parsed = await readImportFile(file);
    const result = await withPlatform(platform, ({ db }) =>
      importParsedFile(db, parsed, path.basename(file), adminName()),
    );
    for (const warning of result.warnings) note(`warning: ${warning}`);
    for (const problem of result.problems)
      print(`${positionLabel(result.format, problem.line)}: ${problem.reasons.join("; ")}`);
    print(
      `Imported: ${plural(result.applicationsCreated, "application")}, ${plural(result.personsCreated, "person")}. ` +
        `Unchanged: ${result.unchanged}. Rejected rows: ${result.problems.length}.`,
    );
    return result.problems.length > 0 ? EXIT.failed : EXIT.ok;
  },
};
