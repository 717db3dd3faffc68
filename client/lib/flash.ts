/**
 * One-shot notices carried across a client-side navigation ("You have signed
 * out" on the sign-in page). In memory only: a reload drops them, on purpose.
 */
export type FlashNotice = "signedOut" | "passwordSaved";

const pending = new Set<FlashNotice>();

export function setFlash(notice: FlashNotice): void {
  pending.add(notice);
}

/** True once if `notice` was set, then forgets it. */
export function takeFlash(notice: FlashNotice): boolean {
  return pending.delete(notice);
}
