import { Hono } from "hono";
import { enqueueAfterResponse } from "../email/enqueue-after-response.ts";
import { confirmEmailAddress } from "../data/email-confirmations.ts";
import { throttleByIp } from "../middleware/rate-limit.ts";
import { AppError } from "../lib/errors.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import { jsonBody } from "../lib/validate-json.ts";
import { TokenBody } from "../../shared/api/invitation.ts";

/**
 * The confirmation link sent to an address someone typed: its page posts
 * the token from the URL fragment here. Confirming records the address and
 * sends what was waiting for it (an account's username and temporary
 * password). A POST, so a mail scanner fetching the link confirms nothing.
 */
export const emailConfirmationRoutes = new Hono<AppBindings>().post(
  "/confirm",
  throttleByIp("email-confirmation", { limit: 20, windowSeconds: 15 * 60 }),
  jsonBody(TokenBody),
  async (c) => {
    const { token } = c.req.valid("json");
    const outcome = await confirmEmailAddress(c.var.db, c.env, token);
    const help = { params: { helpEmail: c.env.HELP_EMAIL } };
    if (outcome.status === "not_found")
      throw new AppError(404, "email_confirmation_not_found", "errors.emailConfirmationNotFound");
    if (outcome.status === "used")
      throw new AppError(410, "email_confirmation_used", "errors.emailConfirmationUsed", help);
    if (outcome.status === "expired")
      throw new AppError(410, "email_confirmation_expired", "errors.emailConfirmationExpired", help);
    enqueueAfterResponse(c, outcome.outboxIds);
    return c.json({ confirmed: true });
  },
);
