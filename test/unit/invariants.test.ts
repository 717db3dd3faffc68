import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { acceptedFamily } from "../support/factories.ts";

/** A person of an accepted family with a declaration, an address and a draft photo: ready to submit. */
async function submittablePerson() {
  const family = await acceptedFamily();
  const person = family.persons[0]!;
  const account = (await env.DB.prepare("select id from accounts where person_id = ?")
    .bind(person.id)
    .first<{ id: number }>())!;
  const now = new Date().toISOString();
  await env.DB.batch([
    env.DB.prepare(
      "insert into presence_declarations (person_id, declared_by_account_id, declared_by_person_id, statement_version, declared_on) values (?, ?, ?, 'v1', ?)",
    ).bind(person.id, account.id, person.id, now.slice(0, 10)),
    env.DB.prepare(
      "insert into addresses (person_id, street_number, street_name, city, province, postal_code, updated_at) values (?, '1', 'Main St', 'Ottawa', 'ON', 'K1A 0B1', ?)",
    ).bind(person.id, now),
    env.DB.prepare(
      "insert into photos (person_id, object_key, sha256, format, width, height, byte_size, checks_json, verdict, state) values (?, ?, 'x', 'jpeg', 715, 1000, 1, '[]', 'pass', 'draft')",
    ).bind(person.id, `photos/test-${person.id}`),
  ]);
  const ids = (await env.DB.prepare(
    "select (select id from photos where person_id = ?1) as photo, (select id from presence_declarations where person_id = ?1) as declaration",
  )
    .bind(person.id)
    .first<{ photo: number; declaration: number }>())!;
  return { family, person, account, ids, now };
}

/** Submits as submitDocuments does: the photo marked submitted and the frozen snapshot, in one batch. */
async function submit(
  personId: number,
  accountId: number,
  ids: { photo: number; declaration: number },
  now: string,
  addressJson = '{"city":"Ottawa"}',
) {
  await env.DB.batch([
    env.DB.prepare("update photos set state = 'submitted' where id = ?").bind(ids.photo),
    env.DB.prepare(
      "insert into submissions (person_id, reference, kind, photo_id, declaration_id, address_json, submitted_by_account_id, submitted_at) values (?, ?, 'initial', ?, ?, ?, ?, ?)",
    ).bind(personId, `REF-${personId}`, ids.photo, ids.declaration, addressJson, accountId, now),
  ]);
}

/** A submitted person, for the identity, e-CoPR and card invariants. */
async function submittedPerson() {
  const ready = await submittablePerson();
  await submit(ready.person.id, ready.account.id, ready.ids, ready.now);
  return ready;
}

async function officerRow(role: "officer" | "supervisor") {
  const email = `inv-${role}-${crypto.randomUUID()}@cic.gc.ca`;
  await env.DB.prepare(
    "insert into officers (email, name, role, password_hash, totp_secret) values (?, 'Invariant Test', ?, 'x', 'x')",
  )
    .bind(email, role)
    .run();
  return (await env.DB.prepare("select id from officers where email = ?").bind(email).first<{ id: number }>())!.id;
}

/** The purge's update of a person, as worker/maintenance/retention.ts writes it; `change` bends one value. */
function purgeUpdate(
  personId: number,
  change: Partial<
    Record<"given_names" | "family_name" | "search_key" | "date_of_birth" | "email" | "uci", string>
  > = {},
) {
  const values = {
    given_names: "A",
    family_name: "B",
    search_key: "",
    date_of_birth: "",
    email: "",
    uci: `purged-${personId}`,
    ...change,
  };
  return env.DB.prepare(
    "update persons set purged_at = ?, given_names = ?, family_name = ?, search_key = ?, date_of_birth = ?, email = ?, uci = ? where id = ?",
  ).bind(
    new Date().toISOString(),
    values.given_names,
    values.family_name,
    values.search_key,
    values.date_of_birth,
    values.email,
    values.uci,
    personId,
  );
}

const mailCard = (personId: number, mailedOn = "2026-01-10") =>
  env.DB.prepare(
    "insert into cards (person_id, produced_at, mailed_at, mailed_recorded_at, updated_at) values (?, ?, ?, ?, ?)",
  )
    .bind(personId, mailedOn, mailedOn, new Date().toISOString(), new Date().toISOString())
    .run();

const correctionAudit = (officerId: number, personId: number, details: Record<string, string>) =>
  env.DB.prepare(
    "insert into audit_log (actor_kind, actor_id, action, subject_kind, subject_id, details_json) values ('officer', ?, 'card.mailed_corrected', 'person', ?, ?)",
  ).bind(String(officerId), String(personId), JSON.stringify(details));

