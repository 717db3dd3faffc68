import { formatNumber } from "../../lib/format.ts";
import type { StoredCheck } from "../../lib/review-api.ts";
import { useI18n } from "../../lib/use-i18n.ts";

/** A stored text is bilingual; very old rows may hold one string. */
function inLanguage(text: StoredCheck["message"], lang: "en" | "fr"): string {
  return typeof text === "string" ? text : text[lang];
}

/**
 * The automatic checks as the officer needs them: the verdict as a word,
 * what was found, the measured value and the rule it was compared with.
 */
export function OfficerCheckResults({ checks, labelledBy }: { checks: StoredCheck[]; labelledBy: string }) {
  const { m, lang } = useI18n();
  const t = m.officer.item;
  return (
    <ul class="checks officer-checks" aria-labelledby={labelledBy}>
      {checks.map((check) => (
        <li key={check.id} class={`check check--${check.verdict}`}>
          <span class={`check__verdict verdict verdict--${check.verdict}`}>{m.photo.verdicts[check.verdict]}</span>
          <span class="check__text">
            <span class="check__message">{inLanguage(check.message, lang)}</span>
            <span class="officer-checks__measure">
              <span>
                <strong>{t.measured}</strong> {typeof check.value === "number" ? formatNumber(check.value, lang, { maximumFractionDigits: 3 }) : (check.value ?? "—")}
              </span>
              {check.threshold !== null && check.threshold !== "" && (
                <span>
                  {/* The rules are written once, in English, by the check module (worker/photo/checks). */}
                  <strong>{t.rule}</strong> <span lang="en">{String(check.threshold)}</span>
                </span>
              )}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
