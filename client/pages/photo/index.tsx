import { useLayoutEffect, useRef, useState } from "preact/hooks";
import { Button } from "../../components/button/index.tsx";
import { Checkbox } from "../../components/checkbox/index.tsx";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { Notice } from "../../components/notice/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { PersonLoadFailed, PersonLoading } from "../../components/person-load/index.tsx";
import { PhotoChecks } from "../../components/photo-checks/index.tsx";
import { apiRequest, uploadPhoto, type PersonDetail, type PhotoCheck, type PhotoRecord } from "../../lib/api.ts";
import { setFlash } from "../../lib/flash.ts";
import { format, fullName } from "../../lib/format.ts";
import { navigate } from "../../lib/router.ts";
import { errorsFromApi, useFormErrors, type FormError } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { isNotFound } from "../../lib/use-api.ts";
import { usePerson } from "../../lib/use-person.ts";
import { photoImageUrl, usePhoto } from "../../lib/use-photo.ts";
import NotFoundPage from "../not-found/index.tsx";
import { FieldError } from "../../components/field-error/index.tsx";
import { type EditedPhoto, PhotoEditor } from "../../components/photo-editor/index.tsx";
import { AnotherWayForm } from "../../components/another-way/index.tsx";
import { PhotoExceptionForm } from "../../components/photo-exception/index.tsx";
import type { AnotherWayReceived } from "../../../shared/api/another-way.ts";
import { failuresExcusable } from "../../../shared/photo/exceptions.ts";

const FILE_INPUT_ID = "photo-file";
const ACKNOWLEDGE_ID = "acknowledge";

function fieldId(field: string | undefined): string | undefined {
  if (field === "file") return FILE_INPUT_ID;
  if (field === "acknowledge") return ACKNOWLEDGE_ID;
  return undefined;
}

function headingFor(person: PersonDetail, t: { headingSelf: string; headingFor: string }): string {
  return person.isSelf ? t.headingSelf : format(t.headingFor, { name: fullName(person) });
}

/** What the photo must be, in plain words, read before choosing a file. */
function Requirements() {
  const { m } = useI18n();
  const t = m.photo;
  return (
    <div class="rules">
      <h2 class="rules__heading">{t.requirementsHeading}</h2>
      <ul>
        {Object.entries(t.requirements).map(([key, text]) => (
          <li key={key}>{text}</li>
        ))}
      </ul>
      <p>{t.privacy}</p>
    </div>
  );
}

/** The stored photo in greyscale (as the card prints it) and its check results. */
function CurrentPhoto({
  person,
  photo,
  headingRef,
}: {
  person: PersonDetail;
  photo: PhotoRecord;
  headingRef?: { current: HTMLHeadingElement | null };
}) {
  const { m } = useI18n();
  const t = m.photo;
  return (
    <section class="photo-result" aria-labelledby="current-photo-heading">
      <h2 id="current-photo-heading" tabIndex={headingRef ? -1 : undefined} ref={headingRef}>
        {t.currentHeading}
      </h2>
      {photo.exception && (
        <Notice kind="info">
          <p>{m.anotherWay.exception.sentText}</p>
        </Notice>
      )}
      {photo.uploadedByOfficer && (
        <Notice kind="info">
          <p>{m.anotherWay.mailedPhoto}</p>
        </Notice>
      )}
      <div class="photo-result__layout">
        <figure class="photo-figure">
          <img
            class="photo-preview photo-preview--greyscale"
            src={photoImageUrl(person.id, photo.photoId)}
            alt={person.isSelf ? t.imageAlt : format(t.imageAltFor, { name: fullName(person) })}
            width={photo.width}
            height={photo.height}
          />
          <figcaption>
            <span class="photo-figure__note">{t.greyscaleNote}</span>
            <span class="photo-figure__size">{format(t.dimensions, { width: photo.width, height: photo.height })}</span>
          </figcaption>
        </figure>
        <div class="photo-result__checks">
          <h3 id="current-checks-heading">{t.resultsHeading}</h3>
          <PhotoChecks checks={photo.checks} labelledBy="current-checks-heading" />
        </div>
      </div>
    </section>
  );
}

/** Submitted or accepted: shown, not changed. */
function LockedPhoto({ person, photo }: { person: PersonDetail; photo: PhotoRecord }) {
  const { m } = useI18n();
  const t = m.photo;
  const heading = headingFor(person, { headingSelf: t.lockedHeadingSelf, headingFor: t.lockedHeadingFor });
  usePageTitle(heading);
  return (
    <>
      <PageHeading>{heading}</PageHeading>
      <Notice kind={photo.state === "accepted" ? "success" : "info"}>
        <p>{photo.state === "accepted" ? t.acceptedText : t.submittedText}</p>
      </Notice>
      <CurrentPhoto person={person} photo={photo} />
      <p>
        <Link href="/home">{m.common.backToTasks}</Link>
      </p>
    </>
  );
}

type UploadState = { phase: "idle" } | { phase: "sending"; fraction: number } | { phase: "checking" };

