import { type CheckMessageKey, type Params, say, tipFor } from "./messages.ts";
import type { CheckId, CheckResult, Verdict } from "./types.ts";

/** Builds a result whose message is `key` and whose tip is `key.tip` (none for a pass). */
export function result(
  id: CheckId,
  verdict: Verdict,
  value: number | string,
  threshold: string,
  key: CheckMessageKey,
  params: Params = {},
): CheckResult {
  return { id, verdict, value, threshold, message: say(key, params), tip: tipFor(key, params) };
}

export const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
