import { useLayoutEffect, useRef } from "preact/hooks";
import type { ShownError } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";

interface ErrorSummaryProps {
  errors: ShownError[];
  /** Changes on every failed submit: the summary takes focus each time. */
  attempt: number;
  /**
   * The id of the input an API field refers to; undefined for no link.
   * `field` is undefined for a form-wide error (wrong username or password).
   */
  idFor: (field: string | undefined) => string | undefined;
}

/** Puts the field's label (or the legend of its group) in view, then focuses the field. */
function focusField(id: string): void {
  const field = document.getElementById(id);
  if (!field) return;
  const legend = field.closest("fieldset")?.querySelector("legend");
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  const anchor = field.getAttribute("type") === "radio" && legend ? legend : (label ?? field);
  anchor.scrollIntoView({ block: "start" });
  field.focus({ preventScroll: true });
}

/**
 * "There is a problem": shown at the top of the page after a failed submit,
 * focused, with one link per error that moves to its field.
 */
export function ErrorSummary({ errors, attempt, idFor }: ErrorSummaryProps) {
  const { m } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  // Focused before it is first painted (a layout effect), so what the user sees and where focus
  // is never disagree, even for a moment.
  useLayoutEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [attempt]);
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="group" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" class="error-summary__title">
        {m.common.errorSummaryTitle}
      </h2>
      <ul class="error-summary__list">
        {errors.map((error, index) => {
          const id = idFor(error.field);
          return (
            <li key={`${error.field ?? "form"}-${index}`}>
              {id === undefined ? (
                error.message
              ) : (
                <a
                  href={`#${id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(id);
                  }}
                >
                  {error.message}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
