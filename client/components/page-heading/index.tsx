import type { ComponentChildren } from "preact";
import { useLayoutEffect, useRef } from "preact/hooks";
import { takeHeadingFocus } from "../../lib/router.ts";

interface PageHeadingProps {
  children: ComponentChildren;
  /** Take focus when shown even without a navigation (a confirmation replacing a form). */
  focusOnMount?: boolean;
}

/** The page's <h1>. After a navigation it takes focus, so the new page is announced from its title. */
export function PageHeading({ children, focusOnMount = false }: PageHeadingProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  // A layout effect, not an effect: focus moves before the heading is first painted, so a key
  // pressed as soon as the page shows acts from the heading instead of being undone by a late
  // focus() (seen in the keyboard journey test on a busy machine).
  useLayoutEffect(() => {
    // Always consume the pending focus, so a later heading does not steal it.
    const pending = takeHeadingFocus();
    if (pending || focusOnMount) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
