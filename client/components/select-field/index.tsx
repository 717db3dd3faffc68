import type { ComponentChildren } from "preact";
import { FieldError, describedBy } from "../field-error/index.tsx";

interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps {
  id: string;
  name?: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  /** The first, empty choice ("Select a province or territory"): no answer yet. Without it, a choice is always made. */
  placeholder?: string;
  options: SelectOption[];
  autoComplete?: string;
}

/** A labelled `<select>` with its hint and inline error, wired like TextField. */
export function SelectField(props: SelectFieldProps) {
  const { id, error, hint } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const fieldDescribedBy = describedBy(hintId, errorId);
  return (
    <div class={error ? "field field--error" : "field"}>
      <label class="field__label" for={id}>
        {props.label}
      </label>
      {hint && (
        <div class="field__hint" id={hintId}>
          {hint}
        </div>
      )}
      <FieldError id={errorId} error={error} />
      <select
        class="input select"
        id={id}
        name={props.name ?? id}
        value={props.value}
        onChange={(event) => props.onValue(event.currentTarget.value)}
        autoComplete={props.autoComplete}
        aria-describedby={fieldDescribedBy}
        aria-invalid={error ? "true" : undefined}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
