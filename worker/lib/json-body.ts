import { AppError } from "./errors.ts";
import type { AppContext } from "./hono-types.ts";

/**
 * The request's JSON object body. 415 unless sent as JSON (which also makes
 * a cross-site form post impossible without a CORS preflight), 400 when it
 * does not parse or is not an object.
 */
export async function readJsonObject(c: AppContext): Promise<Record<string, unknown>> {
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
  return body as Record<string, unknown>;
}

/** A string field, or "" when missing; non-strings are a 400 (a client bug, not a person's mistake). */
export function stringField(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw new AppError(400, "malformed_json", "errors.malformedJson");
  return value;
}