/**
 * Crop the photo in the editor and Apply: it is uploaded (with progress) and the editor closes on
 * one result, the server's checks (the authority), with one primary action, "Save and continue"
 * (with a warning, acknowledge it first), and a secondary "Replace this photo" that opens the
 * editor again as it was left. A failed upload leaves the stored photo as it was.
 */
function PhotoForm({ person, initial }: { person: PersonDetail; initial: PhotoRecord | null }) {
  const { m, lang } = useI18n();
  const t = m.photo;
  const heading = headingFor(person, t);
  // A returned photo stays on record for the officer, but it is no longer the one to submit.
  const [photo, setPhoto] = useState<PhotoRecord | null>(initial?.state === "draft" ? initial : null);
  const returned = initial?.state === "returned" && photo === null;
  const [upload, setUpload] = useState<UploadState>({ phase: "idle" });
  const [failedChecks, setFailedChecks] = useState<PhotoCheck[]>([]);
  // The photo the checks refused, kept so it can be sent again with an explanation (decision 028).
  const [refused, setRefused] = useState<Blob | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [saving, setSaving] = useState(false);
  // The editor is open while there is no photo to continue with, or to replace the stored one.
  const [replacing, setReplacing] = useState(false);
  const editorOpen = photo === null || replacing;
  // Where focus goes when one view replaces the other (the control that had it is gone).
  const [focusTo, setFocusTo] = useState<"result" | "editor" | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const editorHeading = useRef<HTMLHeadingElement>(null);
  const form = useFormErrors();
  usePageTitle(heading, form.errors.length > 0);

  useLayoutEffect(() => {
    if (focusTo === "result") resultHeading.current?.focus();
    if (focusTo === "editor") editorHeading.current?.focus();
    if (focusTo) setFocusTo(null);
  }, [focusTo]);

  function openEditor() {
    form.clear();
    setReplacing(true);
    setFocusTo("editor");
  }

  function keepPhoto() {
    form.clear();
    setFailedChecks([]);
    setRefused(null);
    setReplacing(false);
    setFocusTo("result");
  }

  async function sendPhoto(edited: EditedPhoto) {
    if (upload.phase !== "idle") return;
    setUpload({ phase: "sending", fraction: 0 });
    const file = new File([edited.blob], "photo.jpg", { type: "image/jpeg" });
    const result = await uploadPhoto(person.id, file, {
      lang,
      onProgress: (fraction) => setUpload(fraction >= 1 ? { phase: "checking" } : { phase: "sending", fraction }),
    });
    setUpload({ phase: "idle" });
    if (result.ok) {
      form.clear();
      setFailedChecks([]);
      setAcknowledged(false);
      setPhoto({
        ...result.data,
        state: "draft",
        warningsAcknowledged: false,
        exception: null,
        uploadedByOfficer: false,
      });
      setReplacing(false);
      setFocusTo("result");
      return;
    }
    const failing = result.checks.filter((check) => check.verdict === "fail");
    setFailedChecks(failing);
    setRefused(failing.length > 0 ? edited.blob : null);
    const errors: FormError[] =
      failing.length > 0
        ? [
            { message: result.error.message },
            ...failing.map((check): FormError => ({ field: "file", message: check.message })),
          ]
        : [{ field: "file", message: result.error.message }];
    form.show(errors);
  }

  async function saveAndContinue(event: Event) {
    event.preventDefault();
    if (saving || !photo) return;
    if (photo.verdict === "warn" && !photo.warningsAcknowledged) {
      setSaving(true);
      // An unticked box is sent too: the server's message is the one shown.
      const result = await apiRequest<{ warningsAcknowledged: boolean }>(
        `/api/persons/${person.id}/photo/acknowledge`,
        {
          lang,
          body: { acknowledge: acknowledged },
        },
      );
      setSaving(false);
      if (!result.ok) {
        form.show(errorsFromApi(result.error));
        return;
      }
    }
    form.clear();
    setFlash("photoSaved", person.isSelf ? {} : { name: fullName(person) });
    navigate("/home");
  }

  const fileError = form.errorFor("file");
  const acknowledgeError = form.errorFor("acknowledge");
  const needsAcknowledgement = photo?.verdict === "warn" && !photo.warningsAcknowledged;

  return (
    <>
      <ErrorSummary errors={form.errors} attempt={form.attempt} idFor={fieldId} />
      <PageHeading>{heading}</PageHeading>
      {returned && (
        <Notice kind="warning">
          <p>{t.returnedText}</p>
        </Notice>
      )}
      {/* The intro points to the requirements: both are for choosing a photo. */}
      {editorOpen && (
        <>
          <p>{t.intro}</p>
          <Requirements />
        </>
      )}

      {/* Announces the upload's outcome without moving focus. */}
      <div aria-live="polite">
        {upload.phase === "checking" && <p class="upload-status">{t.checking}</p>}
        {failedChecks.length > 0 && (
          <section class="photo-failed" aria-labelledby="failed-heading">
            <h2 id="failed-heading">{t.failedHeading}</h2>
            <p>{t.failedIntro}</p>
            <PhotoChecks checks={failedChecks} labelledBy="failed-heading" />
            {!failuresExcusable(failedChecks) && <p>{m.anotherWay.exception.notExcusable}</p>}
          </section>
        )}
        {photo && !editorOpen && failedChecks.length === 0 && photo.verdict !== "fail" && (
          <p class="upload-status">
            <strong>{photo.verdict === "pass" ? t.verdictPass : t.verdictWarn}</strong>
          </p>
        )}
      </div>

      {refused && failedChecks.length > 0 && failuresExcusable(failedChecks) && (
        <PhotoExceptionForm
          personId={person.id}
          photo={refused}
          onStored={(stored) => {
            form.clear();
            setFailedChecks([]);
            setRefused(null);
            setPhoto({ ...stored, state: "draft", warningsAcknowledged: false, uploadedByOfficer: false });
            setReplacing(false);
            setFocusTo("result");
          }}
        />
      )}

      {photo && !editorOpen && (
        <>
          <CurrentPhoto person={person} photo={photo} headingRef={resultHeading} />
          <form noValidate onSubmit={saveAndContinue} class="photo-continue">
            {needsAcknowledgement && (
              <>
                <h3 class="declaration__heading">{t.acknowledgeHeading}</h3>
                <div class={acknowledgeError ? "field field--error" : "field"}>
                  <FieldError id="acknowledge-error" error={acknowledgeError} />
                  <Checkbox
                    id={ACKNOWLEDGE_ID}
                    label={t.acknowledgeLabel}
                    checked={acknowledged}
                    onChange={setAcknowledged}
                    describedBy={acknowledgeError ? "acknowledge-error" : undefined}
                    invalid={Boolean(acknowledgeError)}
                  />
                </div>
              </>
            )}
            {photo.verdict === "warn" && photo.warningsAcknowledged && <p>{t.acknowledged}</p>}
            <div class="form-actions">
              <Button busy={saving}>{t.saveAndContinue}</Button>
              <Button type="button" variant="secondary" onClick={openEditor}>
                {t.replacePhoto}
              </Button>
            </div>
          </form>
        </>
      )}

      {/* Hidden, not removed, once a photo is stored: "Replace this photo" opens it as it was left
          (the same file and crop to adjust, or another file). */}
      <section class="photo-upload" aria-labelledby="photo-upload-heading" hidden={!editorOpen}>
        <h2 id="photo-upload-heading" tabIndex={-1} ref={editorHeading}>
          {photo ? t.uploadHeadingReplace : t.uploadHeading}
        </h2>
        {photo && <p>{t.replaceHint}</p>}
        <PhotoEditor
          inputId={FILE_INPUT_ID}
          fileError={fileError}
          onFileProblem={(problem) => (problem ? form.show([{ field: "file", message: problem }]) : form.clear())}
          applyLabel={t.applyAndUpload}
          onApply={sendPhoto}
        />
        {upload.phase === "sending" && (
          <div class="field upload-progress">
            <label class="field__label" for="upload-progress">
              {t.uploading}
            </label>
            <progress id="upload-progress" max={100} value={Math.round(upload.fraction * 100)} />
          </div>
        )}
        {photo && (
          <div class="form-actions">
            <Button type="button" variant="secondary" onClick={keepPhoto}>
              {t.keepPhoto}
            </Button>
          </div>
        )}
      </section>

      <p>
        <Link href="/photo-check">{t.checkLink}</Link>
      </p>
      <details class="another-way-details">
        <summary>{m.anotherWay.photoSummary}</summary>
        <AnotherWayForm
          idPrefix="photo-another-way"
          heading={false}
          send={(body) => apiRequest<AnotherWayReceived>(`/api/persons/${person.id}/another-way`, { lang, body })}
        />
      </details>
      <p>
        <Link href="/home">{m.common.backToTasks}</Link>
      </p>
    </>
  );
}

/** `/persons/:id/photo`: the PR card photo, with the automatic checks' results. */
export default function PhotoPage({ personId }: { personId: number }) {
  const { m } = useI18n();
  const load = usePerson(personId);
  const photoLoad = usePhoto(personId);
  if (isNotFound(load)) return <NotFoundPage />;
  const failure = load.state === "failed" ? load.error : photoLoad.state === "failed" ? photoLoad.error : null;
  const photo = photoLoad.state === "loaded" ? (photoLoad.data ?? null) : null;
  const locked = photo !== null && (photo.state === "submitted" || photo.state === "accepted");
  return (
    <div class="narrow">
      {failure && <PersonLoadFailed title={m.photo.headingSelf} message={failure.message} />}
      {!failure && (load.state === "loading" || photoLoad.state === "loading") && (
        <PersonLoading title={m.photo.headingSelf} />
      )}
      {load.state === "loaded" && photoLoad.state === "loaded" && photo && locked && (
        <LockedPhoto person={load.data} photo={photo} />
      )}
      {load.state === "loaded" && photoLoad.state === "loaded" && !locked && (
        <PhotoForm person={load.data} initial={photo} />
      )}
    </div>
  );
}
