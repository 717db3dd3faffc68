import { createOfficer } from "../../worker/data/officers.ts";
import { hashPassword } from "../../worker/lib/password-hash.ts";
import { generateTotpSecret, totpCode } from "../../worker/lib/officer-totp.ts";
import { db, unique } from "./factories.ts";
import { Browser } from "./http.ts";

const PASSWORD = "officer passphrase for review";
const CHOSEN_PASSWORD = "lighthouse orchard violin autumn";

/** An officer created as the admin command does, signed in at /review with a real TOTP code, initial password changed. */
export async function signedInOfficer(name = "Dana Officer", role: "officer" | "supervisor" = "officer") {
  const email = `officer${unique()}@cic.gc.ca`;
  const totpSecret = generateTotpSecret();
  const created = await createOfficer(
    db(),
    { email, name, role, passwordHash: await hashPassword(PASSWORD), totpSecret },
    { kind: "admin", id: "test" },
  );
  const browser = new Browser();
  const response = await browser.post("/review/api/sign-in", {
    email,
    password: PASSWORD,
    code: await totpCode(totpSecret, Date.now()),
  });
  if (response.status !== 200) throw new Error(`officer sign-in failed: ${response.status} ${await response.text()}`);
  // As at a real first sign-in: the one-time initial password is replaced first.
  const changed = await browser.post("/review/api/change-password", {
    newPassword: CHOSEN_PASSWORD,
    confirmPassword: CHOSEN_PASSWORD,
  });
  if (changed.status !== 200)
    throw new Error(`officer password change failed: ${changed.status} ${await changed.text()}`);
  return { id: created!.id, email, name, browser };
}
