import type { ComponentChildren } from "preact";
import { LabelledField } from "../labelled-field/index.tsx";

interface TextFieldProps {
  id: string;
  name?: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  value: string;
  onValue: (value: string) => void;
  type?: "text" | "email" | "password" | "search";
  autoComplete?: string;
  /** Usernames, passwords and emails: no autocorrect, no capitals, no spellcheck. */
  verbatim?: boolean;
  /** Codes such as a postal code: the phone keyboard starts in capitals; no autocorrect, no spellcheck. */
  code?: boolean;
  width?: "full" | "medium" | "short";
  /** The phone keyboard to show ("numeric" for a one-time code). */
  inputMode?: "numeric" | "text";
}

/** A labelled input with its hint and inline error, wired with aria-describedby and aria-invalid. */
export function TextField(props: TextFieldProps) {
  const { id, error } = props;
  return (
    <LabelledField id={id} label={props.label} hint={props.hint} error={error}>
      {(fieldDescribedBy) => (
        <input
          class={`input input--${props.width ?? "medium"}`}
          id={id}
          name={props.name ?? id}
          // Preact's typings pick the allowed attributes from a literal `type`;
          // text, email and password all accept the same ones used here.
          type={(props.type ?? "text") as "text"}
          value={props.value}
          onInput={(event) => props.onValue(event.currentTarget.value)}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          aria-describedby={fieldDescribedBy}
          aria-invalid={error ? "true" : undefined}
          spellcheck={props.verbatim || props.code ? false : undefined}
          autoCapitalize={props.verbatim ? "none" : props.code ? "characters" : undefined}
          autoCorrect={props.verbatim || props.code ? "off" : undefined}
        />
      )}
    </LabelledField>
  );
}
