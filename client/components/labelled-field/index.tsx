import type { ComponentChildren } from "preact";
import { FieldError, describedBy } from "../field-error/index.tsx";

interface LabelledFieldProps {
  /** The id of the control inside, which the label names. */
  id: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  /** The control, given the `aria-describedby` value it must carry (its hint and error, in that order). */
  children: (describedBy: string | undefined) => ComponentChildren;
}

/**
 * The frame every single control sits in: its label, hint and inline error (GOV.UK order: the error
 * between the hint and the control), and the red bar while it has an error. The ids follow one rule,
 * `<id>-hint` and `<id>-error`, so a screen reader hears the hint and the error with the control.
 */
export function LabelledField({ id, label, hint, error, children }: LabelledFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div class={error ? "field field--error" : "field"}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {hint && (
        <div class="field__hint" id={hintId}>
          {hint}
        </div>
      )}
      <FieldError id={errorId} error={error} />
      {children(describedBy(hintId, errorId))}
    </div>
  );
}
