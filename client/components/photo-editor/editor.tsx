import { useEffect, useRef, useState } from "preact/hooks";
import { describedBy, FieldError } from "../field-error/index.tsx";
import { PhotoChecks } from "../photo-checks/index.tsx";
import type { Messages } from "../../i18n/index.ts";
import { loadFaceDetector } from "../../lib/face-detector.ts";
import { format } from "../../lib/format.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { type CheckResult, checkFile, checkPixels, inLanguage } from "./checks.ts";
import { type Crop, MAX_ZOOM, centredCrop, cropAtZoom, outputSize, zoomCrop, zoomOf } from "./crop.ts";
import { Frame, ZOOM_STEP } from "./frame.tsx";
import { type LoadProblem, loadImage, loadProblemMessage } from "./load-image.ts";
import { drawCrop, encodeCrop } from "./render.ts";
import { useFacePlacement } from "./use-face-placement.ts";
import { useLiveChecks } from "./use-live-checks.ts";

/** What Apply hands to the page: the JPEG and the checks run on it. */
export interface EditedPhoto {
  blob: Blob;
  width: number;
  height: number;
  checks: CheckResult[];
}

export interface PhotoEditorProps {
  /** The file input's id (the page's error summary links to it). */
  inputId: string;
  /** An error to show at the file input (a file problem, or the page's, such as a failed upload). */
  fileError?: string | undefined;
  /** A problem with the chosen file (null once a file opens), for the page's error summary. */
  onFileProblem: (problem: ((m: Messages) => string) | null) => void;
  applyLabel: string;
  /** Called with the applied photo; the editor shows it as busy until the promise settles. */
  onApply: (photo: EditedPhoto) => Promise<void> | void;
}

const GREY_PREVIEW = { width: 250, height: 350 };

function summary(results: CheckResult[], m: Messages): string {
  const count = (verdict: CheckResult["verdict"]) => results.filter((r) => r.verdict === verdict).length;
  const t = m.photoEditor;
  if (count("fail") === 0 && count("warn") === 0) return t.summaryAllPass;
  return format(t.summary, { pass: count("pass"), warn: count("warn"), fail: count("fail") });
}

/**
 * The photo editor: choose a photo (picker or drag and drop), fit it to the 5:7 frame and the
 * head-size guide (crop and scale only), see it in black and white and the shared checks on the
 * crop as it will be sent, then Apply: the crop becomes a JPEG within the limits.
 */
