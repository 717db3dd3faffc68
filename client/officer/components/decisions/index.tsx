import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { schemaProblems } from "../../../../shared/api/problems.ts";
import { Button } from "../../../components/button/index.tsx";
import { CardMailedCorrection } from "../card-mailed-correction/index.tsx";
import { Checkbox } from "../../../components/checkbox/index.tsx";
import { ErrorSummary } from "../../../components/error-summary/index.tsx";
import { FieldError } from "../../../components/field-error/index.tsx";
import { TextAreaField } from "../../../components/text-area-field/index.tsx";
import { TextField } from "../../../components/text-field/index.tsx";
import { format, formatDateTime, formatLongDate } from "../../../lib/format.ts";
import { RETURN_REASON_IDS, type ReturnReason } from "../../../../shared/photo/return-reasons.ts";
import { reviewRequest, type ReviewItem } from "../../api.ts";
import type { ApiError } from "../../../lib/request.ts";
import { errorsFromApi, useFormErrors, type FormError } from "../../../lib/use-form-errors.ts";
import { useI18n } from "../../../lib/use-i18n.ts";
import { NOTE_MAX_LENGTH, ReturnBody, type ReturnInput } from "../../../../shared/api/review-requests.ts";

interface Draft {
  reasons: ReturnReason[];
  note: string;
  producedOn: string;
  mailedOn: string;
}

const EMPTY: Draft = { reasons: [], note: "", producedOn: "", mailedOn: "" };

/*
 * What the officer typed is kept in sessionStorage per item, so a claim that
 * expired, a racing officer's 409 or a session timeout (sign in again, come
 * back) loses nothing. It is cleared once the decision is recorded.
 */
const draftKey = (submissionId: number) => `officer-draft:${submissionId}`;

function readDraft(submissionId: number): Draft {
  try {
    const stored = sessionStorage.getItem(draftKey(submissionId));
    return stored ? { ...EMPTY, ...(JSON.parse(stored) as Partial<Draft>) } : EMPTY;
  } catch {
    return EMPTY;
  }
}

function writeDraft(submissionId: number, draft: Draft | null): void {
  try {
    if (draft) sessionStorage.setItem(draftKey(submissionId), JSON.stringify(draft));
    else sessionStorage.removeItem(draftKey(submissionId));
  } catch {
    // Storage disabled: the draft still lives in the page until it is left.
  }
}

const FIELD_IDS: Record<string, string> = {
  reasons: `reason-${RETURN_REASON_IDS[0]}`,
  note: "return-note",
  producedOn: "card-produced",
  mailedOn: "card-mailed",
};

interface OfficerDecisionsProps {
  item: ReviewItem;
  officerId: number;
  /** Supervisors may correct a recorded mailing date. */
  supervisor: boolean;
  /** Reload the item after a change (the page shows what is now true). */
  onChanged: () => Promise<void>;
}

/**
 * The claim and the decisions on one item: accept or return the photo (with
 * reasons and a note), confirm PR status, record the card produced/mailed.
 * A refused decision is explained in plain words, with what to do next.
 */
