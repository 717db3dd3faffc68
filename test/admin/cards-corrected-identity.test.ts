import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { insertAcceptedSubmission } from "./accepted-submission.ts";
import { inspect, runAdmin, temporaryState, writeTemporaryFile } from "./support.ts";

// The card is made from the identity in force (decision 027): after an accepted e-CoPR correction,
// `cards export` writes the corrected names, date of birth and UCI (the photo's file named by it),
// and `cards mailed` finds the person by the UCI the export wrote.

describe("admin cards export after an accepted e-CoPR correction", () => {
  let state: Awaited<ReturnType<typeof temporaryState>>;
  before(async () => {
    state = await temporaryState();
    assert.equal((await runAdmin(["seed-demo", "--state", state.dir])).code, 0);
    await inspect(state.dir, async (platform) => {
      const { db, env } = platform;
      const schema = await import("../../schema/index.ts");
      const { recordCorrectionAcceptance, recordCorrectionRequest } = await import("../../worker/data/corrections.ts");
      const { reviewDecisions, addresses } = schema;
      // An accepted photo and an e-CoPR, as the officers' decisions leave them (those routes are tested in workerd).
      const address = { streetNumber: "111", streetName: "Wellington Street", city: "Ottawa", province: "ON" };
      const { person, account, officer, submission } = await insertAcceptedSubmission(platform, {
        uci: "1100000001",
        reference: "PRC-TEST-0002",
        address: { ...address, unit: "", postalCode: "K1A 0A9" },
      });
      await db.insert(reviewDecisions).values({
        submissionId: submission.id,
        officerId: officer.id,
        decision: "pr_confirmed",
        decidedAt: "2026-11-21T11:00:00.000Z",
      });
      await db
        .insert(addresses)
        .values({ personId: person.id, ...address, postalCode: "K1A 0A9", updatedAt: "2026-11-20T09:00:00.000Z" });
      const [ecopr] = await db
        .insert(schema.documents)
        .values({
          personId: person.id,
          kind: "ecopr",
          objectKey: "documents/test/first.pdf",
          verificationCode: "TEST-AAAA-BBBB-CCCC",
          issuedByOfficerId: officer.id,
          issuedAt: "2026-11-21T11:00:00.000Z",
        })
        .returning();
      // Three accepted corrections, each through the portal's own D1 steps (the triggers check each).
      let identity = {
        uci: person.uci,
        givenNames: person.givenNames,
        familyName: person.familyName,
        dateOfBirth: person.dateOfBirth,
      };
      let replaced = ecopr!.id;
      for (const [field, value, key] of [
        ["given_names", "Amarachi", "givenNames"],
        ["date_of_birth", "1988-04-21", "dateOfBirth"],
        ["uci", "1100000091", "uci"],
      ] as const) {
        const requested = await recordCorrectionRequest(db, env, {
          personId: person.id,
          documentId: replaced,
          field,
          correctValue: value,
          evidence: null,
          accountId: account.id,
          requestedAt: "2026-11-22T10:00:00.000Z",
          emails: [],
        });
        assert.ok(requested.ok);
        identity = { ...identity, [key]: value };
        const accepted = await recordCorrectionAcceptance(db, env, {
          correctionId: requested.row.id,
          personId: person.id,
          officerId: officer.id,
          decidedAt: "2026-11-22T11:00:00.000Z",
          identity,
          objectKey: `documents/test/${field}.pdf`,
          verificationCode: `TEST-${field.length}AAA-BBBB-CCCC`,
          replacedDocumentId: replaced,
          emails: [],
        });
        assert.ok(accepted.ok && accepted.documentId);
        replaced = accepted.documentId;
      }
    });
  });
  after(() => state.remove());

  it("cards export writes the corrected identity, and cards mailed finds the person by the corrected UCI", async () => {
    const out = path.join(state.dir, "batch");
    const result = await runAdmin(["cards", "export", "--out", out, "--state", state.dir]);
    assert.equal(result.code, 0, result.stderr);
    const csv = (await readFile(path.join(out, "cards.csv"), "utf8")).trim().split("\n");
    assert.equal(csv.length, 2);
    assert.match(csv[1]!, /^1100000091,Amarachi,Okafor,1988-04-21,E000100001,/);
    assert.ok(csv[1]!.includes(",photos/1100000091.jpg,"), csv[1]);
    assert.deepEqual(await readdir(path.join(out, "photos")), ["1100000091.jpg"]);

    const file = await writeTemporaryFile(state.dir, "mailed.csv", "uci,mailed_on\n1100000091,2026-11-24\n");
    const mailed = await runAdmin(["cards", "mailed", file, "--state", state.dir]);
    assert.equal(mailed.code, 0, mailed.stdout + mailed.stderr);
    assert.match(mailed.stdout, /Recorded: 1\./);
  });
});
