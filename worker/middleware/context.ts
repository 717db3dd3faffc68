import { createMiddleware } from "hono/factory";
import { database } from "../data/db.ts";
import type { AppBindings } from "../lib/hono-types.ts";
import { requestLanguage } from "../lib/request-language.ts";

/** Puts the drizzle client and the request's language on the context. */
export function requestContext() {
  return createMiddleware<AppBindings>(async function requestContext(c, next) {
    c.set("db", database(c.env.DB));
    c.set("language", requestLanguage(c.req.url, c.req.header("Accept-Language")));
    c.set("applicant", null);
    c.set("officer", null);
    c.set("representative", null);
    await next();
  });
}
