import type { ComponentChildren } from "preact";

interface ButtonProps {
  children: ComponentChildren;
  type?: "submit" | "button";
  variant?: "primary" | "secondary";
  /** A request is in flight: the button stays focusable but does nothing (aria-disabled). */
  busy?: boolean;
  onClick?: () => void;
}

/** A button that is never truly `disabled`, so focus is not lost while a request runs. */
export function Button({ children, type = "submit", variant = "primary", busy = false, onClick }: ButtonProps) {
  return (
    <button
      type={type}
      class={`button button--${variant}`}
      aria-disabled={busy ? "true" : undefined}
      onClick={(event) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.();
      }}
    >
      {children}
    </button>
  );
}
