import type { ComponentChildren } from "preact";

interface FilterFormProps {
  /** Block class: `queue-filters` or `audit-filters`; the button sits in `<class>__action`. */
  class: "queue-filters" | "audit-filters";
  /** The form's accessible name (a landmark for screen-reader users). */
  label?: string;
  /** "search" when the form searches the list (the queue). */
  role?: "search";
  applyLabel: string;
  onApply: () => void;
  children: ComponentChildren;
}

/** The officers' filter forms (queue, follow-up, audit): the fields, then one Apply button. */
export function FilterForm(props: FilterFormProps) {
  return (
    <form
      class={props.class}
      role={props.role}
      aria-label={props.label}
      onSubmit={(event) => {
        event.preventDefault();
        props.onApply();
      }}
    >
      {props.children}
      <div class={`${props.class}__action`}>
        <button type="submit" class="button button--secondary">
          {props.applyLabel}
        </button>
      </div>
    </form>
  );
}

/**
 * Writes applied filters into the address without a new history entry, so a
 * filtered list can be reloaded or shared; empty values are left out.
 */
export function showFiltersInAddress(values: Record<string, string>): void {
  const url = new URL(location.href);
  for (const [name, value] of Object.entries(values)) {
    if (value.trim()) url.searchParams.set(name, value.trim());
    else url.searchParams.delete(name);
  }
  history.replaceState(history.state, "", url.pathname + url.search);
}
