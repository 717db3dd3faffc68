import { TextField } from "../text-field/index.tsx";

interface OneTimeCodeFieldProps {
  id: string;
  label: string;
  hint: string;
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
}

/**
 * The six-digit code of an officer's authenticator app: sent as `code`, offered to the phone's
 * one-time-code autofill, with the numeric keyboard.
 */
export function OneTimeCodeField(props: OneTimeCodeFieldProps) {
  return (
    <TextField
      id={props.id}
      name="code"
      label={props.label}
      hint={props.hint}
      autoComplete="one-time-code"
      inputMode="numeric"
      code
      width="short"
      value={props.value}
      onValue={props.onValue}
      error={props.error}
    />
  );
}
