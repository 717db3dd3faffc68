import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { csvField, csvLine } from "../../scripts/admin/csv-write.ts";
import { insertAcceptedSubmission } from "./accepted-submission.ts";
import { inspect, runAdmin, temporaryState } from "./support.ts";

const HYPERLINK = '=HYPERLINK("http://x","x")';

describe("CSV formula injection", () => {
  it("every field a spreadsheet would read as a formula is prefixed with ' and quoted", () => {
    for (const [field, written] of [
      ["=1+1", `"'=1+1"`],
      [HYPERLINK, `"'=HYPERLINK(""http://x"",""x"")"`],
      ["+1 613 555 0100", `"'+1 613 555 0100"`],
      ["-2+3", `"'-2+3"`],
      ["@SUM(A1)", `"'@SUM(A1)"`],
      ["\t=1+1", `"'\t=1+1"`],
      ["\r=1+1", `"'\r=1+1"`],
      ["  =1+1", `"'  =1+1"`],
    ] as const) {
      assert.equal(csvField(field), written, JSON.stringify(field));
    }
    // Ordinary fields are unchanged, quoted only where RFC 4180 (or a ";"-splitting spreadsheet) needs it.
    assert.equal(
      csvLine(["Saint-Jean-sur-Richelieu", "4-B", 111, null, "Wellington Street, West", "a;=1+1", 'say "hi"']),
      'Saint-Jean-sur-Richelieu,4-B,111,,"Wellington Street, West","a;=1+1","say ""hi"""',
    );
  });

  describe("cards export with addresses stored before the input rule existed", () => {
    let state: Awaited<ReturnType<typeof temporaryState>>;
    before(async () => {
      state = await temporaryState();
      assert.equal((await runAdmin(["seed-demo", "--state", state.dir])).code, 0);
      // Accepted photos with hostile addresses, written straight into D1 as an older portal could have stored them.
      await inspect(state.dir, async (platform) => {
        const { addresses } = await import("../../schema/index.ts");
        // The family's one account (the principal's) acts for both persons.
        const hostile = [
          {
            uci: "1100000001",
            address: {
              unit: "@SUM(1)",
              streetNumber: "111",
              streetName: "=1+1",
              city: "Ottawa",
              province: "ON",
              postalCode: "K1A 0A9",
            },
          },
          {
            uci: "1100000002",
            address: {
              unit: "\t=2",
              streetNumber: "-5",
              streetName: HYPERLINK,
              city: "+Ottawa",
              province: "ON",
              postalCode: "K1A 0A9",
            },
          },
        ];
        for (const [i, { uci, address }] of hostile.entries()) {
          const { person } = await insertAcceptedSubmission(platform, {
            uci,
            reference: `PRC-TEST-000${i}`,
            address,
            decidedAt: `2026-11-21T10:00:0${i}.000Z`,
            accountHolderUci: "1100000001",
          });
          // The export prints the person's latest address row (decision 024).
          await platform.db
            .insert(addresses)
            .values({ personId: person.id, ...address, updatedAt: "2026-11-20T10:00:00.000Z" });
        }
      });
    });
    after(() => state.remove());

    it("cards.csv holds the hostile fields as text: each starts with ' and is quoted, the stored value follows unchanged", async () => {
      const out = path.join(state.dir, "batch");
      const result = await runAdmin(["cards", "export", "--out", out, "--state", state.dir]);
      assert.equal(result.code, 0, result.stderr);
      const text = await readFile(path.join(out, "cards.csv"), "utf8");
      // Read back as a spreadsheet import would: csv-parse, nothing of ours.
      const [header, ...rows] = parse(text, { bom: true });
      const column = (name: string) => header!.indexOf(name);
      assert.equal(rows.length, 2);
      const [first, second] = rows;
      assert.equal(first![column("street_name")], "'=1+1");
      assert.equal(first![column("unit")], "'@SUM(1)");
      assert.equal(second![column("street_name")], `'${HYPERLINK}`);
      assert.equal(second![column("unit")], "'\t=2");
      assert.equal(second![column("street_number")], "'-5");
      assert.equal(second![column("city")], "'+Ottawa");
      // No cell of the file starts a formula, quoted or not.
      for (const record of rows)
        for (const field of record) assert.doesNotMatch(field, /^[=+\-@\t\r]/, JSON.stringify(field));
      assert.ok(text.includes(`"'=HYPERLINK(""http://x"",""x"")"`));
      assert.ok(!/(^|,)=/m.test(text));
    });
  });
});
