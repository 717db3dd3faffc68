import { useState } from "preact/hooks";
import { Notice } from "../../../components/notice/index.tsx";
import { SelectField } from "../../../components/select-field/index.tsx";
import { TextAreaField } from "../../../components/text-area-field/index.tsx";
import { format } from "../../../lib/format.ts";
import { useApi } from "../../../lib/use-api.ts";
import { errorsFromApi, type FormError, useFormErrors } from "../../../lib/use-form-errors.ts";
import { useI18n } from "../../../lib/use-i18n.ts";
import { isBlank } from "../../../lib/validate.ts";
import { reviewRequest } from "../../api.ts";
import { AnotherWayRequest } from "./request.tsx";
import {
  ANOTHER_WAY_KINDS,
  type AnotherWayItem,
  type FollowUpOpened,
  REASON_MAX_LENGTH,
} from "../../../../shared/api/another-way.ts";

/**
 * The decision page's follow-up for another way (decision 028): for a person who asked outside the
 * portal (a letter, a photo received by mail, a call), the officer opens a follow-up, then records its
 * outcomes here as on the follow-up list; the person's requests made on the portal show here too.
 */
export function OfficerAnotherWay({ personId, onRecorded }: { personId: number; onRecorded?: () => void }) {
  const { m, lang } = useI18n();
  const t = m.anotherWay.officer;
  const p = t.person;
  const [round, setRound] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [kind, setKind] = useState<string>(ANOTHER_WAY_KINDS[0]);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const form = useFormErrors();
  const load = useApi<{ items: AnotherWayItem[] }>(`/review/api/persons/${personId}/another-way`, {
    request: reviewRequest,
    key: round,
  });

  async function open(event: Event) {
    event.preventDefault();
    if (busy) return;
    if (isBlank(note)) {
      form.show([{ field: "note", message: (mm) => mm.anotherWay.officer.person.noteRequired } satisfies FormError]);
      document.getElementById("follow-up-note")?.focus();
      return;
    }
    setBusy(true);
    const result = await reviewRequest<FollowUpOpened>(`/review/api/persons/${personId}/another-way/open`, {
      lang,
      body: { kind, note },
    });
    setBusy(false);
    if (!result.ok) {
      form.show(errorsFromApi(result.error));
      return;
    }
    form.clear();
    setNote("");
    setDone(result.data.created ? p.opened : p.alreadyOpen);
    setRound((n) => n + 1);
  }

  return (
    <section aria-labelledby="another-way-heading">
      <h2 id="another-way-heading">{p.heading}</h2>
      <p>{p.intro}</p>
      <div aria-live="polite">
        {done && (
          <Notice kind="success">
            <p>{done}</p>
          </Notice>
        )}
      </div>
      {load.state === "failed" ? (
        <div class="notice notice--warning" role="alert">
          <p>{load.error.message}</p>
        </div>
      ) : load.state === "loaded" && load.data.items.length === 0 ? (
        <p>{p.none}</p>
      ) : load.state === "loaded" ? (
        <ol class="queue">
          {load.data.items.map((item) => (
            <AnotherWayRequest
              key={item.requestId}
              item={item}
              onDecisionPage
              onRecorded={(name) => {
                setDone(format(t.recorded, { name }));
                setRound((n) => n + 1);
                // The page around it may show what the outcome changed (a mailed photo completes the photo task).
                onRecorded?.();
              }}
            />
          ))}
        </ol>
      ) : null}
      <form noValidate onSubmit={open} class="another-way-open">
        <h3>{p.openHeading}</h3>
        {form.errors.some((e) => !e.field) && (
          <div class="notice notice--warning" role="alert">
            <p>{form.errors.find((e) => !e.field)!.message}</p>
          </div>
        )}
        <SelectField
          id="follow-up-kind"
          label={p.kindLabel}
          value={kind}
          onValue={setKind}
          error={form.errorFor("kind")}
          options={ANOTHER_WAY_KINDS.map((k) => ({ value: k, label: t.kinds[k] }))}
        />
        <TextAreaField
          id="follow-up-note"
          label={p.noteLabel}
          hint={p.noteHint}
          value={note}
          onValue={setNote}
          error={form.errorFor("note")}
          maxLength={REASON_MAX_LENGTH}
          rows={3}
        />
        <div class="form-actions">
          <button type="submit" class="button button--secondary" aria-disabled={busy ? "true" : undefined}>
            {p.open}
          </button>
        </div>
      </form>
    </section>
  );
}
