import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { acceptedFamily } from "../support/factories.ts";

// These invariants live in the database (migrations/0001_invariants.sql), so
// they hold even for code that forgets them: the tests use raw SQL on purpose.
describe("database invariants", () => {
  it("the audit log is append-only", async () => {
    await env.DB.prepare("insert into audit_log (actor_kind, action) values ('system', 'test.append')").run();
    const row = await env.DB.prepare("select id from audit_log order by id desc limit 1").first<{ id: number }>();
    await expect(env.DB.prepare("update audit_log set action = 'changed' where id = ?").bind(row!.id).run()).rejects.toThrow(/audit_append_only/);
    await expect(env.DB.prepare("delete from audit_log where id = ?").bind(row!.id).run()).rejects.toThrow(/audit_append_only/);
  });

  it("a submitted submission, its declaration and its address never change", async () => {
    const family = await acceptedFamily();
    const person = family.persons[0]!;
    const account = await env.DB.prepare("select id from accounts where person_id = ?").bind(person.id).first<{ id: number }>();
    const now = new Date().toISOString();
    await env.DB.batch([
      env.DB.prepare(
        "insert into presence_declarations (person_id, declared_by_account_id, declared_by_person_id, statement_version, declared_on) values (?, ?, ?, 'v1', ?)",
      ).bind(person.id, account!.id, person.id, now.slice(0, 10)),
      env.DB.prepare(
        "insert into addresses (person_id, street_number, street_name, city, province, postal_code, updated_at) values (?, '1', 'Main St', 'Ottawa', 'ON', 'K1A 0B1', ?)",
      ).bind(person.id, now),
      env.DB.prepare(
        "insert into photos (person_id, object_key, sha256, format, width, height, byte_size, checks_json, verdict, state) values (?, ?, 'x', 'jpeg', 715, 1000, 1, '[]', 'pass', 'draft')",
      ).bind(person.id, `photos/test-${person.id}`),
    ]);
    // Before submit the address can still change.
    await env.DB.prepare("update addresses set city = 'Gatineau' where person_id = ?").bind(person.id).run();
    const ids = await env.DB.prepare(
      "select (select id from photos where person_id = ?1) as photo, (select id from presence_declarations where person_id = ?1) as declaration",
    )
      .bind(person.id)
      .first<{ photo: number; declaration: number }>();
    await env.DB.batch([
      env.DB.prepare("update photos set state = 'submitted' where id = ?").bind(ids!.photo),
      env.DB.prepare(
        "insert into submissions (person_id, reference, kind, photo_id, declaration_id, address_json, submitted_by_account_id, submitted_at) values (?, ?, 'initial', ?, ?, '{}', ?, ?)",
      ).bind(person.id, `REF-${person.id}`, ids!.photo, ids!.declaration, account!.id, now),
    ]);

    await expect(env.DB.prepare("update submissions set address_json = '{\"x\":1}' where person_id = ?").bind(person.id).run()).rejects.toThrow(/submission_immutable/);
    await expect(env.DB.prepare("delete from submissions where person_id = ?").bind(person.id).run()).rejects.toThrow(/submission_immutable/);
    await expect(env.DB.prepare("update addresses set city = 'Hull' where person_id = ?").bind(person.id).run()).rejects.toThrow(/submitted_locked/);
    await expect(env.DB.prepare("update presence_declarations set declared_on = '2000-01-01' where person_id = ?").bind(person.id).run()).rejects.toThrow(
      /submitted_locked/,
    );
    await expect(env.DB.prepare("update photos set checks_json = '[1]' where id = ?").bind(ids!.photo).run()).rejects.toThrow(/submitted_locked/);
    await expect(env.DB.prepare("delete from photos where id = ?").bind(ids!.photo).run()).rejects.toThrow(/submitted_locked/);
    // The one change a submitted photo may take: an officer's decision.
    await env.DB.prepare("update photos set state = 'accepted' where id = ?").bind(ids!.photo).run();
    await expect(env.DB.prepare("update photos set state = 'draft' where id = ?").bind(ids!.photo).run()).rejects.toThrow(/submitted_locked/);
  });
});
