import type { PhotoCheck } from "../../lib/api.ts";
import { useI18n } from "../../lib/use-i18n.ts";

interface PhotoChecksProps {
  checks: PhotoCheck[];
  /** Labels the list (the id of the heading above it). */
  labelledBy?: string;
}

/**
 * The automatic checks, one per row: the verdict as a word in a tag (never
 * colour alone), the message, and for a warning or a problem how to fix it.
 */
export function PhotoChecks({ checks, labelledBy }: PhotoChecksProps) {
  const { m } = useI18n();
  const t = m.photo;
  return (
    <ul class="checks" aria-labelledby={labelledBy}>
      {checks.map((check) => (
        <li key={check.id} class={`check check--${check.verdict}`} data-check={check.id} data-verdict={check.verdict}>
          <span class={`check__verdict verdict verdict--${check.verdict}`}>{t.verdicts[check.verdict]}</span>
          <span class="check__text">
            <span class="check__message">{check.message}</span>
            {check.verdict !== "pass" && check.tip && (
              <span class="check__tip">
                <strong>{t.tipPrefix}</strong> {check.tip}
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
