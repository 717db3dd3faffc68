import { useState } from "preact/hooks";
import { useI18n } from "../../lib/use-i18n.ts";
import { ShowPasswordToggle } from "../show-password-toggle/index.tsx";
import { TextField } from "../text-field/index.tsx";

interface CurrentPasswordFieldProps {
  id: string;
  /** The API field it fills (defaults to the id). */
  name?: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  error: string | undefined;
  width?: "full" | "medium";
  /** Sign-in pages offer "Show password" (typing blind on a phone locks people out); a password change does not. */
  showToggle?: boolean;
}

/**
 * The password a person already has (sign-in, or confirming a change): typed verbatim, offered to the
 * password manager as the current password, and optionally revealed by a toggle the input is wired to.
 */
export function CurrentPasswordField(props: CurrentPasswordFieldProps) {
  const { m } = useI18n();
  const [shown, setShown] = useState(false);
  return (
    <>
      <TextField
        id={props.id}
        name={props.name}
        label={props.label}
        width={props.width}
        type={shown ? "text" : "password"}
        autoComplete="current-password"
        verbatim
        value={props.value}
        onValue={props.onValue}
        error={props.error}
      />
      {props.showToggle && (
        <ShowPasswordToggle
          pressed={shown}
          onToggle={() => setShown((v) => !v)}
          label={m.common.showPassword}
          controls={props.id}
        />
      )}
    </>
  );
}
