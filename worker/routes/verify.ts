import { Hono } from "hono";
import { verifyDocument } from "../data/documents.ts";
import { normalizeVerificationCode } from "../documents/verification-code.ts";
import { throttleByIp } from "../middleware/rate-limit.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import type { VerificationFound } from "../../shared/api/persons.ts";

/**
 * Public check of an e-CoPR's verification code. It says only whether the
 * document is genuine, with the name's initials, the date and the status:
 * enough to match the paper in hand, too little to learn anything else.
 * Throttled per IP, reads included, so codes cannot be enumerated.
 */
export const verifyRoutes = new Hono<AppBindings>()
  .use(throttleByIp("verify", { limit: 30, windowSeconds: 15 * 60, countReads: true }))
  .get("/:code", async (c) => {
    const code = normalizeVerificationCode(c.req.param("code"));
    const found = code ? await verifyDocument(c.var.db, code) : null;
    if (!found) return c.json({ genuine: false }, 404);
    return c.json({ genuine: true, ...found } satisfies VerificationFound);
  });
