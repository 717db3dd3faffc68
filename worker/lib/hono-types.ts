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

export type AppContext = Context<AppBindings>;
