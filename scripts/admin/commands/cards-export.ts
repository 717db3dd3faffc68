import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { EXIT } from "../errors.ts";
import { type Command, adminName, print, requiredOption } from "../command.ts";
import { csvLine } from "../csv-write.ts";

const CARD_EXPORT_COLUMNS = [
  "uci",
  "given_names",
  "family_name",
  "date_of_birth",
  "application_number",
  "unit",
  "street_number",
  "street_name",
  "city",
  "province",
  "postal_code",
  "photo_file",
  "photo_accepted_at",
] as const;

export const cardsExportCommand: Command = {
  name: "cards export",
  summary: "Write the card-production batch: a CSV of accepted persons with their mailing addresses, and their photos.",
  synopsis: "--out DIR",
  description: [
    "Every person whose photo was accepted and whose card is not mailed yet: DIR/cards.csv (one row each, the",
    "latest mailing address, a change made after submitting included) and DIR/photos/<uci>.jpg|png (the",
    "accepted photo from R2, as stored: metadata-free). Being in a batch starts the card's production: from",
    "then on the person can no longer change the mailing address in the portal. The export is recorded in the",
    "audit log.",
  ],
  options: { out: { type: "string" } },
  optionHelp: [["--out DIR", "folder to write (created if missing)"]],
  examples: ["npm run admin -- cards export --out ./card-batch-2026-11-23"],
  positionals: { min: 0, max: 0 },
  async run({ values, platform }) {
    const out = path.resolve(requiredOption(values, "out"));
    const { cardsToProduce } = await import("../../../worker/data/cards-export.ts");
    const { auditInsert } = await import("../../../worker/data/audit.ts");
    const { withPlatform } = await import("../platform.ts");
    const exported = await withPlatform(platform, async ({ db, env }) => {
      const rows = await cardsToProduce(db);
      await mkdir(path.join(out, "photos"), { recursive: true });
      const lines = [csvLine([...CARD_EXPORT_COLUMNS])];
      for (const row of rows) {
        const photoFile = `photos/${row.uci}.${row.photoFormat === "png" ? "png" : "jpg"}`;
        const object = await env.FILES.get(row.photoKey);
        if (!object) throw new Error(`photo ${row.photoKey} of UCI ${row.uci} is missing from R2`);
        await writeFile(path.join(out, photoFile), new Uint8Array(await object.arrayBuffer()));
        const a = row.address;
        lines.push(
          csvLine([
            row.uci,
            row.givenNames,
            row.familyName,
            row.dateOfBirth,
            row.applicationNumber,
            a.unit,
            a.streetNumber,
            a.streetName,
            a.city,
            a.province,
            a.postalCode,
            photoFile,
            row.acceptedAt,
          ]),
        );
      }
      await writeFile(path.join(out, "cards.csv"), `${lines.join("\n")}\n`);
      await db.batch([
        auditInsert(db, {
          actorKind: "admin",
          actorId: adminName(),
          action: "cards.export",
          subjectKind: "folder",
          subjectId: out,
          details: { persons: rows.length },
        }),
      ]);
      return rows.length;
    });
    print(`Exported ${exported} ${exported === 1 ? "person" : "persons"} to ${out} (cards.csv and photos/).`);
    return EXIT.ok;
  },
};
