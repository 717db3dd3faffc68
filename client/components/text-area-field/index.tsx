import type { ComponentChildren } from "preact";
import { LabelledField } from "../labelled-field/index.tsx";

interface TextAreaFieldProps {
  id: string;
  name?: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  /** The route's own limit (from shared/api/): the browser stops typing there, the server still checks. */
  maxLength: number;
  rows?: number;
}

/** A labelled, full-width text area for a person's own words (a reason, a note), wired like TextField. */
export function TextAreaField(props: TextAreaFieldProps) {
  const { id, error } = props;
  return (
    <LabelledField id={id} label={props.label} hint={props.hint} error={error}>
      {(fieldDescribedBy) => (
        <textarea
          id={id}
          name={props.name ?? id}
          class="input input--full textarea"
          rows={props.rows ?? 4}
          maxLength={props.maxLength}
          value={props.value}
          aria-describedby={fieldDescribedBy}
          aria-invalid={error ? "true" : undefined}
          onInput={(event) => props.onValue(event.currentTarget.value)}
        />
      )}
    </LabelledField>
  );
}
