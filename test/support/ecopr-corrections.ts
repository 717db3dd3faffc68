// Setting up e-CoPR corrections (decision 027) for the workerd tests: a family with an e-CoPR issued
// as the officers' route issues it, a person's report through the real multipart route, and an
// officer's decision through the real review route.
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { submissions } from "../../schema/index.ts";
import { acceptPhoto } from "../../worker/data/photo-decisions.ts";
import { issueProofOfPr } from "../../worker/services/ecopr.ts";
import { db, signedInApplicant } from "./factories.ts";
import type { Browser } from "./http.ts";
import { submitAll } from "./journey.ts";
import { signedInOfficer } from "./officers.ts";

export type Officer = Awaited<ReturnType<typeof signedInOfficer>>;

/** A family whose principal (and dependants, when given) have an e-CoPR, issued as the officers' route does. */
export async function withEcopr(options: Parameters<typeof signedInApplicant>[0] = {}) {
  const family = await signedInApplicant(options);
  const officer = await signedInOfficer();
  for (const person of family.persons) {
    await submitAll(family.browser, person.id);
    const submission = (await db().select().from(submissions).where(eq(submissions.personId, person.id)).get())!;
    expect((await acceptPhoto(db(), env, { submissionId: submission.id, officerId: officer.id })).ok).toBe(true);
    await issueProofOfPr(db(), env, { personId: person.id, officerId: officer.id });
  }
  return { ...family, officer, person: family.persons[0]! };
}

/** A person's report, sent as the page sends it: a multipart form, with a document when given. */
export function report(
  browser: Browser,
  personId: number,
  fields: Record<string, string>,
  document?: { bytes: Uint8Array; name: string; type: string },
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (document)
    form.set("document", new File([document.bytes as Uint8Array<ArrayBuffer>], document.name, { type: document.type }));
  return browser.request(`/api/persons/${personId}/ecopr-corrections`, { method: "POST", body: form, headers });
}

/** An officer's decision on a report, through the review route. */
export function decide(
  officer: Officer,
  personId: number,
  decision: "accept" | "refuse",
  body: Record<string, unknown>,
) {
  return officer.browser.post(`/review/api/persons/${personId}/corrections/${decision}`, body);
}
