import type { ComponentChildren } from "preact";
import { FieldError, describedBy } from "../field-error/index.tsx";

interface RadioOption {
  value: string;
  label: ComponentChildren;
}

interface RadioGroupProps {
  /** Each radio's id is `${idPrefix}-${value}`; the first one is what the error summary links to. */
  idPrefix: string;
  name: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  value: string | null;
  options: RadioOption[];
  onChange: (value: string) => void;
  inline?: boolean;
}

/** A question answered with radios: a fieldset whose legend is the question. */
export function RadioGroup(props: RadioGroupProps) {
  const { idPrefix, error, hint } = props;
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  const errorId = error ? `${idPrefix}-error` : undefined;
  const fieldDescribedBy = describedBy(hintId, errorId);
  return (
    <div class={error ? "field field--error" : "field"}>
      <fieldset class="fieldset" aria-describedby={fieldDescribedBy}>
        <legend class="fieldset__legend">{props.legend}</legend>
        {hint && (
          <div class="field__hint" id={hintId}>
            {hint}
          </div>
        )}
        <FieldError id={errorId} error={error} />
        <div class={props.inline ? "choices choices--inline" : "choices"}>
          {props.options.map((option) => {
            const id = `${idPrefix}-${option.value}`;
            return (
              <div class="choice" key={option.value}>
                <input
                  class="choice__input"
                  type="radio"
                  id={id}
                  name={props.name}
                  value={option.value}
                  checked={props.value === option.value}
                  onChange={() => props.onChange(option.value)}
                />
                <label class="choice__label" for={id}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
