import type { Context } from "hono";
import type { ApplicantSession, RepresentativeSession } from "../data/sessions.ts";
import type { OfficerSession } from "../data/officer-sessions.ts";
import type { Database } from "../data/db.ts";
import type { AppEnv } from "../env.ts";
import type { Language } from "../../shared/api/messages.ts";

/** The Hono environment every router shares. */
export interface AppBindings {
  Bindings: AppEnv;
  Variables: {
    db: Database;
    language: Language;
    applicant: ApplicantSession | null;
    officer: OfficerSession | null;
    /** A representative's own session (decision 026); null when REPRESENTATIVE_ACCESS is off. */
    representative: RepresentativeSession | null;
  };
}

/**
 * Any route's context, also after a guard middleware added its typed variables (`actedFor()` puts
 * `c.var.person` on it; decision 022). Hono's `Context<E>` is invariant in E through `set` and `get`,
 * so a handler's `Context<AppBindings & { Variables: { person } }>` would not be a
 * `Context<AppBindings>`. Helpers read the variables (`c.var`, typed) and set none, so they take this:
 * `set` and `get` are left loose (method syntax, so any route's context and hono's own `Context` fit).
 */
export type AppContext = Omit<Context<AppBindings>, "set" | "get"> & {
  set(key: PropertyKey, value: unknown): void;
  get(key: PropertyKey): unknown;
};
