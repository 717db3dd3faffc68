import type { Context, MiddlewareHandler } from "hono";
import { validator } from "hono/validator";
import * as v from "valibot";
import { type ProblemParam, problemsOf } from "../../shared/api/problems.ts";
import type { Language } from "../../shared/api/messages.ts";
import { AppError, type FieldProblem, validationError } from "./errors.ts";
import type { AppBindings, AppContext } from "./hono-types.ts";

/** A body's schema, or one built from the request (after the route's guards: the person's name). */
type SchemaOf<S, E extends AppBindings> = S | ((c: Context<E>) => S);

/** What a handler reads with `c.req.valid("json")` after one of the middlewares below. */
type JsonInput<In, Out> = { in: { json: In }; out: { json: Out } };

/**
 * The route's JSON body, checked by its schema in shared/api/, as Hono's validator middleware
 * (`hono/validator`): the handler reads `c.req.valid("json")`, typed from the schema. 415 unless
 * sent as JSON, 400 malformed_json, 422 validation_failed, exactly as `validJson`. Place it AFTER
 * the route's guards (signed in, the person acted for), which are middleware too, so that they
 * still answer first (401/403/404 before 415/400/422; decision 022).
 *
 * @example .post("/:personId/address", actedFor(), jsonBody(AddressBody), async (c) => { const body = c.req.valid("json"); … })
 */
export function jsonBody<S extends v.GenericSchema, E extends AppBindings = AppBindings>(
  schema: SchemaOf<S, E>,
): MiddlewareHandler<E, string, JsonInput<v.InferInput<S>, v.InferOutput<S>>> {
  return bodyValidator(schema, ({ body, problems }) => {
    if (problems.length) throw validationError(problems);
    return body;
  });
}

/**
 * As `jsonBody`, but the schema's field problems are handed to the handler with the body
 * (`c.req.valid("json")` is `{ body, problems }`) instead of answered, for a route that checks more
 * first (a reset link's token) or adds problems only the worker can find (the password blocklist,
 * the current password) and lists every problem in one 422, in the API's order. 415 and 400 are
 * still answered here.
 */
export function jsonBodyWithProblems<S extends v.GenericSchema, E extends AppBindings = AppBindings>(
  schema: SchemaOf<S, E>,
): MiddlewareHandler<E, string, JsonInput<v.InferInput<S>, Checked<S>>> {
  return bodyValidator(schema, (checked) => checked);
}

type Checked<S extends v.GenericSchema> = { body: v.InferOutput<S>; problems: FieldProblem[] };

function bodyValidator<S extends v.GenericSchema, E extends AppBindings, Out>(
  schema: SchemaOf<S, E>,
  finish: (checked: Checked<S>) => Out,
): MiddlewareHandler<E, string, JsonInput<v.InferInput<S>, Out>> {
  const check = validator("json", async (_read, c: Context<E>) => {
    const chosen = typeof schema === "function" ? schema(c) : schema;
    // The body the gate below read and found to be an object, not the validator's own reading:
    // hono/validator hands `{}` for a media type its test does not call JSON ("application/json-seq")
    // where the portal's test has always read the body. HonoRequest keeps the text; this re-parses it.
    return finish(checkedPart(c.var.language, chosen, await c.req.json()));
    // Its type allows the function to answer with a Response, which `finish` never does; the
    // output's type reaches the handler through this function's own return type.
  }) as unknown as MiddlewareHandler<E>;
  return async (c, next) => {
    // Before the validator reads anything: its 400 for unparsable JSON is not the portal's
    // malformed_json, and for a media type it does not read it would validate `{}` instead of a 415.
    await readJsonObject(c);
    return check(c, next);
  };
}

/** The body as a JSON object: 415 unless sent as JSON, 400 malformed_json unless it parses to an object. */
async function readJsonObject(c: Context): Promise<object> {
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
  return body;
}

/** A part of a body already read, checked by its schema: 400 malformed_json on a wrong type, else its problems. */
export function validPart<S extends v.GenericSchema>(
  c: AppContext,
  schema: S,
  value: unknown,
): { body: v.InferOutput<S>; problems: FieldProblem[] } {
  return checkedPart(c.var.language, schema, value);
}

function checkedPart<S extends v.GenericSchema>(language: Language, schema: S, value: unknown): Checked<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return { body: result.output, problems: [] };
  const problems = problemsOf(result.issues);
  // The rules run only on a body whose fields all have their type (shared/api/problems.ts).
  if (!problems) throw new AppError(400, "malformed_json", "errors.malformedJson");
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
