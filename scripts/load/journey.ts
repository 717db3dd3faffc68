// What each simulated person does. An applicant: sign in, the task list, the person's page,
// the presence declaration, the address, a photo from the fixtures, the acknowledgement if the
// checks warned, submit, the status page. An officer: sign in with a TOTP code, then take items
// from the queue (claim, open, accept) until it is empty. Any unexpected answer ends that
// person's journey and is counted; a 409 on a claim another officer won is the design working.
import { totpCode } from "../../worker/lib/officer-totp.ts";
import type { Session } from "./http.ts";
import { APPLICANT_PASSWORD, OFFICER_PASSWORD, type SeededApplicant, type SeededOfficer } from "./seed.ts";

class JourneyError extends Error {}

async function expectStatus(response: Response, ok: number[], step: string): Promise<unknown> {
  if (!ok.includes(response.status))
    throw new JourneyError(`${step}: ${response.status} ${(await response.text()).slice(0, 200)}`);
  return response.headers.get("Content-Type")?.includes("json") ? response.json() : null;
}

const ADDRESS = {
  streetNumber: "24",
  streetName: "Sussex Drive",
  city: "Ottawa",
  province: "ON",
  postalCode: "K1M 1M4",
};

export async function applicantJourney(
  session: Session,
  person: SeededApplicant,
  photo: { bytes: Uint8Array; type: string },
): Promise<void> {
  const id = person.personId;
  await expectStatus(
    await session.request("/api/auth/sign-in", "/api/auth/sign-in", {
      json: { username: person.username, password: APPLICANT_PASSWORD },
    }),
    [200],
    "sign-in",
  );
  await expectStatus(await session.request("/api/persons", "/api/persons"), [200], "task list");
  await expectStatus(await session.request("/api/persons/:id", `/api/persons/${id}`), [200], "person");
  await expectStatus(
    await session.request("/api/persons/:id/presence", `/api/persons/${id}/presence`, { json: { confirm: true } }),
    [200],
    "presence",
  );
  await expectStatus(
    await session.request("/api/persons/:id/address", `/api/persons/${id}/address`, { json: ADDRESS }),
    [200],
    "address",
  );
  const upload = (await expectStatus(
    await session.request("/api/persons/:id/photo", `/api/persons/${id}/photo`, {
      body: photo.bytes,
      contentType: photo.type,
    }),
    [200, 201],
    "photo",
  )) as { verdict: string };
  if (upload.verdict === "warn") {
    await expectStatus(
      await session.request("/api/persons/:id/photo/acknowledge", `/api/persons/${id}/photo/acknowledge`, {
        json: { acknowledge: true },
      }),
      [200],
      "acknowledge",
    );
  }
  await expectStatus(
    await session.request("/api/persons/:id/submit", `/api/persons/${id}/submit`, {
      json: { declarationConfirmed: true },
    }),
    [201],
    "submit",
  );
  await expectStatus(await session.request("/api/persons/:id/status", `/api/persons/${id}/status`), [200], "status");
}

/** Decides queue items until none is left; returns how many this officer accepted. */
export async function officerWork(
  session: Session,
  officer: SeededOfficer,
  index: number,
  officers: number,
): Promise<number> {
  await expectStatus(
    await session.request("/review/api/sign-in", "/review/api/sign-in", {
      json: { email: officer.email, password: OFFICER_PASSWORD, code: await totpCode(officer.totpSecret, Date.now()) },
    }),
    [200],
    "officer sign-in",
  );
  let accepted = 0;
  for (;;) {
    const { items } = (await expectStatus(
      await session.request("/review/api/queue", "/review/api/queue"),
      [200],
      "queue",
    )) as { items: { submissionId: number; claimedBy: unknown }[] };
    const free = items.filter((item) => !item.claimedBy);
    if (free.length === 0) return accepted;
    // Officers start at different places in the queue, as people would pick different items.
    const item = free[Math.min(free.length - 1, Math.floor((index / officers) * free.length))]!;
    const claim = await session.request("/review/api/items/:id/claim", `/review/api/items/${item.submissionId}/claim`, {
      method: "POST",
    });
    if (claim.status === 409) continue; // another officer took it first
    await expectStatus(claim, [200], "claim");
    await expectStatus(
      await session.request("/review/api/items/:id", `/review/api/items/${item.submissionId}`),
      [200],
      "item",
    );
    await expectStatus(
      await session.request("/review/api/items/:id/accept", `/review/api/items/${item.submissionId}/accept`, {
        method: "POST",
        json: {},
      }),
      [200],
      "accept",
    );
    accepted++;
  }
}
