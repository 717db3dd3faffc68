// The signed-in task list (GET /api/persons) reads a whole family in one D1 query (issue 16 point 8), and gives
// exactly the statuses the one-person rule gives (journey.ts tasksFor), through every stage of the journey.
import { env } from "cloudflare:test";
import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accounts, sessions } from "../../schema/index.ts";
import { database } from "../../worker/data/db.ts";
import { tasksFor } from "../../worker/data/journey.ts";
import { taskListBySessionQuery, taskListFromRows } from "../../worker/data/task-list.ts";
import { acceptedFamily, db, signedInApplicant } from "../support/factories.ts";
import { useBindings } from "../support/faults.ts";
import { Browser, errorOf } from "../support/http.ts";
import { TEST_ADDRESS, completeTasks, submitAll, uploadPhoto, jpegOf } from "../support/journey.ts";

/**
 * A D1 binding that counts what reaches the database: statements prepared, batches sent, and the
 * statements inside them. Round trips = batches + statements run alone (prepared − batched).
 */
function countingD1(d1: D1Database) {
  const count = { prepared: 0, batches: 0, batched: 0 };
  const counted = new Proxy(d1, {
    get(target, key) {
      if (key === "prepare")
        return (query: string) => {
          count.prepared++;
          return target.prepare(query);
        };
      if (key === "batch")
        return (statements: D1PreparedStatement[]) => {
          count.batches++;
          count.batched += statements.length;
          return target.batch(statements);
        };
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { counted, count };
}

describe("the task list", () => {
  it("gives each person of a family the same statuses as the one-person rule, at every stage, in one statement", async () => {
    const family = await signedInApplicant({
      dependants: [
        { givenNames: "Chidi", dateOfBirth: "2014-03-02" },
        { givenNames: "Ada", dateOfBirth: "2016-07-19" },
        { givenNames: "Ngozi", dateOfBirth: "2019-11-05" },
      ],
    });
    const { browser, persons } = family;
    const account = (await db().select().from(accounts).where(eq(accounts.username, family.username)).get())!;
    const session = (await db()
      .select()
      .from(sessions)
      .where(eq(sessions.accountId, account.id))
      .orderBy(desc(sessions.createdAt))
      .get())!;
    const [principal, submitted, declared, failedPhoto] = persons.map((p) => ({ id: p.id })) as [
      { id: number },
      { id: number },
      { id: number },
      { id: number },
    ];

    const expectSameAsOnePersonRule = async () => {
      const { counted, count } = countingD1(env.DB);
      const list = taskListFromRows(await taskListBySessionQuery(database(counted), session.id));
      expect(count).toEqual({ prepared: 1, batches: 0, batched: 0 });
      expect(list.map((p) => p.id)).toEqual(persons.map((p) => p.id));
      for (const person of list) expect(person.tasks, `person ${person.id}`).toEqual(await tasksFor(db(), person.id));
      const answer = (await (await browser.get("/api/persons")).json()) as {
        persons: { id: number; isSelf: boolean; tasks: unknown }[];
      };
      expect(answer.persons[0]).toMatchObject({ id: principal.id, isSelf: true });
      for (const person of answer.persons) expect(person.tasks).toEqual(list.find((p) => p.id === person.id)!.tasks);
      return list;
    };

    // Nothing done yet.
    let list = await expectSameAsOnePersonRule();
    expect(list[0]!.tasks).toEqual({
      presence: "not_started",
      address: "not_started",
      photo: "not_started",
      submit: "cannot_start",
    });

    // One person submitted; one declared and gave an address; one has a photo the checks refuse; one untouched.
    await submitAll(browser, submitted.id);
    expect((await browser.post(`/api/persons/${declared.id}/presence`, { confirm: true })).status).toBe(200);
    expect((await browser.post(`/api/persons/${declared.id}/address`, TEST_ADDRESS)).status).toBe(200);
    const grey = { width: 600, height: 800, data: new Uint8ClampedArray(600 * 800 * 4).fill(128) };
    expect((await uploadPhoto(browser, failedPhoto.id, await jpegOf(grey))).status).toBe(422);
    list = await expectSameAsOnePersonRule();
    const byId = new Map(list.map((p) => [p.id, p.tasks]));
    expect(byId.get(submitted.id)).toEqual({
      presence: "completed",
      address: "completed",
      photo: "completed",
      submit: "completed",
    });
    expect(byId.get(declared.id)).toEqual({
      presence: "completed",
      address: "completed",
      photo: "not_started",
      submit: "cannot_start",
    });
    expect(byId.get(principal.id)!.presence).toBe("not_started");

    // Ready to submit: every task done but the submission.
    await completeTasks(browser, principal.id);
    list = await expectSameAsOnePersonRule();
    expect(list[0]!.tasks).toEqual({
      presence: "completed",
      address: "completed",
      photo: "completed",
      submit: "not_started",
    });
  });

  it("answers GET /api/persons in one D1 round trip: the session and the list in one batch", async () => {
    const family = await signedInApplicant({ dependants: [{ givenNames: "Chidi", dateOfBirth: "2014-03-02" }] });
    const { counted, count } = countingD1(env.DB);
    useBindings(family.browser, { DB: counted });
    const answer = await family.browser.get("/api/persons");
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { persons: unknown[] }).persons).toHaveLength(2);
    // One batch of two statements (the session row, the list); nothing else (the session is fresh, so no touch).
    expect(count).toMatchObject({ batches: 1, batched: 2 });
    // The statements' SQL is built once per binding (data/task-list.ts sessionAndTaskList): the next
    // request prepares nothing, and is again one batch of two, with the same answer.
    count.prepared = 0;
    const again = await family.browser.get("/api/persons");
    expect(again.status).toBe(200);
    expect(((await again.json()) as { persons: unknown[] }).persons).toHaveLength(2);
    expect(count).toEqual({ prepared: 0, batches: 2, batched: 4 });
  });

  it("judges the session as every applicant route does: signed out 401, revoked 401, temporary password 403", async () => {
    expect(await errorOf(await new Browser().get("/api/persons"))).toMatchObject({ code: "not_signed_in" });
    const signedIn = await signedInApplicant();
    const stolen = new Map(signedIn.browser.cookies);
    expect((await signedIn.browser.post("/api/auth/sign-out", {})).status).toBe(204);
    const replay = new Browser();
    replay.cookies = stolen;
    const revoked = await replay.get("/api/persons");
    expect(revoked.status).toBe(401);
    expect(await errorOf(revoked)).toMatchObject({ code: "not_signed_in" });
    const temporary = await acceptedFamily();
    const browser = new Browser();
    expect(
      (await browser.post("/api/auth/sign-in", { username: temporary.username, password: temporary.temporaryPassword }))
        .status,
    ).toBe(200);
    const answer = await browser.get("/api/persons");
    expect(answer.status).toBe(403);
    expect(await errorOf(answer)).toMatchObject({ code: "password_change_required" });
  });
});
