import { useI18n } from "../../lib/use-i18n.ts";

/**
 * The inline error beside a field, GOV.UK style: the same words as in the
 * error summary, with a visually hidden "Error:" so screen readers say why.
 * Renders nothing when there is no error.
 */
export function FieldError(props: { id: string | undefined; error: string | null | undefined }) {
  const { m } = useI18n();
  if (!props.error) return null;
  return (
    <p class="error-message" id={props.id}>
      <span class="visually-hidden">{m.common.errorPrefix} </span>
      {props.error}
    </p>
  );
}

/** The `aria-describedby` value for a field's hint and error ids, or undefined when there are none. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}
