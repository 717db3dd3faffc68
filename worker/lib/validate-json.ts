import * as v from "valibot";
import { type ProblemParam, problemsOf } from "../../shared/api/problems.ts";
import type { Language } from "../../shared/api/messages.ts";
import { AppError, validationError } from "./errors.ts";
import type { AppContext } from "./hono-types.ts";

/**
 * The request's JSON body, checked by its schema in shared/api/. 415 unless sent as JSON (which
 * also makes a cross-site form post impossible without a CORS preflight); 400 malformed_json when it
 * does not parse, is not an object, or a field has the wrong type (a client bug, not a person's
 * mistake); 422 validation_failed with each field's problem, in the request's language.
 *
 * Called inside the handler, not as middleware, so a route's own guards (signed in, the person
 * acted for) still answer first, as they always have (decision 022).
 *
 * @example const { language } = await validJson(c, LanguageBody);
 */
export async function validJson<S extends v.GenericSchema>(c: AppContext, schema: S): Promise<v.InferOutput<S>> {
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/json\b/i.test(type))
    throw new AppError(415, "unsupported_media_type", "errors.unsupportedMediaType");
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError(400, "malformed_json", "errors.malformedJson");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new AppError(400, "malformed_json", "errors.malformedJson");
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  const problems = problemsOf(result.issues);
  if (!problems) throw new AppError(400, "malformed_json", "errors.malformedJson");
  const language = c.var.language;
  throw validationError(
    problems.map(({ params, ...problem }) => (params ? { ...problem, params: inLanguage(params, language) } : problem)),
  );
}

function inLanguage(params: Record<string, ProblemParam>, language: Language): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, typeof value === "object" ? value[language] : value]),
  );
}
