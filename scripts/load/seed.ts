// The load test's people: N applicants, each alone on an approved application with an account
// that already chose its password, and the officers who decide. Written straight into the
// portal's local D1 (as the admin import, invitation and set-password steps would leave them),
// because making 200 accounts through those steps would measure them, not the journey.
// One password hash is computed and reused: hashing is what sign-in costs, and sign-in is measured.
import type { Platform } from "../admin/platform.ts";
import { hashPassword } from "../../worker/lib/password-hash.ts";
import { generateTotpSecret } from "../../worker/lib/officer-totp.ts";

export const APPLICANT_PASSWORD = "lantern harbour violet thunder load";
export const OFFICER_PASSWORD = "officer passphrase for the load test";

export interface SeededApplicant {
  username: string;
  personId: number;
}
export interface SeededOfficer {
  email: string;
  totpSecret: string;
}

export async function seedPeople(
  { env }: Platform,
  applicants: number,
  officers: number,
): Promise<{ applicants: SeededApplicant[]; officers: SeededOfficer[] }> {
  const [applicantHash, officerHash] = await Promise.all([
    hashPassword(APPLICANT_PASSWORD),
    hashPassword(OFFICER_PASSWORD),
  ]);
  const now = new Date().toISOString();
  const seeded: SeededApplicant[] = [];
  for (let i = 1; i <= applicants; i++) {
    const n = String(i).padStart(6, "0");
    const application = await env.DB.prepare("insert into applications (application_number) values (?) returning id")
      .bind(`L${n}000`)
      .first<{ id: number }>();
    const person = await env.DB.prepare(
      "insert into persons (application_id, uci, role, given_names, family_name, date_of_birth, email, language) values (?, ?, 'principal', ?, ?, '1990-01-01', ?, ?) returning id",
    )
      .bind(application!.id, `77${n}00`, `Load${i}`, `Applicant${i}`, `load${i}@load.test`, i % 3 === 0 ? "fr" : "en")
      .first<{ id: number }>();
    const username = `PR-LOAD${n}`;
    const account = await env.DB.prepare(
      "insert into accounts (username, person_id, email, language, password_hash, password_is_temporary, password_changed_at) values (?, ?, ?, ?, ?, 0, ?) returning id",
    )
      .bind(username, person!.id, `load${i}@load.test`, i % 3 === 0 ? "fr" : "en", applicantHash, now)
      .first<{ id: number }>();
    await env.DB.prepare("update persons set acting_account_id = ? where id = ?").bind(account!.id, person!.id).run();
    seeded.push({ username, personId: person!.id });
  }
  const officerList: SeededOfficer[] = [];
  for (let i = 1; i <= officers; i++) {
    const totpSecret = generateTotpSecret();
    const email = `officer${i}@load.test`;
    await env.DB.prepare(
      "insert into officers (email, name, role, password_hash, totp_secret, must_change_password) values (?, ?, 'officer', ?, ?, 0)",
    )
      .bind(email, `Load Officer ${i}`, officerHash, totpSecret)
      .run();
    officerList.push({ email, totpSecret });
  }
  return { applicants: seeded, officers: officerList };
}