export function OfficerDecisions({ item, officerId, supervisor, onChanged }: OfficerDecisionsProps) {
  const { m, lang } = useI18n();
  const t = m.officer.decide;
  const submissionId = item.submission.id;
  const [draft, setDraftState] = useState<Draft>(() => readDraft(submissionId));
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ text: string; claimAgain: boolean } | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const form = useFormErrors();

  const setDraft = (change: Partial<Draft>) =>
    setDraftState((current) => {
      const next = { ...current, ...change };
      writeDraft(submissionId, next);
      return next;
    });

  // Layout effects: the message has focus from its first paint (see PageHeading).
  useLayoutEffect(() => {
    if (refusal) refusalRef.current?.focus();
  }, [refusal]);
  useLayoutEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const claim = item.claim;
  const mine = claim?.officerId === officerId;
  const awaiting = item.photo.state === "submitted";

  /** Turns a refused decision into plain words and the next step; nothing typed is cleared. */
  function explain(error: ApiError): void {
    const heldByOther = claim !== null && !mine && claim.until > new Date().toISOString();
    if (error.code === "claim_required" && heldByOther)
      setRefusal({
        text: format(t.claimedByOther, { name: claim.name, time: formatDateTime(claim.until, lang) }),
        claimAgain: false,
      });
    else if (error.code === "claim_required")
      setRefusal({ text: mine ? t.claimExpired : t.claimFirst, claimAgain: true });
    else if (error.code === "claimed_by_other") setRefusal({ text: error.message, claimAgain: false });
    else if (error.code === "already_decided") setRefusal({ text: t.alreadyDecided, claimAgain: false });
    else if (error.fields?.length) form.show(errorsFromApi(error));
    else setRefusal({ text: error.message, claimAgain: false });
  }

  async function run(path: string, body: unknown, success: string, clearDraft: boolean): Promise<void> {
    if (busy) return;
    setBusy(true);
    setRefusal(null);
    setDone(null);
    const result = await reviewRequest(path, { lang, body });
    setBusy(false);
    if (result.ok) {
      form.clear();
      if (clearDraft) {
        writeDraft(submissionId, null);
        setDraftState(EMPTY);
      }
      setDone(success);
      await onChanged();
      return;
    }
    explain(result.error);
    // The item may have changed under us (decided, reclaimed): show it as it is now.
    if (result.status === 409) await onChanged();
  }

  const claimItem = () => run(`/review/api/items/${submissionId}/claim`, {}, t.claimed, false);
  const accept = () => run(`/review/api/items/${submissionId}/accept`, {}, t.acceptedDone, true);

  function returnPhoto(event: Event) {
    event.preventDefault();
    const body: ReturnInput = { reasons: draft.reasons, note: draft.note };
    // The route's rules (shared/api/review-requests.ts: at least one known reason), in this page's words.
    const problems: FormError[] = schemaProblems(ReturnBody, body).map(() => ({
      field: "reasons",
      message: (m) => m.officer.decide.reasonsRequired,
    }));
    // The page asks more than the route: a note to explain "other".
    if (draft.reasons.includes("other") && draft.note.trim() === "")
      problems.push({ field: "note", message: (m) => m.officer.decide.noteRequiredForOther });
    if (problems.length) {
      form.show(problems);
      return;
    }
    run(`/review/api/items/${submissionId}/return`, body, t.returnedDone, true);
  }

  const confirmPr = () => run(`/review/api/persons/${item.person.id}/confirm-pr`, {}, t.confirmedDone, false);

  function recordCard(event: Event) {
    event.preventDefault();
    const problems: FormError[] = [];
    const valid = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);
    if (!draft.producedOn.trim() && !draft.mailedOn.trim())
      problems.push({ field: "producedOn", message: (m) => m.officer.decide.cardDateRequired });
    if (draft.producedOn.trim() && !valid(draft.producedOn.trim()))
      problems.push({ field: "producedOn", message: (m) => m.officer.decide.dateFormat });
    if (draft.mailedOn.trim() && !valid(draft.mailedOn.trim()))
      problems.push({ field: "mailedOn", message: (m) => m.officer.decide.dateFormat });
    if (problems.length) {
      form.show(problems);
      return;
    }
    run(
      `/review/api/persons/${item.person.id}/card`,
      { producedOn: draft.producedOn.trim(), mailedOn: draft.mailedOn.trim() },
      t.cardDone,
      true,
    );
  }

  const reasonsError = form.errorFor("reasons");

  return (
    <section class="officer-decisions" aria-labelledby="decide-heading">
      <ErrorSummary
        errors={form.errors}
        attempt={form.attempt}
        idFor={(field) => (field ? FIELD_IDS[field] : undefined)}
      />
      <h2 id="decide-heading">{t.heading}</h2>

      {done && (
        <div class="notice notice--success" tabIndex={-1} ref={doneRef} role="status">
          <p>{done}</p>
        </div>
      )}
      {refusal && (
        <div class="notice notice--warning" tabIndex={-1} ref={refusalRef} role="alert">
          <p>{refusal.text}</p>
          {refusal.claimAgain && (
            <Button type="button" variant="secondary" busy={busy} onClick={claimItem}>
              {t.claimAgain}
            </Button>
          )}
        </div>
      )}

      {awaiting && (
        <>
          <div class="notice officer-claim">
            {claim === null && <p>{t.notClaimed}</p>}
            {claim !== null && mine && <p>{format(t.claimedByYou, { time: formatDateTime(claim.until, lang) })}</p>}
            {claim !== null && !mine && (
              <p>{format(t.claimedByOther, { name: claim.name, time: formatDateTime(claim.until, lang) })}</p>
            )}
            {!mine && (
              <Button type="button" variant="secondary" busy={busy} onClick={claimItem}>
                {claim === null ? t.claim : t.claimWhenFree}
              </Button>
            )}
          </div>

          <h3>{t.acceptHeading}</h3>
          <p>{t.acceptText}</p>
          <div class="form-actions">
            <Button type="button" busy={busy} onClick={accept}>
              {t.acceptButton}
            </Button>
          </div>

          <h3>{t.returnHeading}</h3>
          <form noValidate onSubmit={returnPhoto}>
            <fieldset
              class={reasonsError ? "fieldset field--error" : "fieldset"}
              aria-describedby={reasonsError ? "reasons-error return-reasons-hint" : "return-reasons-hint"}
            >
              <legend class="fieldset__legend">{t.reasonsLegend}</legend>
              <div class="field__hint" id="return-reasons-hint">
                {t.reasonsHint}
              </div>
              <FieldError id={reasonsError ? "reasons-error" : undefined} error={reasonsError} />
              <div class="choices">
                {RETURN_REASON_IDS.map((reason) => (
                  <Checkbox
                    key={reason}
                    id={`reason-${reason}`}
                    label={m.officer.reasons[reason]}
                    checked={draft.reasons.includes(reason)}
                    invalid={Boolean(reasonsError)}
                    onChange={(checked) =>
                      setDraft({
                        reasons: checked ? [...draft.reasons, reason] : draft.reasons.filter((r) => r !== reason),
                      })
                    }
                  />
                ))}
              </div>
            </fieldset>
            <TextAreaField
              id="return-note"
              label={t.noteLabel}
              hint={format(t.noteHint, { language: m.officer.item.languages[item.person.language] })}
              error={form.errorFor("note")}
              maxLength={NOTE_MAX_LENGTH}
              value={draft.note}
              onValue={(note) => setDraft({ note })}
            />
            <div class="form-actions">
              <Button variant="secondary" busy={busy}>
                {t.returnButton}
              </Button>
            </div>
          </form>
        </>
      )}

      {item.photo.state === "returned" && <p>{t.photoReturned}</p>}

      {item.photo.state === "accepted" && (
        <>
          <p>{t.photoAccepted}</p>
          <h3>{t.confirmHeading}</h3>
          {item.proofIssuedAt ? (
            <p>{format(t.confirmedOn, { date: formatDateTime(item.proofIssuedAt, lang) })}</p>
          ) : (
            <>
              <p>{t.confirmText}</p>
              <div class="form-actions">
                <Button type="button" busy={busy} onClick={confirmPr}>
                  {t.confirmButton}
                </Button>
              </div>
            </>
          )}

          <h3>{t.cardHeading}</h3>
          <dl class="facts">
            <div>
              <dt>{t.producedLabel}</dt>
              <dd>{item.card.producedOn ? formatLongDate(item.card.producedOn, lang, "UTC") : t.notYet}</dd>
            </div>
            <div>
              <dt>{t.mailedLabel}</dt>
              <dd>{item.card.mailedOn ? formatLongDate(item.card.mailedOn, lang, "UTC") : t.notYet}</dd>
            </div>
          </dl>
          {!item.card.mailedOn && (
            <form noValidate onSubmit={recordCard}>
              {!item.card.producedOn && (
                <TextField
                  id="card-produced"
                  name="producedOn"
                  label={t.producedLabel}
                  hint={t.dateHint}
                  code
                  width="short"
                  value={draft.producedOn}
                  onValue={(v) => setDraft({ producedOn: v })}
                  error={form.errorFor("producedOn")}
                />
              )}
              <TextField
                id="card-mailed"
                name="mailedOn"
                label={t.mailedLabel}
                hint={t.mailedHint}
                code
                width="short"
                value={draft.mailedOn}
                onValue={(v) => setDraft({ mailedOn: v })}
                error={form.errorFor("mailedOn")}
              />
              <div class="form-actions">
                <Button busy={busy}>{t.cardButton}</Button>
              </div>
            </form>
          )}
          {item.card.mailedOn && supervisor && (
            <CardMailedCorrection personId={item.person.id} mailedOn={item.card.mailedOn} onChanged={onChanged} />
          )}
        </>
      )}
    </section>
  );
}
