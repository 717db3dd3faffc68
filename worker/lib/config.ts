import type { AppEnv } from "../env.ts";
import type { TemplateContext } from "../email/templates.ts";
import type { ServiceStandards } from "../../shared/service-standards/standards.ts";

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

/** The service standards (wrangler.toml [vars], decision 025), with their documented defaults. */
export function serviceStandards(
  env: Partial<
    Pick<
      AppEnv,
      | "PHOTO_REVIEW_BUSINESS_DAYS"
      | "ECOPR_BUSINESS_DAYS"
      | "CARD_TARGET_DAYS"
      | "CARD_MAILED_BUSINESS_DAYS"
      | "ANOTHER_WAY_BUSINESS_DAYS"
      | "CORRECTION_BUSINESS_DAYS"
    >
  >,
): ServiceStandards {
  const days = (text: string | undefined, fallback: number) => {
    const n = Number(text);
    return Number.isSafeInteger(n) && n > 0 ? n : fallback;
  };
  return {
    photo_review: { id: "photo_review", unit: "business", days: days(env.PHOTO_REVIEW_BUSINESS_DAYS, 10) },
    ecopr: { id: "ecopr", unit: "business", days: days(env.ECOPR_BUSINESS_DAYS, 10) },
    card_produced: { id: "card_produced", unit: "calendar", days: days(env.CARD_TARGET_DAYS, 14) },
    card_mailed: { id: "card_mailed", unit: "business", days: days(env.CARD_MAILED_BUSINESS_DAYS, 5) },
    another_way: { id: "another_way", unit: "business", days: days(env.ANOTHER_WAY_BUSINESS_DAYS, 5) },
    correction: { id: "correction", unit: "business", days: days(env.CORRECTION_BUSINESS_DAYS, 10) },
  };
}

export function templateContext(env: Pick<AppEnv, "PUBLIC_ORIGIN" | "HELP_EMAIL">): TemplateContext {
  return { origin: env.PUBLIC_ORIGIN.replace(/\/$/, ""), helpEmail: env.HELP_EMAIL };
}

/**
 * Whether representatives exist in this deployment (decision 026): only exactly "on" turns them on.
 * Off, no route, page, link or email mentions them: their routes answer like an unknown route.
 */
export function representativeAccess(env: Partial<Pick<AppEnv, "REPRESENTATIVE_ACCESS">>): boolean {
  return env.REPRESENTATIVE_ACCESS === "on";
}
