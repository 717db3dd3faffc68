import { Hono } from "hono";
import { accountHolderName, personsActedForBy } from "../data/accounts.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import type { Session } from "../../shared/api/auth.ts";

/** Who is signed in, and the persons the account acts for. */
export const sessionRoutes = new Hono<AppBindings>().get("/", async (c) => {
  const applicant = c.var.applicant;
  if (!applicant) {
    // The representative middleware reads its cookie only when the setting is on, so with it off this
    // answer never mentions representatives.
    const representative = c.var.representative;
    return c.json(
      (representative
        ? { signedIn: false, representative: { mustSetPassword: representative.passwordIsTemporary } }
        : { signedIn: false }) satisfies Session,
    );
  }
  const people = applicant.passwordIsTemporary
    ? []
    : await personsActedForBy(c.var.db, applicant.accountId, applicant.personId);
  return c.json({
    signedIn: true,
    // `name` is whom the task list greets (the holder's name, as in the emails), never the username.
    account: {
      username: applicant.username,
      name: await accountHolderName(c.var.db, applicant),
      language: applicant.language,
      mustSetPassword: applicant.passwordIsTemporary,
    },
    persons: people.map((p) => ({
      id: p.id,
      givenNames: p.givenNames,
      familyName: p.familyName,
      role: p.role,
      isSelf: p.id === applicant.personId,
    })),
  } satisfies Session);
});
