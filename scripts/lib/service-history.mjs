// The seeded service history, as SQL for the local D1: the same 32 persons as
// test/integration/transparency.test.ts (support/service-history.ts), ending `now`, plus one signed-in
// applicant's own documents still waiting for review. Times in the past cannot be made through the
// API, so the browser test (test/e2e/beyond-states) and the screenshots
// (scripts/screenshots/service-standards) write these rows straight into the portal's database.

const DAY = 86_400_000;
const q = (text) => `'${String(text).replace(/'/g, "''")}'`;
const iso = (ms) => new Date(ms).toISOString();
const day = (ms) => iso(ms).slice(0, 10);

/** The history of test/integration/transparency.test.ts: 32 persons, in days before `now`. */
function historySpecs() {
  const quick = [1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4, 5];
  const slow = [30, 31, 32, 33, 34, 35, 36, 37, 38, 39];
  const ecopr = [1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 8, 12, 30, 35];
  const produced = [5, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 20];
  const mailed = [1, 1, 2, 2, 3, 3, 4, 20];
  const specs = [];
  for (let i = 0; i < 16; i++)
    specs.push({
      submittedDaysAgo: 60 + quick[i],
      verdict: i < 14 ? "pass" : "warn",
      decision: { afterDays: quick[i], outcome: "photo_accepted" },
      confirmedAfterDays: ecopr[i],
      producedAfterDays: produced[i],
      mailedAfterDays: mailed[i],
    });
  const returned = [...quick.slice(16), ...slow];
  for (let j = 0; j < 14; j++)
    specs.push({
      submittedDaysAgo: 60 + returned[j],
      verdict: j < 3 ? "pass" : "warn",
      decision: {
        afterDays: returned[j],
        outcome: "photo_returned",
        reasons: j < 3 ? ["too_dark"] : ["background_not_white"],
      },
    });
  specs.push({ submittedDaysAgo: 40, verdict: "pass" }, { submittedDaysAgo: 0.1, verdict: "warn" });
  return specs;
}

/**
 * SQL taking one person through a spec's steps; `person` and `account` (the account acting for them)
 * are SQL expressions naming their rows, and the decisions and documents are the officer's with
 * `officerEmail`.
 */
function stepsSql(spec, key, person, account, { officerEmail, now }) {
  const officer = `(select id from officers where email = ${q(officerEmail)})`;
  const submittedAt = now - spec.submittedDaysAgo * DAY;
  const photoKey = `photos/seeded-${key}`;
  const reference = `PR-S${String(key).padStart(8, "0")}`;
  const submission = `(select id from submissions where reference = ${q(reference)})`;
  const photoState = spec.decision
    ? spec.decision.outcome === "photo_accepted"
      ? "accepted"
      : "returned"
    : "submitted";
  const out = [
    `insert into presence_declarations (person_id, declared_by_account_id, declared_by_person_id, statement_version, declared_on) values (${person}, ${account}, ${person}, '1', ${q(day(submittedAt))});`,
    `insert into photos (person_id, object_key, sha256, format, width, height, byte_size, checks_json, verdict, state) values (${person}, ${q(photoKey)}, ${q("0".repeat(64))}, 'jpeg', 1000, 1400, 200000, '[]', ${q(spec.verdict)}, ${q(photoState)});`,
    `insert into submissions (person_id, reference, kind, photo_id, declaration_id, address_json, submitted_by_account_id, submitted_at) values (${person}, ${q(reference)}, 'initial', (select id from photos where object_key = ${q(photoKey)}), (select id from presence_declarations where person_id = ${person}), '{}', ${account}, ${q(iso(submittedAt))});`,
  ];
  if (!spec.decision) return out;
  const decidedAt = submittedAt + spec.decision.afterDays * DAY;
  out.push(
    `insert into review_decisions (submission_id, officer_id, decision, reasons_json, decided_at) values (${submission}, ${officer}, ${q(spec.decision.outcome)}, ${q(JSON.stringify(spec.decision.reasons ?? []))}, ${q(iso(decidedAt))});`,
  );
  if (spec.decision.outcome !== "photo_accepted") return out;
  if (spec.confirmedAfterDays !== undefined) {
    const at = iso(decidedAt + spec.confirmedAfterDays * DAY);
    out.push(
      `insert into review_decisions (submission_id, officer_id, decision, reasons_json, decided_at) values (${submission}, ${officer}, 'pr_confirmed', '[]', ${q(at)});`,
      `insert into documents (person_id, kind, object_key, verification_code, issued_by_officer_id, issued_at) values (${person}, 'ecopr', ${q(`documents/seeded-${key}`)}, ${q(`SEED${key}`)}, ${officer}, ${q(at)});`,
    );
  }
  if (spec.producedAfterDays !== undefined) {
    const producedAt = decidedAt + spec.producedAfterDays * DAY;
    const mailedAt = spec.mailedAfterDays === undefined ? null : producedAt + spec.mailedAfterDays * DAY;
    out.push(
      `insert into cards (person_id, produced_at, mailed_at, mailed_recorded_at, updated_at) values (${person}, ${q(day(producedAt))}, ${mailedAt === null ? "null" : q(day(mailedAt))}, ${mailedAt === null ? "null" : q(iso(mailedAt))}, ${q(iso(mailedAt ?? producedAt))});`,
    );
  }
  return out;
}

/**
 * The seeded history (each person imported with an account, then taken through their spec), and
 * `username`'s own documents submitted 20 days ago and still waiting for the photo review: one SQL
 * statement a line.
 */
export function serviceHistorySql({ officerEmail, username, now }) {
  const options = { officerEmail, now };
  const out = [];
  historySpecs().forEach((spec, i) => {
    const key = 1000 + i;
    const number = `S${String(key).padStart(9, "0")}`;
    const uci = String(9_000_000_000 + key);
    const person = `(select id from persons where uci = ${q(uci)})`;
    const account = `(select id from accounts where username = ${q(`PR-SEED${key}`)})`;
    out.push(
      `insert into applications (application_number) values (${q(number)});`,
      `insert into persons (application_id, uci, role, given_names, family_name, date_of_birth, email, language, search_key) values ((select id from applications where application_number = ${q(number)}), ${q(uci)}, 'principal', 'Seeded', ${q(`Person${key}`)}, '1985-02-03', ${q(`seeded${key}@example.com`)}, 'en', ${q(`seeded person${key}`)});`,
      `insert into accounts (username, person_id, email, language, password_hash) values (${q(`PR-SEED${key}`)}, ${person}, ${q(`seeded${key}@example.com`)}, 'en', 'not-a-hash');`,
      ...stepsSql(spec, key, person, account, options),
    );
  });
  const account = `(select id from accounts where username = ${q(username)})`;
  const person = `(select person_id from accounts where username = ${q(username)})`;
  out.push(...stepsSql({ submittedDaysAgo: 20, verdict: "pass" }, 1, person, account, options));
  return out.join("\n");
}
