import { Hono } from "hono";
import { actedFor, actedForPerson } from "./acted-for-person.ts";
import { changeAddress } from "../data/address-changes.ts";
import { cardProductionStarted } from "../data/cards.ts";
import { findAddress, latestSubmission } from "../data/journey.ts";
import { enqueueAfterResponse } from "../email/enqueue-after-response.ts";
import { AppError } from "../lib/errors.ts";
import type { AppBindings, AppContext } from "../lib/hono-types.ts";
import { jsonBody } from "../lib/validate-json.ts";
import type { AddressChangeResult, AddressChangeState, MailingAddress } from "../../shared/api/address-change.ts";
import { translate } from "../../shared/api/messages.ts";
import { AddressBody } from "../../shared/api/persons.ts";

/*
 * Changing the mailing address after submitting, until the card goes to
 * production (issue 17 point 2, decision 024). Before submitting, the address
 * page's own route (persons.ts) edits the one row; here each change is a new
 * row. The person must be one the account acts for (else 404, as every person
 * route).
 */

const closedCodes = {
  not_submitted: "errors.addressNotSubmitted",
  card_in_production: "errors.addressCardInProduction",
} as const;

function closedError(c: AppContext, code: keyof typeof closedCodes) {
  return new AppError(409, code, closedCodes[code], { params: { helpEmail: c.env.HELP_EMAIL } });
}

function mailing(row: MailingAddress): MailingAddress {
  const { unit, streetNumber, streetName, city, province, postalCode } = row;
  return { unit, streetNumber, streetName, city, province, postalCode };
}

export const addressChangeRoutes = new Hono<AppBindings>()
  .get("/:personId/address-change", async (c) => {
    const { person } = await actedForPerson(c);
    const db = c.var.db;
    const [address, submission, inProduction] = await Promise.all([
      findAddress(db, person.id),
      latestSubmission(db, person.id),
      cardProductionStarted(db, person.id),
    ]);
    const code = !submission ? "not_submitted" : inProduction ? "card_in_production" : null;
    return c.json({
      address: address ? mailing(address) : null,
      since: address?.updatedAt.slice(0, 10) ?? null,
      open: code === null,
      closed: code
        ? { code, message: translate(c.var.language, closedCodes[code], { helpEmail: c.env.HELP_EMAIL }) }
        : null,
    } satisfies AddressChangeState);
  })

  .post("/:personId/address-change", actedFor(), jsonBody(AddressBody), async (c) => {
    const { applicant, person } = c.var;
    const { unit, streetNumber, streetName, city, province, postalCode } = c.req.valid("json");
    const db = c.var.db;
    if (!(await latestSubmission(db, person.id))) throw closedError(c, "not_submitted");
    const address = { unit: unit || null, streetNumber, streetName, city, province, postalCode };
    const outcome = await changeAddress(db, c.env, { person, accountId: applicant.accountId, address });
    if (!outcome.ok) throw closedError(c, outcome.reason);
    if (outcome.changed) enqueueAfterResponse(c, outcome.outboxIds);
    return c.json(
      { address, since: outcome.changedAt.slice(0, 10), changed: outcome.changed } satisfies AddressChangeResult,
      outcome.changed ? 201 : 200,
    );
  });
