import * as v from "valibot";
import { problemsOf, type SchemaProblem } from "../../shared/api/problems.ts";

/**
 * What the request's schema in shared/api/ finds wrong with a form's body before it is sent: the
 * same rules the worker runs, so the person hears at once what the route would answer. A page maps
 * each problem's `field` and `code` to its own message (client/i18n). Empty when the body passes;
 * a body of the wrong shape is the page's bug, left for the worker's 400 to report.
 *
 * @example const problems = schemaProblems(AddressBody, values);
 */
export function schemaProblems(schema: v.GenericSchema, body: unknown): SchemaProblem[] {
  const result = v.safeParse(schema, body);
  return result.success ? [] : (problemsOf(result.issues) ?? []);
}
