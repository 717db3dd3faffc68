import type { ComponentChildren } from "preact";
import { useI18n } from "../../lib/use-i18n.ts";

interface LinkProps {
  /** An app path such as "/sign-in"; `?lang=` is added so the link also works in a new tab. */
  href: string;
  children: ComponentChildren;
  class?: string;
  /** Ids of elements that describe the link (a task's status). */
  describedBy?: string;
}

/** A link to another page of the app (the router intercepts the click). */
export function Link({ href, children, class: className, describedBy }: LinkProps) {
  const { lang } = useI18n();
  const [path, hash] = href.split("#", 2);
  const separator = (path ?? "").includes("?") ? "&" : "?";
  const withLang = `${path}${separator}lang=${lang}${hash === undefined ? "" : `#${hash}`}`;
  return (
    <a href={withLang} class={className} aria-describedby={describedBy}>
      {children}
    </a>
  );
}
