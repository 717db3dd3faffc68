import type { AppEnv } from "../env.ts";

/** The ENVIRONMENT values that turn development behaviour on, spelled exactly. */
const DEVELOPMENT_MODES: ReadonlySet<string> = new Set(["development", "test"]);

/**
 * Development behaviour (the /dev routes with the local mailbox, the dev
 * mailbox delivery adapter) fails closed: it is on only when ENVIRONMENT is
 * exactly "development" (`npm start` writes it to .dev.vars) or exactly "test"
 * (the workerd tests). A missing, misspelled or other value ("staging",
 * "Production") behaves as production, so a forgotten variable can neither
 * publish the mailbox with its passwords and links nor stop real mail.
 */
export function isDevelopmentMode(env: Partial<Pick<AppEnv, "ENVIRONMENT">>): boolean {
  return typeof env.ENVIRONMENT === "string" && DEVELOPMENT_MODES.has(env.ENVIRONMENT);
}
