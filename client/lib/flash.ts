/**
 * One-shot notices carried across a client-side navigation ("You have signed
 * out" on the sign-in page). In memory only: a reload drops them, on purpose.
 * A notice may carry values (a name, a count) that its text is filled with
 * where it is shown, so the text still follows a language switch.
 */
type FlashNotice = "signedOut" | "passwordSaved" | "presenceDeclared" | "addressSaved" | "photoSaved";

export type FlashParams = Record<string, string | number>;

const pending = new Map<FlashNotice, FlashParams>();

export function setFlash(notice: FlashNotice, params: FlashParams = {}): void {
  pending.set(notice, params);
}

/** True once if `notice` was set, then forgets it. */
export function takeFlash(notice: FlashNotice): boolean {
  return pending.delete(notice);
}

/** The values `notice` was set with, once (null if it was not set), then forgets it. */
export function takeFlashParams(notice: FlashNotice): FlashParams | null {
  const params = pending.get(notice);
  pending.delete(notice);
  return params ?? null;
}
