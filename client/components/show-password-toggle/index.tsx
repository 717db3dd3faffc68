interface ShowPasswordToggleProps {
  pressed: boolean;
  onToggle: () => void;
  label: string;
  /** Space-separated ids of the password inputs it reveals. */
  controls: string;
}

/** A toggle button (aria-pressed) that shows the typed password(s) as plain text. */
export function ShowPasswordToggle({ pressed, onToggle, label, controls }: ShowPasswordToggleProps) {
  return (
    <div class="field">
      <button
        type="button"
        class="toggle-button"
        aria-pressed={pressed ? "true" : "false"}
        aria-controls={controls}
        onClick={onToggle}
      >
        <span class="toggle-button__box" aria-hidden="true" />
        {label}
      </button>
    </div>
  );
}
