import { useI18n } from "../../lib/use-i18n.ts";

/** "Loading…", shown only if loading takes more than a moment (CSS delay), so fast loads do not flash. */
export function Loading() {
  const { m } = useI18n();
  return (
    <p class="loading" role="status">
      {m.common.loading}
    </p>
  );
}
