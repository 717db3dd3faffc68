// How a request schema in shared/api/ reports a person's mistake, so that the worker answers it as
// the same 422 field error as before (worker/lib/validate-json.ts) and the client can show its own
// wording for the same code before it sends (schemaProblems below).
//
// Two kinds of failure, kept apart as the API always has: a field of the wrong JSON type is a
// client bug (valibot's "schema" issues: the worker answers 400 malformed_json), while a rule a
// person can break (required, too long, a postal code in another province) is a problem found by
// `rules()`, carried in a valibot "validation" issue (the worker answers 422 with its fields).
import * as v from "valibot";
import type { MessageKey } from "./messages.ts";

/** A parameter of a problem's message; `{ en, fr }` where the worker picks the request's language (a province's name). */
export type ProblemParam = string | number | { en: string; fr: string };

/** One field's problem: the field, a stable code, and the worker's message key with its parameters. */
export interface SchemaProblem {
  field: string;
  code: string;
  messageKey: MessageKey;
  /** A string `$labels.x` is itself a message key, translated when the answer is written. */
  params?: Record<string, ProblemParam>;
}

// Valibot's issue carries its details in one string, its message: the problem rides there as JSON
// behind this tag, and `problemsOf` reads it back.
const TAG = "problem:";

/**
 * A body's schema with its rules: one check over the typed body, so the problems come in the order
 * the rules are written (the order the API has always listed them). Runs only when every field has
 * its type.
 */
export function withRules<S extends v.GenericSchema<unknown, object>>(
  schema: S,
  find: (body: v.InferOutput<S>) => SchemaProblem[],
) {
  return v.pipe(
    schema,
    v.rawCheck<v.InferOutput<S>>(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      for (const problem of find(dataset.value)) addIssue({ message: TAG + JSON.stringify(problem) });
    }),
  );
}

/** The problems of a failed parse, or null when a field had the wrong type (then nothing is a person's mistake). */
export function problemsOf(issues: readonly v.BaseIssue<unknown>[]): SchemaProblem[] | null {
  if (issues.some((issue) => issue.kind !== "validation" || !issue.message.startsWith(TAG))) return null;
  return issues.map((issue) => JSON.parse(issue.message.slice(TAG.length)) as SchemaProblem);
}

/**
 * What a body's schema finds wrong with it, as the client checks a form before it sends: the same
 * rules the worker runs, so the person hears at once what the route would answer. A page maps each
 * problem's `field` and `code` to its own words (client/i18n). Empty when the body passes; a body
 * of the wrong shape is the page's bug, left for the worker's 400 to report.
 *
 * @example const problems = schemaProblems(AddressBody, values);
 */
export function schemaProblems(schema: v.GenericSchema, body: unknown): SchemaProblem[] {
  const result = v.safeParse(schema, body);
  return result.success ? [] : (problemsOf(result.issues) ?? []);
}

/**
 * A field the route reads only as `=== true` (or reads later, itself): any value, or none. Valibot
 * refuses a missing key unless its schema is optional.
 */
export const anything = () => v.optional(v.unknown());

/** A text field: a string, or "" when missing or null; any other type is a wrong type. */
export const text = () => v.nullish(v.string(), "");

/** A one-line text field as a person means it: trimmed, runs of spaces made one. */
export const line = () =>
  v.pipe(
    text(),
    v.transform((value) => value.trim().replace(/\s+/g, " ")),
  );

/** "Enter {label}." for an empty field. */
export function required(field: string, label: MessageKey): SchemaProblem {
  return { field, code: "required", messageKey: "fields.required", params: { label: `$${label}` } };
}
