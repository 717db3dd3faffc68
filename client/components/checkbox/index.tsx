import type { ComponentChildren } from "preact";

interface CheckboxProps {
  id: string;
  label: ComponentChildren;
  checked: boolean;
  onChange: (checked: boolean) => void;
  describedBy?: string | undefined;
  invalid?: boolean;
}

/** One checkbox with its label after it. */
export function Checkbox(props: CheckboxProps) {
  return (
    <div class="choice">
      <input
        class="choice__input"
        type="checkbox"
        id={props.id}
        name={props.id}
        checked={props.checked}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid ? "true" : undefined}
      />
      <label class="choice__label" for={props.id}>
        {props.label}
      </label>
    </div>
  );
}
