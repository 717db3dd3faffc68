import type { ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { type Language, type MessageKey, catalogs, formatMessage, translate } from "../../shared/api/messages.ts";
import { AppError } from "./errors.ts";
import { loggablePath } from "./loggable-path.ts";
import type { AppBindings } from "./hono-types.ts";

/** Parameters written `$some.key` are themselves message keys (field labels). */
function translateParams(language: Language, params: Record<string, string | number> = {}) {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] =
      typeof value === "string" && value.startsWith("$") && value.slice(1) in catalogs.en
        ? translate(language, value.slice(1) as MessageKey)
        : value;
  }
  return out;
}

function errorBody(error: AppError, language: Language) {
  return {
    error: {
      code: error.code,
      message: translate(language, error.messageKey, translateParams(language, error.options.params)),
      ...(error.options.fields
        ? {
            fields: error.options.fields.map((f) => ({
              field: f.field,
              code: f.code,
              message: formatMessage(catalogs[language][f.messageKey], translateParams(language, f.params)),
            })),
          }
        : {}),
    },
  };
}

/**
 * The one error path (style.md, cloudflare/templates): known errors become
 * their status and `{ error: { code, message } }` in the request's language;
 * anything else is logged and becomes a generic 500 that reveals nothing.
 */
export const handleError: ErrorHandler<AppBindings> = (err, c) => {
  const language = c.var.language ?? "en";
  if (err instanceof AppError) {
    return c.json(errorBody(err, language), err.status, err.options.headers ?? {});
  }
  if (err instanceof HTTPException && err.status < 500) {
    const known: Record<number, [string, MessageKey]> = {
      400: ["bad_request", "errors.malformedJson"],
      401: ["not_signed_in", "errors.notSignedIn"],
      403: ["forbidden", "errors.forbidden"],
      404: ["not_found", "errors.notFound"],
      405: ["method_not_allowed", "errors.methodNotAllowed"],
      413: ["body_too_large", "errors.bodyTooLarge"],
      415: ["unsupported_media_type", "errors.unsupportedMediaType"],
    };
    const [code, key] = known[err.status] ?? ["bad_request", "errors.malformedJson"];
    return c.json({ error: { code, message: translate(language, key) } }, err.status);
  }
  console.error("unhandled error", c.req.method, loggablePath(c.req.path), err);
  return c.json({ error: { code: "internal_error", message: translate(language, "errors.internal") } }, 500);
};

export const handleNotFound: NotFoundHandler<AppBindings> = (c) =>
  c.json({ error: { code: "not_found", message: translate(c.var.language ?? "en", "errors.notFound") } }, 404);
