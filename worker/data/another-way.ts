import { type SQL, and, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import {
  accounts,
  anotherWayOutcomes,
  anotherWayRequests,
  applications,
  officers,
  persons,
  photos,
} from "../../schema/index.ts";
import type { AnotherWayKind, AnotherWayOutcome, AnotherWaySource } from "../../shared/api/another-way.ts";
import type { CheckResult } from "../../shared/photo/checks/index.ts";
import { anotherWayOutcomeEmail, anotherWayReceivedEmail } from "../email/another-way-templates.ts";
import type { AppEnv } from "../env.ts";
import { templateContext } from "../lib/config.ts";
import { auditInsert } from "./audit.ts";
import { type Database, nowIso } from "./db.ts";
import { identityColumns, personColumns } from "./person-identity.ts";
import { ownNoticeAddress } from "./member-notices.ts";
import { outboxInsert } from "./outbox.ts";
import { representativeCopyAddresses } from "./representatives.ts";

type MailEnv = Pick<AppEnv, "EMAIL_FROM" | "PUBLIC_ORIGIN" | "HELP_EMAIL"> &
  Partial<Pick<AppEnv, "REPRESENTATIVE_ACCESS">>;

interface PersonForMail {
  id: number;
  givenNames: string;
  familyName: string;
  email: string;
  actingAccountId: number | null;
}

/**
 * Where a person hears about their request: the account that acts for them, or, before any account
 * exists (an invitation not yet answered), the address the invitation went to; and their own
 * confirmed address when it is another one (the family members' rule, worker/data/member-notices.ts);
 * and each representative with a live grant, addressed to them as the representative (decision 026).
 */
async function recipients(
  db: Database,
  env: MailEnv,
  person: PersonForMail,
): Promise<{ to: string; representative?: string }[]> {
  const acting = person.actingAccountId
    ? await db.select({ email: accounts.email }).from(accounts).where(eq(accounts.id, person.actingAccountId)).get()
    : undefined;
  const first = acting?.email ?? person.email;
  const own = await ownNoticeAddress(db, person, acting ?? { email: first });
  const representatives = await representativeCopyAddresses(db, env, person);
  return [
    ...[first, ...(own ? [own] : [])].filter((address) => address.trim() !== "").map((to) => ({ to })),
    ...representatives.map((r) => ({ to: r.email, representative: r.name })),
  ];
}

/** The person's open request of this kind, if any (at most one: a unique index over the open ones). */
function openRequest(db: Database, personId: number, kind: AnotherWayKind) {
  return db
    .select({ id: anotherWayRequests.id })
    .from(anotherWayRequests)
    .where(
      and(
        eq(anotherWayRequests.personId, personId),
        eq(anotherWayRequests.kind, kind),
        isNull(anotherWayRequests.closedAt),
      ),
    )
    .get();
}

/** The principal of an application: the person an invitation's request is for. */
export async function principalOfApplication(db: Database, applicationId: number) {
  return db
    .select()
    .from(persons)
    .where(and(eq(persons.applicationId, applicationId), eq(persons.role, "principal")))
    .get();
}

export type RequestOutcome =
  | { created: true; requestId: number; outboxIds: number[] }
  | { created: false; requestId: number };

/**
 * A request for another way: the row, its audit row and the email saying it was received, in one
 * batch. One open request per person and kind (the partial unique index of migration 0013): a
 * second one changes nothing, and sends nothing.
 */
export async function recordAnotherWayRequest(
  db: Database,
  env: MailEnv,
  input: {
    person: PersonForMail;
    kind: AnotherWayKind;
    source: AnotherWaySource;
    reason: string;
    accountId: number | null;
    /** The officer who opened it for the person (source "officer"), named in the audit row. */
    officerId?: number;
    ip?: string | null;
  },
): Promise<RequestOutcome> {
  const { person, kind, source, reason, accountId } = input;
  const open = await openRequest(db, person.id, kind);
  if (open) return { created: false, requestId: open.id };
  const name = `${person.givenNames} ${person.familyName}`;
  const mails = (await recipients(db, env, person)).map(({ to, representative }) =>
    outboxInsert(db, env, {
      kind: "another_way_received",
      to,
      email: anotherWayReceivedEmail(templateContext(env), { name, kind, representative }),
    }),
  );
  try {
    const [inserted, , ...sent] = await db.batch([
      db
        .insert(anotherWayRequests)
        .values({ personId: person.id, kind, source, reason, requestedByAccountId: accountId })
        .returning({ id: anotherWayRequests.id }),
      auditInsert(db, {
        actorKind: input.officerId !== undefined ? "officer" : accountId === null ? "system" : "applicant",
        actorId: input.officerId ?? accountId ?? source,
        action: "another_way.requested",
        subjectKind: "person",
        subjectId: person.id,
        details: { kind, source },
        ip: input.ip ?? null,
      }),
      ...mails,
    ]);
    return {
      created: true,
      requestId: (inserted as { id: number }[])[0]!.id,
      outboxIds: sent.flatMap((rows) => (rows as { id: number }[]).map((r) => r.id)),
    };
  } catch (error) {
    // The same request made at the same moment (two tabs): the unique index kept one.
    if (String(error).includes("UNIQUE constraint failed")) {
      const kept = await openRequest(db, person.id, kind);
      if (kept) return { created: false, requestId: kept.id };
    }
    throw error;
  }
}

/** A request and its person, for an officer's outcome. */
export async function findAnotherWayRequest(db: Database, requestId: number) {
  if (!Number.isSafeInteger(requestId) || requestId < 1) return undefined;
  return db
    .select({ request: anotherWayRequests, person: persons })
    .from(anotherWayRequests)
    .innerJoin(persons, eq(persons.id, anotherWayRequests.personId))
    .where(eq(anotherWayRequests.id, requestId))
    .get();
}

type FoundRequest = NonNullable<Awaited<ReturnType<typeof findAnotherWayRequest>>>;

/** The outcomes that end the follow-up: what comes next happens in person or on the portal. */
const CLOSING: ReadonlySet<AnotherWayOutcome> = new Set(["appointment_set", "photo_received"]);

function outcomeStatements(
  db: Database,
  env: MailEnv,
  found: FoundRequest,
  outcome: AnotherWayOutcome,
  officerId: number,
  to: { to: string; representative?: string }[],
  recordedAt: string,
  photoId: number | SQL<number> | null,
) {
  const name = `${found.person.givenNames} ${found.person.familyName}`;
  return {
    outcome: db
      .insert(anotherWayOutcomes)
      .values({ requestId: found.request.id, outcome, officerId, photoId, recordedAt })
      .returning({ id: anotherWayOutcomes.id }),
    close: CLOSING.has(outcome)
      ? [
          db
            .update(anotherWayRequests)
            .set({ closedAt: recordedAt })
            .where(and(eq(anotherWayRequests.id, found.request.id), isNull(anotherWayRequests.closedAt))),
        ]
      : [],
    audit: auditInsert(db, {
      actorKind: "officer",
      actorId: officerId,
      action: `another_way.${outcome}`,
      subjectKind: "person",
      subjectId: found.person.id,
      details: { requestId: found.request.id },
    }),
    mails: to.map(({ to: address, representative }) =>
      outboxInsert(db, env, {
        kind: `another_way_${outcome}`,
        to: address,
        email: anotherWayOutcomeEmail(templateContext(env), { name, outcome, representative }),
      }),
    ),
  };
}

const idsOf = (results: unknown[]) => results.flatMap((rows) => (rows as { id: number }[]).map((r) => r.id));

/** "Contacted" or "appointment set": the outcome, its audit row and the person's email, in one batch. */
export async function recordOutcome(
  db: Database,
  env: MailEnv,
  input: { found: FoundRequest; outcome: "contacted" | "appointment_set"; officerId: number },
  now = Date.now(),
): Promise<{ closed: boolean; outboxIds: number[] }> {
  const to = await recipients(db, env, input.found.person);
  const s = outcomeStatements(db, env, input.found, input.outcome, input.officerId, to, nowIso(now), null);
  const results = await db.batch([s.outcome, ...s.close, s.audit, ...s.mails]);
  return { closed: s.close.length > 0, outboxIds: idsOf(results.slice(2 + s.close.length)) };
}

/**
 * A photo received by mail, scanned and uploaded by an officer for the person: stored as the
 * person's draft, its warnings acknowledged by the officer who looked at it, so the photo task is
 * complete; the other drafts retired; the outcome, the request closed, the audit row and the email,
 * all in one batch. Returns the retired drafts' keys, for the caller to delete from R2.
 */
export async function recordMailedPhoto(
  db: Database,
  env: MailEnv,
  input: {
    found: FoundRequest;
    officerId: number;
    photo: {
      objectKey: string;
      sha256: string;
      format: "jpeg" | "png";
      width: number;
      height: number;
      byteSize: number;
      checks: CheckResult[];
      verdict: "pass" | "warn";
    };
  },
  now = Date.now(),
): Promise<{ photoId: number; retiredKeys: string[]; outboxIds: number[] }> {
  const { found, officerId, photo } = input;
  const personId = found.person.id;
  const to = await recipients(db, env, found.person);
  // The new photo's id is read back inside the batch by its fresh object key.
  const newPhotoId = sql<number>`(select ${photos.id} from ${photos} where ${photos.objectKey} = ${photo.objectKey})`;
  const s = outcomeStatements(db, env, found, "photo_received", officerId, to, nowIso(now), newPhotoId);
  const [inserted, retired, ...rest] = await db.batch([
    db
      .insert(photos)
      .values({
        personId,
        objectKey: photo.objectKey,
        sha256: photo.sha256,
        format: photo.format,
        width: photo.width,
        height: photo.height,
        byteSize: photo.byteSize,
        checksJson: JSON.stringify(photo.checks),
        verdict: photo.verdict,
        warningsAcknowledged: photo.verdict === "warn" ? 1 : 0,
        uploadedByOfficerId: officerId,
      })
      .returning({ id: photos.id }),
    db
      .update(photos)
      .set({ state: "replaced" })
      .where(and(eq(photos.personId, personId), eq(photos.state, "draft"), ne(photos.objectKey, photo.objectKey)))
      .returning({ objectKey: photos.objectKey }),
    s.outcome,
    ...s.close,
    s.audit,
    auditInsert(db, {
      actorKind: "officer",
      actorId: officerId,
      action: "photo.uploaded_for_person",
      subjectKind: "person",
      subjectId: personId,
      details: { verdict: photo.verdict },
    }),
    ...s.mails,
  ]);
  return {
    photoId: (inserted as { id: number }[])[0]!.id,
    retiredKeys: (retired as { objectKey: string }[]).map((r) => r.objectKey),
    outboxIds: idsOf(rest.slice(3 + s.close.length)),
  };
}

/** The open requests (of one person, or everyone's), oldest first, each with its person. */
export async function openAnotherWayRequests(db: Database, personId?: number) {
  const rows = await db
    .select({
      request: anotherWayRequests,
      person: {
        id: persons.id,
        givenNames: identityColumns.givenNames,
        familyName: identityColumns.familyName,
        uci: identityColumns.uci,
      },
      applicationNumber: applications.applicationNumber,
    })
    .from(anotherWayRequests)
    .innerJoin(persons, eq(persons.id, anotherWayRequests.personId))
    .innerJoin(applications, eq(applications.id, persons.applicationId))
    .where(
      and(
        isNull(anotherWayRequests.closedAt),
        personId === undefined ? undefined : eq(anotherWayRequests.personId, personId),
      ),
    )
    .orderBy(anotherWayRequests.createdAt, anotherWayRequests.id)
    .limit(200)
    .all();
  return rows;
}

/** Every outcome of some requests, oldest first. */
export async function outcomesOf(db: Database, requestIds: number[]) {
  if (requestIds.length === 0) return [];
  return db
    .select({
      requestId: anotherWayOutcomes.requestId,
      outcome: anotherWayOutcomes.outcome,
      recordedAt: anotherWayOutcomes.recordedAt,
      officer: officers.name,
    })
    .from(anotherWayOutcomes)
    .innerJoin(officers, eq(officers.id, anotherWayOutcomes.officerId))
    .where(inArray(anotherWayOutcomes.requestId, requestIds))
    .orderBy(anotherWayOutcomes.id)
    .all();
}

/** When each of a person's requests still waiting for its first answer was made (its clock, decision 025). */
export async function unansweredRequestsOf(db: Database, personId: number): Promise<string[]> {
  const rows = await db
    .select({ createdAt: anotherWayRequests.createdAt })
    .from(anotherWayRequests)
    .where(
      and(
        eq(anotherWayRequests.personId, personId),
        isNull(anotherWayRequests.closedAt),
        sql`not exists (select 1 from ${anotherWayOutcomes} o where o.request_id = ${anotherWayRequests.id})`,
      ),
    )
    .orderBy(anotherWayRequests.createdAt)
    .all();
  return rows.map((r) => r.createdAt);
}

/** Whether a photo can be put in for the person now: none submitted and waiting, none accepted. */
export async function photoOpenFor(db: Database, personId: number): Promise<boolean> {
  const latest = await db
    .select({ state: photos.state })
    .from(photos)
    .where(and(eq(photos.personId, personId), ne(photos.state, "replaced")))
    .orderBy(desc(photos.id))
    .get();
  return latest?.state !== "submitted" && latest?.state !== "accepted";
}

/** A person by id (the sign-in help's account names its own person). */
export async function findPersonById(db: Database, personId: number) {
  return db.select(personColumns).from(persons).where(eq(persons.id, personId)).get();
}
