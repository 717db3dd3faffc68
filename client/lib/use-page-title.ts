import { useEffect } from "preact/hooks";
import { format } from "./format.ts";
import { useI18n } from "./use-i18n.ts";

/**
 * Sets `document.title` for the page, again on every language change, with
 * an "Error:" prefix while the page shows errors (so it is heard first).
 */
export function usePageTitle(page: string, hasErrors = false): void {
  const { m } = useI18n();
  const template = hasErrors ? m.layout.titleErrorTemplate : m.layout.titleTemplate;
  lastTitle = format(template, { page });
  useEffect(() => {
    document.title = format(template, { page });
  }, [template, page]);
}

let lastTitle = "";

/** The title the last render asked for, then forgotten: the build's prerender writes it into <title>. */
export function takeRenderedTitle(): string {
  const title = lastTitle;
  lastTitle = "";
  return title;
}
