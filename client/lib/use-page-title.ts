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
  useEffect(() => {
    document.title = format(template, { page });
  }, [template, page]);
}
