import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Command, adminName, print } from "../command.ts";
import { readCsv } from "../csv-read.ts";
import { CommandFailure, EXIT } from "../errors.ts";

export const cardsMailedCommand: Command = {
  name: "cards mailed",
  summary: "Record the cards the producer mailed (CSV: uci,mailed_on); each person is emailed.",
  synopsis: "<file.csv>",
  description: [
    "The file has a header row with the columns uci and mailed_on (YYYY-MM-DD): not after today, not",
    "before the person's photo was accepted, not before the card's recorded production date.",
    "Bad rows are reported by line and reason; good rows are recorded. Recording the same row again",
    "changes nothing. A mailed date already recorded is not replaced: a different one is reported,",
    "and only a supervisor can correct it (decision page). Each person gets the bilingual",
    '"card mailed" email once.',
  ],
  options: {},
  optionHelp: [],
  examples: ["npm run admin -- cards mailed ./mailed-2026-11-30.csv"],
  positionals: { min: 1, max: 1 },
  async run({ positionals, platform }) {
    const file = path.resolve(positionals[0]!);
    const [header, ...records] = readCsv(await readFile(file, "utf8"));
    const names = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
    if (!names.includes("uci") || !names.includes("mailed_on"))
      throw new CommandFailure("the header row must name the columns uci and mailed_on");
    const column = (fields: string[], name: string) => fields[names.indexOf(name)] ?? "";
    const { personByUci } = await import("../../../worker/data/cards-export.ts");
    const { recordCard } = await import("../../../worker/data/photo-decisions.ts");
    const { cardDateReason } = await import("../../../worker/data/card-dates.ts");
    const { isValidIsoDate, normalizeUci } = await import("../../../shared/people/import-records.ts");
    const { withPlatform } = await import("../platform.ts");
    const today = new Date().toISOString().slice(0, 10);
    const problems: string[] = [];
    let recorded = 0;
    await withPlatform(platform, async ({ db, env }) => {
      for (const record of records) {
        if (record.error) {
          problems.push(`line ${record.line}: ${record.error}`);
          continue;
        }
        const uci = normalizeUci(column(record.fields, "uci"));
        const mailedOn = column(record.fields, "mailed_on").trim();
        if (!uci) problems.push(`line ${record.line}: uci "${column(record.fields, "uci")}" is not 8 or 10 digits`);
        else if (!isValidIsoDate(mailedOn) || mailedOn > today)
          problems.push(`line ${record.line}: mailed_on "${mailedOn}" is not a past date in YYYY-MM-DD form`);
        else {
          const person = await personByUci(db, uci);
          if (!person) problems.push(`line ${record.line}: no person with UCI ${uci}`);
          else {
            // The same rule as the officers' page (worker/data/card-dates.ts).
            const result = await recordCard(db, env, {
              personId: person.id,
              actor: { kind: "admin", id: adminName() },
              mailedOn,
            });
            if (result.ok) recorded++;
            else problems.push(...result.problems.map((p) => `line ${record.line}: ${cardDateReason(p, mailedOn)}`));
          }
        }
      }
    });
    for (const problem of problems) print(problem);
    print(`Recorded: ${recorded}. Rejected rows: ${problems.length}.`);
    return problems.length ? EXIT.failed : EXIT.ok;
  },
};
