import type { ComponentChildren } from "preact";

interface NoticeProps {
  kind: "info" | "success" | "warning";
  children: ComponentChildren;
}

/** A Canada.ca-style alert box: coloured left border, plain text. */
export function Notice({ kind, children }: NoticeProps) {
  return <div class={`notice notice--${kind}`}>{children}</div>;
}
