// What must hold in D1 and R2 after the load, read through the same bindings the admin CLI uses.
import type { Platform } from "../admin/platform.ts";

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

async function all<T>(env: Platform["env"], sql: string): Promise<T[]> {
  return (await env.DB.prepare(sql).all<T>()).results;
}

async function listKeys(bucket: R2Bucket, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix, cursor, limit: 1000 });
    keys.push(...page.objects.map((o) => o.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys;
}

/** Waits until the queue consumer has handled every outbox row (none pending), up to `seconds`. */
export async function waitForOutbox({ env }: Platform, seconds: number): Promise<number> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const pending =
      (await all<{ pending: number }>(env, "select count(*) as pending from outbox where status = 'pending'"))[0]
        ?.pending ?? 0;
    if (pending === 0 || Date.now() > deadline) return pending;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export async function afterChecks(
  { env }: Platform,
  expected: { submitted: number; accepted: number },
): Promise<Check[]> {
  const checks: Check[] = [];
  const submittedPersons = await all<{ person_id: number; n: number }>(
    env,
    "select person_id, count(*) as n from submissions group by person_id",
  );
  checks.push({
    name: "every applicant who finished the journey has a submission",
    ok: submittedPersons.length === expected.submitted,
    detail: `${submittedPersons.length} persons with a submission, ${expected.submitted} journeys finished`,
  });
  const duplicates = submittedPersons.filter((p) => p.n !== 1);
  checks.push({
    name: "no duplicate submissions",
    ok: duplicates.length === 0,
    detail: `${duplicates.length} persons with more than one`,
  });

  const current = await all<{ person_id: number; n: number; object_key: string }>(
    env,
    "select s.person_id, count(p.id) as n, max(p.object_key) as object_key from submissions s join photos p on p.person_id = s.person_id and p.state <> 'replaced' group by s.person_id",
  );
  const notOne = current.filter((c) => c.n !== 1).length + (submittedPersons.length - current.length);
  let missing = 0;
  for (const c of current) if (!(await env.FILES.head(c.object_key))) missing++;
  checks.push({
    name: "every submitted person has exactly one current photo",
    ok: notOne === 0,
    detail: `${notOne} persons without exactly one`,
  });
  checks.push({
    name: "every current photo's object exists in R2",
    ok: missing === 0,
    detail: `${current.length} checked, ${missing} missing`,
  });

  const live = new Set(
    (
      await all<{ object_key: string }>(
        env,
        "select object_key from photos where state <> 'replaced' union all select object_key from documents",
      )
    ).map((r) => r.object_key),
  );
  const objects = [...(await listKeys(env.FILES, "photos/")), ...(await listKeys(env.FILES, "documents/"))];
  const orphans = objects.filter((key) => !live.has(key));
  checks.push({
    name: "no orphan objects in R2",
    ok: orphans.length === 0,
    detail: `${objects.length} objects, ${orphans.length} without a live row`,
  });

  const outbox = await all<{ status: string; attempts: number; kind: string }>(
    env,
    "select status, attempts, kind from outbox",
  );
  const notOnce = outbox.filter((m) => m.status !== "sent" || m.attempts !== 1).length;
  checks.push({
    name: "every email in the outbox delivered exactly once",
    ok: notOnce === 0 && outbox.length > 0,
    detail: `${outbox.length} emails, ${notOnce} not sent exactly once`,
  });
  const count = (kind: string) => outbox.filter((m) => m.kind === kind).length;
  checks.push({
    name: "one confirmation email per submission, one acceptance email per decision",
    ok: count("submission_received") === submittedPersons.length && count("photo_accepted") === expected.accepted,
    detail: `submission_received ${count("submission_received")}/${submittedPersons.length}, photo_accepted ${count("photo_accepted")}/${expected.accepted}`,
  });
  const decisions = await all<{ n: number }>(
    env,
    "select count(*) as n from review_decisions where decision = 'photo_accepted'",
  );
  checks.push({
    name: "one decision per accepted item",
    ok: decisions[0]!.n === expected.accepted,
    detail: `${decisions[0]!.n} decisions, ${expected.accepted} acceptances answered 200`,
  });
  return checks;
}

/** What the run left behind, per table and in R2: the measured basis of docs/scale.md. */
export async function footprint({ env }: Platform): Promise<string[]> {
  const tables = (
    await all<{ name: string }>(
      env,
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name <> 'd1_migrations' order by name",
    )
  ).map((t) => t.name);
  const lines: string[] = [];
  for (const table of tables) {
    const columns = (await all<{ name: string }>(env, `pragma table_info("${table}")`)).map(
      (c) => `coalesce(length("${c.name}"), 0)`,
    );
    // Bytes of the values as stored text or numbers (length() of each column), before SQLite's
    // own overhead and indexes: what the rows weigh.
    const row = await env.DB.prepare(
      `select count(*) as n, coalesce(sum(${columns.join(" + ") || "0"}), 0) as bytes from "${table}"`,
    ).first<{ n: number; bytes: number }>();
    if (row!.n > 0) lines.push(`${table}: ${row!.n} rows, ${(row!.bytes / 1024).toFixed(1)} KiB of values`);
  }
  let objects = 0;
  let bytes = 0;
  for (const prefix of ["photos/", "documents/"]) {
    let cursor: string | undefined;
    do {
      const page = await env.FILES.list({ prefix, cursor, limit: 1000 });
      objects += page.objects.length;
      bytes += page.objects.reduce((sum, o) => sum + o.size, 0);
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
  }
  lines.push(`R2: ${objects} objects, ${(bytes / 1024).toFixed(0)} KiB`);
  return lines;
}