export default function PhotoEditor({ inputId, fileError, onFileProblem, applyLabel, onApply }: PhotoEditorProps) {
  const { m, lang } = useI18n();
  const t = m.photoEditor;
  const [bitmap, setBitmap] = useState<ImageBitmap | null>(null);
  const [crop, setCrop] = useState<Crop | null>(null);
  const [opening, setOpening] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [applying, setApplying] = useState(false);
  const [applied, setApplied] = useState<{ crop: Crop; checks: CheckResult[] } | null>(null);
  // Once the person moves the photo, a late face placement must not move it again.
  const touched = useRef(false);
  const grey = useRef<HTMLCanvasElement>(null);
  const { detector, placement } = useFacePlacement(bitmap);
  const settled = placement.state !== "finding" && placement.state !== "idle";
  const live = useLiveChecks(bitmap, crop, placement.state === "unavailable" ? null : detector, settled);

  useEffect(() => {
    if (placement.state === "placed" && !touched.current) setCrop(placement.crop);
  }, [placement]);

  useEffect(() => {
    const context = grey.current?.getContext("2d");
    if (context && bitmap && crop) drawCrop(context, bitmap, crop, GREY_PREVIEW);
  }, [bitmap, crop]);

  async function open(file: File | undefined) {
    if (!file || opening) return;
    setOpening(true);
    const loaded = await loadImage(file);
    setOpening(false);
    if (!loaded.ok) {
      const problem: LoadProblem = loaded.problem;
      onFileProblem((msgs) => loadProblemMessage(problem, msgs));
      return;
    }
    onFileProblem(null);
    bitmap?.close();
    touched.current = false;
    setApplied(null);
    setBitmap(loaded.bitmap);
    setCrop(centredCrop(loaded.bitmap));
  }

  function changeCrop(update: (crop: Crop) => Crop) {
    touched.current = true;
    setCrop((current) => (current ? update(current) : current));
  }

  async function apply() {
    if (!bitmap || !crop || applying) return;
    // The applied crop is the person's choice: a face placement that arrives later must not move
    // it, or the editor would list the checks of another crop than the one sent (issue 15: "34 mm,
    // passes" beside the server's "23.8 mm, too small" for the same photo).
    touched.current = true;
    setApplying(true);
    try {
      let edited: EditedPhoto;
      try {
        const encoded = await encodeCrop(bitmap, crop, outputSize(crop));
        // The face checks too, as the server runs them, even when Apply comes before the face
        // worker has loaded (then it is waited for).
        const finder =
          detector ?? (placement.state === "unavailable" ? null : await loadFaceDetector().catch(() => null));
        const checks = [...(await checkFile(encoded.blob)), ...(await checkPixels(finder, encoded.pixels))];
        setApplied({ crop, checks });
        edited = { blob: encoded.blob, width: encoded.width, height: encoded.height, checks };
      } catch {
        // The browser could not encode it (out of memory), or not within 4 MB even at 715 px wide.
        onFileProblem((msgs) => msgs.photoEditor.applyFailed);
        return;
      }
      await onApply(edited);
    } finally {
      setApplying(false);
    }
  }

  const image = bitmap ? { width: bitmap.width, height: bitmap.height } : null;
  const zoom = image && crop ? zoomOf(crop, image) : 1;
  const size = crop ? outputSize(crop) : null;
  // After Apply, the list shows the checks of the applied photo (file checks included) until the crop moves.
  const shown = applied && applied.crop === crop ? applied.checks : live.forCrop === crop ? live.results : null;
  // While the checks run again, the previous results stay (dimmed) rather than flicker away.
  const listed = shown ?? live.results;
  const placementText =
    placement.state === "finding"
      ? t.findingFace
      : placement.state === "placed"
        ? t.placed
        : placement.state === "noFace"
          ? t.noFace
          : placement.state === "unavailable"
            ? t.detectorUnavailable
            : "";

  return (
    <div class="photo-editor">
      <div
        class={`${fileError ? "field field--error" : "field"} photo-editor__picker${dragging ? " photo-editor__picker--dragging" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void open(event.dataTransfer?.files[0]);
        }}
      >
        <label class="field__label" for={inputId}>
          {bitmap ? t.chooseAnotherLabel : t.chooseLabel}
        </label>
        <div class="field__hint" id={`${inputId}-hint`}>
          {t.chooseHint}
        </div>
        <FieldError id={`${inputId}-error`} error={fileError} />
        <input
          class="file-input"
          type="file"
          id={inputId}
          accept="image/jpeg,image/png"
          aria-describedby={describedBy(`${inputId}-hint`, fileError && `${inputId}-error`)}
          aria-invalid={fileError ? "true" : undefined}
          onChange={(event) => {
            const input = event.currentTarget;
            void open(input.files?.[0]).then(() => {
              // The same file chosen again (after a change elsewhere) must open again.
              input.value = "";
            });
          }}
        />
        {opening && <p class="photo-editor__status">{t.opening}</p>}
      </div>

      {bitmap && crop && image && size && (
        <>
          <p class="photo-editor__status" aria-live="polite">
            {placementText}
          </p>
          <div class="photo-editor__workspace">
            <div class="photo-editor__frame-column">
              <h3 id="photo-frame-label" class="photo-editor__label">
                {t.frameLabel}
              </h3>
              <Frame
                bitmap={bitmap}
                crop={crop}
                onCrop={changeCrop}
                labelId="photo-frame-label"
                helpId="photo-frame-help"
              />
              <p id="photo-frame-help" class="field__hint">
                {t.frameHelp} {t.guideHelp}
              </p>
              <label for="photo-zoom" class="field__label photo-editor__zoom-label">
                {t.zoomLabel}
              </label>
              <div class="photo-editor__zoom">
                <button
                  type="button"
                  class="button button--secondary photo-editor__zoom-button"
                  aria-label={t.zoomOut}
                  onClick={() => changeCrop((c) => zoomCrop(c, image, 1 / ZOOM_STEP))}
                >
                  −
                </button>
                <input
                  id="photo-zoom"
                  type="range"
                  min={100}
                  max={MAX_ZOOM * 100}
                  step={5}
                  value={Math.round(zoom * 100)}
                  aria-valuetext={format(t.zoomValue, { percent: Math.round(zoom * 100) })}
                  onInput={(event) => {
                    const value = Number(event.currentTarget.value) / 100;
                    changeCrop((c) => cropAtZoom(c, image, value));
                  }}
                />
                <button
                  type="button"
                  class="button button--secondary photo-editor__zoom-button"
                  aria-label={t.zoomIn}
                  onClick={() => changeCrop((c) => zoomCrop(c, image, ZOOM_STEP))}
                >
                  +
                </button>
              </div>
              {placement.state === "placed" && (
                <button type="button" class="button button--secondary" onClick={() => changeCrop(() => placement.crop)}>
                  {t.usePlacement}
                </button>
              )}
            </div>
            <figure class="photo-editor__preview">
              <canvas
                ref={grey}
                class="photo-editor__grey"
                width={GREY_PREVIEW.width}
                height={GREY_PREVIEW.height}
                role="img"
                aria-label={t.greyAlt}
              />
              <figcaption>{m.photo.greyscaleNote}</figcaption>
            </figure>
          </div>

          <section class="photo-editor__checks" aria-labelledby="photo-editor-checks-heading">
            <h3 id="photo-editor-checks-heading">{t.checksHeading}</h3>
            <p class="field__hint">{format(t.outputSize, { width: size.width, height: size.height })}</p>
            {/* Only the summary is announced, and only when it changes: not "checking" on every
                move, nor every re-render of the list. */}
            <p class="photo-editor__summary" aria-live="polite" data-state={shown ? "done" : "running"}>
              {listed ? summary(listed, m) : ""}
            </p>
            {!shown && <p class="photo-editor__checking">{t.checking}</p>}
            {listed && (
              <div class={shown ? undefined : "photo-editor__stale"}>
                <PhotoChecks
                  checks={listed.map((check) => inLanguage(check, lang))}
                  labelledBy="photo-editor-checks-heading"
                />
              </div>
            )}
          </section>

          <div class="form-actions">
            <button
              type="button"
              class="button button--primary"
              aria-disabled={applying ? "true" : undefined}
              onClick={() => void apply()}
            >
              {applyLabel}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
