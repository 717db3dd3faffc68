import { format, formatNumber } from "../../../lib/format.ts";
import type { StoredCheck } from "../../api.ts";
import { useI18n } from "../../../lib/use-i18n.ts";

/** A stored text is bilingual; very old rows may hold one string. */
function inLanguage(text: StoredCheck["message"], lang: "en" | "fr"): string {
  return typeof text === "string" ? text : text[lang];
}

// What needs the officer's eye comes first: problems, then warnings.
const ORDER: Record<StoredCheck["verdict"], number> = { fail: 0, warn: 1, pass: 2 };

function CheckItem({ check }: { check: StoredCheck }) {
  const { m, lang } = useI18n();
  const t = m.officer.item;
  return (
    <li class={`check check--${check.verdict}`} data-check={check.id} data-verdict={check.verdict}>
      <span class={`check__verdict verdict verdict--${check.verdict}`}>{m.photo.verdicts[check.verdict]}</span>
      <span class="check__text">
        <span class="check__message">{inLanguage(check.message, lang)}</span>
        <span class="officer-checks__measure">
          <span>
            {/* A number is formatted for the page's language; the format check measures a type's name ("JPEG"). */}
            <strong>{t.measured}</strong>{" "}
            {typeof check.value === "number"
              ? formatNumber(check.value, lang, { maximumFractionDigits: 3 })
              : check.value || "—"}
          </span>
          {check.threshold !== null && check.threshold !== "" && (
            <span>
              {/* The rules are written once, in English, by the check module (shared/photo/checks). */}
              <strong>{t.rule}</strong> <span lang="en">{String(check.threshold)}</span>
            </span>
          )}
        </span>
      </span>
    </li>
  );
}

/**
 * The automatic checks as the officer needs them: the problems and warnings
 * first, each with the verdict as a word, what was found, the measured value
 * and the rule; the checks that passed folded into one line that opens.
 */
export function OfficerCheckResults({ checks, labelledBy }: { checks: StoredCheck[]; labelledBy: string }) {
  const { m } = useI18n();
  const t = m.officer.item;
  const flagged = checks.filter((c) => c.verdict !== "pass").sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict]);
  const passed = checks.filter((c) => c.verdict === "pass");
  const passedLabel =
    flagged.length === 0
      ? passed.length === 1
        ? t.allPassedOne
        : format(t.allPassedMany, { count: passed.length })
      : passed.length === 1
        ? t.passedOne
        : format(t.passedMany, { count: passed.length });
  return (
    <div class="officer-checks">
      {flagged.length > 0 ? (
        <ul class="checks officer-checks__flagged" aria-labelledby={labelledBy}>
          {flagged.map((check) => (
            <CheckItem key={check.id} check={check} />
          ))}
        </ul>
      ) : (
        <p class="officer-checks__none">{t.noProblems}</p>
      )}
      {passed.length > 0 && (
        <details class="officer-checks__passed">
          <summary>{passedLabel}</summary>
          <ul class="checks">
            {passed.map((check) => (
              <CheckItem key={check.id} check={check} />
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
