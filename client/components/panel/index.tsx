import type { ComponentChildren } from "preact";
import { PageHeading } from "../page-heading/index.tsx";

interface PanelProps {
  heading: ComponentChildren;
  kind?: "success" | "info" | "warning";
  children: ComponentChildren;
}

/**
 * A page-level result (confirmation, or why a link does not work). Its heading
 * is the page's <h1> and takes focus, since it replaces the form in place.
 */
export function Panel({ heading, kind = "success", children }: PanelProps) {
  return (
    <div class={`panel panel--${kind}`}>
      <PageHeading focusOnMount>{heading}</PageHeading>
      <div class="panel__body">{children}</div>
    </div>
  );
}
