import type { ComponentChildren } from "preact";
import { LabelledField } from "../labelled-field/index.tsx";

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
  const { id, error } = props;
  return (
    <LabelledField id={id} label={props.label} hint={props.hint} error={error}>
      {(fieldDescribedBy) => (
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
      )}
    </LabelledField>
  );
}
