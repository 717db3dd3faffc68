import type { AppEnv } from "../env.ts";
import type { TemplateContext } from "../email/templates.ts";

/** Numeric settings from wrangler vars, with the documented defaults. */
export function settings(
  env: Pick<AppEnv, "TEMP_PASSWORD_DAYS" | "INVITATION_DAYS" | "CARD_TARGET_DAYS"> &
    Partial<
      Pick<AppEnv, "RETENTION_DAYS_AFTER_CARD_MAILED" | "RETENTION_GRACE_DAYS" | "OFFICER_INITIAL_PASSWORD_HOURS">
    >,
) {
  const number = (text: string | undefined, fallback: number) => {
    const n = Number(text);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    temporaryPasswordDays: number(env.TEMP_PASSWORD_DAYS, 30),
    invitationDays: number(env.INVITATION_DAYS, 30),
    cardTargetDays: number(env.CARD_TARGET_DAYS, 14),
    retentionDaysAfterCardMailed: number(env.RETENTION_DAYS_AFTER_CARD_MAILED, 90),
    retentionGraceDays: number(env.RETENTION_GRACE_DAYS, 7),
    officerInitialPasswordHours: number(env.OFFICER_INITIAL_PASSWORD_HOURS, 72),
  };
}

export function templateContext(env: Pick<AppEnv, "PUBLIC_ORIGIN" | "HELP_EMAIL">): TemplateContext {
  return { origin: env.PUBLIC_ORIGIN.replace(/\/$/, ""), helpEmail: env.HELP_EMAIL };
}
