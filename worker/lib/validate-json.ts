import * as v from "valibot";
import { type ProblemParam, problemsOf } from "../../shared/api/problems.ts";
import type { Language } from "../../shared/api/messages.ts";
import { AppError, type FieldProblem, validationError } from "./errors.ts";
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
  const { body, problems } = await validJsonAndProblems(c, schema);
  if (problems.length) throw validationError(problems);
  return body;
}

/**
 * As `validJson`, but the schema's field problems are returned rather than thrown, for a route
 * that checks more before it answers (a token first, or rules that need the worker, such as the
 * password blocklist) and lists every problem in one 422.
 */
export async function validJsonAndProblems<S extends v.GenericSchema>(
  c: AppContext,
  schema: S,
): Promise<{ body: v.InferOutput<S>; problems: FieldProblem[] }> {
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
  return validPart(c, schema, body);
}

/** A part of a body already read, checked by its schema: 400 malformed_json on a wrong type, else its problems. */
export function validPart<S extends v.GenericSchema>(
  c: AppContext,
  schema: S,
  value: unknown,
): { body: v.InferOutput<S>; problems: FieldProblem[] } {
  const result = v.safeParse(schema, value);
  if (result.success) return { body: result.output, problems: [] };
  const problems = problemsOf(result.issues);
  // The rules run only on a body whose fields all have their type (shared/api/problems.ts).
  if (!problems) throw new AppError(400, "malformed_json", "errors.malformedJson");
  const language = c.var.language;
  return {
    body: result.output as v.InferOutput<S>,
    problems: problems.map(({ params, ...problem }) =>
      params ? { ...problem, params: inLanguage(params, language) } : problem,
    ),
  };
}

/** The problems about one field, for a route that lists its own problems between a schema's. */
export function fieldProblems(problems: FieldProblem[], field: string): FieldProblem[] {
  return problems.filter((problem) => problem.field === field);
}

function inLanguage(params: Record<string, ProblemParam>, language: Language): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, typeof value === "object" ? value[language] : value]),
  );
}
