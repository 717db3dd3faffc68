import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { PHOTO_BYTES, insertAcceptedSubmission } from "./accepted-submission.ts";
import { inspect, mailJson, runAdmin, temporaryState, writeTemporaryFile } from "./support.ts";

describe("admin cards export, cards mailed and audit export", () => {
  let state: Awaited<ReturnType<typeof temporaryState>>;
  before(async () => {
    state = await temporaryState();
    assert.equal((await runAdmin(["seed-demo", "--state", state.dir])).code, 0);
    // An accepted photo for Amara, as an officer's decision leaves it (the review routes are tested in workerd).
    await inspect(state.dir, async (platform) => {
      const { addresses } = await import("../../schema/index.ts");
      const address = {
        unit: "4",
        streetNumber: "111",
        streetName: "Wellington Street, West",
        city: "Ottawa",
        province: "ON",
        postalCode: "K1A 0A9",
      };
      const { person } = await insertAcceptedSubmission(platform, {
        uci: "1100000001",
        reference: "PRC-TEST-0001",
        address,
      });
      // The address as submitted, then a change after submitting (decision 024): the export takes the latest.
      await platform.db.insert(addresses).values([
        { personId: person.id, ...address, streetName: "Old Road", updatedAt: "2026-11-19T10:00:00.000Z" },
        { personId: person.id, ...address, updatedAt: "2026-11-22T10:00:00.000Z" },
      ]);
    });
  });
  after(() => state.remove());

  it("cards export writes the CSV (quoted where needed) and the photos, and is audited", async () => {
    const out = path.join(state.dir, "batch");
    const result = await runAdmin(["cards", "export", "--out", out, "--state", state.dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Exported 1 person/);
    const csv = (await readFile(path.join(out, "cards.csv"), "utf8")).trim().split("\n");
    assert.equal(
      csv[0],
      "uci,given_names,family_name,date_of_birth,application_number,unit,street_number,street_name,city,province,postal_code,photo_file,photo_accepted_at",
    );
    assert.equal(
      csv[1],
      '1100000001,Amara,Okafor,1988-04-12,E000100001,4,111,"Wellington Street, West",Ottawa,ON,K1A 0A9,photos/1100000001.jpg,2026-11-21T10:00:00.000Z',
    );
    assert.deepEqual(await readdir(path.join(out, "photos")), ["1100000001.jpg"]);
    assert.deepEqual(new Uint8Array(await readFile(path.join(out, "photos", "1100000001.jpg"))), PHOTO_BYTES);
  });

  it("cards export starts the card's production: the address can no longer change", async () => {
    await inspect(state.dir, async ({ db, env }) => {
      const { cards, persons } = await import("../../schema/index.ts");
      const { eq } = await import("drizzle-orm");
      const person = (await db.select().from(persons).where(eq(persons.uci, "1100000001")).get())!;
      const card = (await db.select().from(cards).where(eq(cards.personId, person.id)).get())!;
      assert.match(card.productionStartedAt ?? "", /^\d{4}-\d{2}-\d{2}T/);
      await assert.rejects(
        env.DB.prepare(
          "insert into addresses (person_id, street_number, street_name, city, province, postal_code, updated_at) values (?, '1', 'New Street', 'Ottawa', 'ON', 'K1A 0B1', '2026-11-23')",
        )
          .bind(person.id)
          .run(),
        /card_production_started/,
      );
    });
  });

  it("cards mailed records good rows, reports bad ones by line (the card-date rule included), emails the person", async () => {
    const rows = [
      "uci,mailed_on",
      "1100000001,2026-11-20", // before the photo was accepted (2026-11-21)
      "1100-0000-01,2026-11-22",
      "12,2026-11-22",
      "1100000002,2999-01-01",
      "99999999,2026-11-22",
      "1100000001,2026-11-23", // a different date than the one just recorded
      "1100000002,2026-11-22", // no accepted photo
    ];
    const file = await writeTemporaryFile(state.dir, "mailed.csv", `${rows.join("\n")}\n`);
    const result = await runAdmin(["cards", "mailed", file, "--state", state.dir]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /line 2: mailed_on 2026-11-20 is before the photo was accepted \(2026-11-21\)/);
    assert.match(result.stdout, /line 4: uci "12" is not 8 or 10 digits/);
    assert.match(result.stdout, /line 5: mailed_on "2999-01-01"/);
    assert.match(result.stdout, /line 6: no person with UCI 99999999/);
    assert.match(
      result.stdout,
      /line 7: mailed_on 2026-11-23 differs from the mailed date already recorded \(2026-11-22\); only a supervisor can correct it/,
    );
    assert.match(result.stdout, /line 8: the person's photo is not accepted yet/);
    assert.match(result.stdout, /Recorded: 1\. Rejected rows: 6\./);
    const mailed = (await mailJson(state.dir, "--to", "amara.okafor@demo.test")).find((m) => m.kind === "card_mailed");
    assert.ok(mailed);
    assert.match(mailed.text, /2026-11-22/);
    // A mailed card leaves the next export.
    const again = await runAdmin(["cards", "export", "--out", path.join(state.dir, "batch2"), "--state", state.dir]);
    assert.match(again.stdout, /Exported 0 persons/);
  });

  it("audit export writes JSON lines, oldest first, including the exports themselves", async () => {
    const out = path.join(state.dir, "audit.jsonl");
    const result = await runAdmin(["audit", "export", "--out", out, "--state", state.dir]);
    assert.equal(result.code, 0, result.stderr);
    const entries = (await readFile(out, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { id: number; action: string; actorKind: string });
    assert.ok(entries.length > 3);
    assert.deepEqual(
      entries.map((e) => e.id),
      [...entries.map((e) => e.id)].sort((a, b) => a - b),
    );
    const actions = entries.map((e) => e.action);
    for (const action of ["applications.import", "cards.export", "card.recorded"])
      assert.ok(actions.includes(action), action);
  });
});
