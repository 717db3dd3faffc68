import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { OfficerSessionInfo } from "../../api.ts";

/** The signed-in officer, for the pages inside the officer area. */
export const OfficerSessionContext = createContext<OfficerSessionInfo | null>(null);

export function useOfficerSession(): OfficerSessionInfo {
  const session = useContext(OfficerSessionContext);
  if (!session) throw new Error("useOfficerSession outside the officer area");
  return session;
}

// Kept across navigations inside /review so a new page does not flash "Loading".
let known: OfficerSessionInfo | null = null;

/** The session as last seen, shown while it is checked again. */
export function knownOfficerSession(): OfficerSessionInfo | null {
  return known;
}

/** Remembers the session (null after a sign-out, a sign-in or a password change: the next page asks again). */
export function rememberOfficerSession(session: OfficerSessionInfo | null): void {
  known = session;
}