// These invariants live in the database (migrations/0001_invariants.sql, 0005, 0006), so
// they hold even for code that forgets them: the tests use raw SQL on purpose.
describe("database invariants", () => {
  it("the audit log is append-only", async () => {
    await env.DB.prepare("insert into audit_log (actor_kind, action) values ('system', 'test.append')").run();
    const row = await env.DB.prepare("select id from audit_log order by id desc limit 1").first<{ id: number }>();
    await expect(
      env.DB.prepare("update audit_log set action = 'changed' where id = ?").bind(row!.id).run(),
    ).rejects.toThrow(/audit_append_only/);
    await expect(env.DB.prepare("delete from audit_log where id = ?").bind(row!.id).run()).rejects.toThrow(
      /audit_append_only/,
    );
  });

  it("a submitted submission, its declaration and its address never change", async () => {
    const { person, account, ids, now } = await submittablePerson();
    // Before submit the address can still change.
    await env.DB.prepare("update addresses set city = 'Gatineau' where person_id = ?").bind(person.id).run();
    await submit(person.id, account.id, ids, now);

    await expect(
      env.DB.prepare("update submissions set address_json = '{\"x\":1}' where person_id = ?").bind(person.id).run(),
    ).rejects.toThrow(/submission_immutable/);
    await expect(env.DB.prepare("delete from submissions where person_id = ?").bind(person.id).run()).rejects.toThrow(
      /submission_immutable/,
    );
    await expect(
      env.DB.prepare("update addresses set city = 'Hull' where person_id = ?").bind(person.id).run(),
    ).rejects.toThrow(/submitted_locked/);
    await expect(
      env.DB.prepare("update presence_declarations set declared_on = '2000-01-01' where person_id = ?")
        .bind(person.id)
        .run(),
    ).rejects.toThrow(/submitted_locked/);
    await expect(
      env.DB.prepare("update photos set checks_json = '[1]' where id = ?").bind(ids!.photo).run(),
    ).rejects.toThrow(/submitted_locked/);
    await expect(env.DB.prepare("delete from photos where id = ?").bind(ids!.photo).run()).rejects.toThrow(
      /submitted_locked/,
    );
    // The one change a submitted photo may take: an officer's decision.
    await env.DB.prepare("update photos set state = 'accepted' where id = ?").bind(ids!.photo).run();
    await expect(
      env.DB.prepare("update photos set state = 'draft' where id = ?").bind(ids!.photo).run(),
    ).rejects.toThrow(/submitted_locked/);
  });
  it("an issued e-CoPR's row never changes and is never deleted; a reissue is a new row", async () => {
    const { person } = await submittedPerson();
    const officer = await officerRow("officer");
    const issue = (n: number) =>
      env.DB.prepare(
        "insert into documents (person_id, kind, object_key, verification_code, issued_by_officer_id, issued_at) values (?, 'ecopr', ?, ?, ?, ?)",
      )
        .bind(
          person.id,
          `documents/${person.id}/inv-${n}.pdf`,
          `INV${person.id}-${n}`,
          officer,
          new Date().toISOString(),
        )
        .run();
    await issue(1);
    for (const change of [
      "status = 'revoked'",
      "verification_code = 'AAAA-BBBB-CCCC-DDDD'",
      "object_key = 'documents/elsewhere.pdf'",
      "person_id = person_id + 1",
      "issued_at = '2000-01-01'",
    ]) {
      await expect(
        env.DB.prepare(`update documents set ${change} where person_id = ?`).bind(person.id).run(),
        change,
      ).rejects.toThrow(/document_immutable/);
    }
    await expect(env.DB.prepare("delete from documents where person_id = ?").bind(person.id).run()).rejects.toThrow(
      /document_immutable/,
    );
    await issue(2);
    const rows = await env.DB.prepare("select verification_code, status from documents where person_id = ? order by id")
      .bind(person.id)
      .all();
    expect(rows.results).toEqual([
      { verification_code: `INV${person.id}-1`, status: "valid" },
      { verification_code: `INV${person.id}-2`, status: "valid" },
    ]);
  });

  it("a submitted person's identity never changes by a plain update; only the retention purge's exact shape passes, once", async () => {
    const { person } = await submittedPerson();
    const plain = [
      "given_names = 'Mallory'",
      "family_name = 'Impostor'",
      // The search key is a copy of the names (migration 0010): locked with them.
      "search_key = 'mallory impostor'",
      "search_key = ''",
      "date_of_birth = '1970-01-01'",
      "uci = '9999999999'",
      "role = 'dependant'",
      "application_id = application_id + 1",
      `purged_at = '${new Date().toISOString()}'`,
    ];
    for (const change of plain) {
      await expect(
        env.DB.prepare(`update persons set ${change} where id = ?`).bind(person.id).run(),
        change,
      ).rejects.toThrow(/identity_locked/);
    }
    await expect(env.DB.prepare("delete from persons where id = ?").bind(person.id).run()).rejects.toThrow(
      /identity_locked/,
    );
    // Contact details are not identity.
    await env.DB.prepare("update persons set email = 'new.address@example.com', language = 'fr' where id = ?")
      .bind(person.id)
      .run();
    // Not submitted yet: nothing locked (an import's correction before the person sent anything).
    const notYet = (await submittablePerson()).person;
    await env.DB.prepare("update persons set given_names = 'Renamed' where id = ?").bind(notYet.id).run();

    // The purge's shape, but before any card was mailed: refused.
    await expect(purgeUpdate(person.id).run()).rejects.toThrow(/identity_locked/);
    await mailCard(person.id);
    // Anything but the purge's exact shape: refused.
    for (const bent of [
      { given_names: "Mallory" },
      { family_name: "Im" },
      { search_key: "a b" },
      { date_of_birth: "1970-01-01" },
      { email: "x@example.com" },
      { uci: "9999999999" },
    ]) {
      await expect(purgeUpdate(person.id, bent).run(), JSON.stringify(bent)).rejects.toThrow(/identity_locked/);
    }
    await purgeUpdate(person.id).run();
    expect(
      await env.DB.prepare("select given_names, family_name, search_key, date_of_birth, uci from persons where id = ?")
        .bind(person.id)
        .first(),
    ).toEqual({
      given_names: "A",
      family_name: "B",
      search_key: "",
      date_of_birth: "",
      uci: `purged-${person.id}`,
    });
    // Once purged: not un-purged, not purged again into another shape.
    await expect(
      env.DB.prepare("update persons set purged_at = null where id = ?").bind(person.id).run(),
    ).rejects.toThrow(/identity_locked/);
    await expect(purgeUpdate(person.id, { given_names: "C" }).run()).rejects.toThrow(/identity_locked/);
  });

  it("a submitted address is deleted only in the purge's shape: the person purged and every snapshot of it already emptied", async () => {
    const { person } = await submittedPerson();
    await mailCard(person.id);
    await purgeUpdate(person.id).run();
    // Purged, but a snapshot still holds the address: the row stays.
    await expect(env.DB.prepare("delete from addresses where person_id = ?").bind(person.id).run()).rejects.toThrow(
      /submitted_locked/,
    );
    await env.DB.prepare("update submissions set address_json = '{}' where person_id = ?").bind(person.id).run();
    await env.DB.prepare("delete from addresses where person_id = ?").bind(person.id).run();
    expect(await env.DB.prepare("select id from addresses where person_id = ?").bind(person.id).first()).toBeNull();
  });

  it("a recorded mailed date changes only right after a supervisor's correction audit row naming both dates and a reason", async () => {
    const { person } = await submittedPerson();
    await mailCard(person.id, "2026-01-10");
    const officer = await officerRow("officer");
    const supervisor = await officerRow("supervisor");
    const setMailed = (to: string) =>
      env.DB.prepare("update cards set mailed_at = ?, mailed_recorded_at = ? where person_id = ?").bind(
        to,
        new Date().toISOString(),
        person.id,
      );
    const mailedAt = async () =>
      (await env.DB.prepare("select mailed_at from cards where person_id = ?")
        .bind(person.id)
        .first<{ mailed_at: string }>())!.mailed_at;

    await expect(setMailed("2026-01-12").run()).rejects.toThrow(/card_mailed_locked/);
    // Restarting the grace period is a change too.
    await expect(
      env.DB.prepare("update cards set mailed_recorded_at = '2020-01-01T00:00:00.000Z' where person_id = ?")
        .bind(person.id)
        .run(),
    ).rejects.toThrow(/card_mailed_locked/);
    await expect(env.DB.prepare("delete from cards where person_id = ?").bind(person.id).run()).rejects.toThrow(
      /card_mailed_locked/,
    );
    // Audit rows that do not fit: a plain officer, no reason, other dates, or not the newest row.
    for (const [who, details] of [
      [officer, { from: "2026-01-10", to: "2026-01-12", reason: "typo" }],
      [supervisor, { from: "2026-01-10", to: "2026-01-12", reason: " " }],
      [supervisor, { from: "2026-01-10", to: "2026-01-13", reason: "typo" }],
    ] as const) {
      await expect(
        env.DB.batch([correctionAudit(who, person.id, details), setMailed("2026-01-12")]),
        JSON.stringify(details),
      ).rejects.toThrow(/card_mailed_locked/);
    }
    await correctionAudit(supervisor, person.id, { from: "2026-01-10", to: "2026-01-12", reason: "typo" }).run();
    await env.DB.prepare("insert into audit_log (actor_kind, action) values ('system', 'test.between')").run();
    await expect(setMailed("2026-01-12").run()).rejects.toThrow(/card_mailed_locked/);
    expect(await mailedAt()).toBe("2026-01-10");
    // The correction's own batch: the audit row, then the change.
    await env.DB.batch([
      correctionAudit(supervisor, person.id, { from: "2026-01-10", to: "2026-01-12", reason: "typo" }),
      setMailed("2026-01-12"),
    ]);
    expect(await mailedAt()).toBe("2026-01-12");
    // Other columns of a mailed card still change (the purge empties mailed_to_json).
    await env.DB.prepare("update cards set mailed_to_json = null, produced_at = '2026-01-09' where person_id = ?")
      .bind(person.id)
      .run();
  });
});
