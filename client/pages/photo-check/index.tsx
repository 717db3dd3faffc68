import { useEffect, useState } from "preact/hooks";
import { ErrorSummary } from "../../components/error-summary/index.tsx";
import { Link } from "../../components/link/index.tsx";
import { Notice } from "../../components/notice/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { type EditedPhoto, PhotoEditor } from "../../components/photo-editor/index.tsx";
import { format, formatNumber, formatParts } from "../../lib/format.ts";
import { useFormErrors } from "../../lib/use-form-errors.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";

const FILE_INPUT_ID = "photo-check-file";

/** The file made by Apply, with an address to download it that is freed when replaced. */
function useDownload(photo: EditedPhoto | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!photo) return setUrl(null);
    const next = URL.createObjectURL(photo.blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [photo]);
  return url;
}

/**
 * `/photo-check`: public, no sign-in. The editor and the shared checks on a photo that never
 * leaves the device (nothing is uploaded), and the cropped JPEG to download.
 */
export default function PhotoCheckPage() {
  const { m, lang } = useI18n();
  const t = m.photoCheck;
  const form = useFormErrors();
  const [photo, setPhoto] = useState<EditedPhoto | null>(null);
  const url = useDownload(photo);
  usePageTitle(t.title, form.errors.length > 0);
  const verdicts = photo?.checks.map((check) => check.verdict) ?? [];

  return (
    <div class="narrow photo-check">
      <ErrorSummary
        errors={form.errors}
        attempt={form.attempt}
        idFor={(field) => (field === "file" ? FILE_INPUT_ID : undefined)}
      />
      <PageHeading>{t.heading}</PageHeading>
      <p>{t.intro}</p>
      <Notice kind="info">
        <p>{t.stays}</p>
      </Notice>
      <div class="rules">
        <h2 class="rules__heading">{m.photo.requirementsHeading}</h2>
        <ul>
          {Object.entries(m.photo.requirements).map(([key, text]) => (
            <li key={key}>{text}</li>
          ))}
        </ul>
      </div>
      <p>
        <Link href="/photo-check/accuracy">{t.accuracyLink}</Link>
      </p>
      <PhotoEditor
        inputId={FILE_INPUT_ID}
        fileError={form.errorFor("file")}
        onFileProblem={(problem) => {
          // Called with null when a new photo opens: the previous file is no longer the one shown.
          setPhoto(null);
          if (problem) form.show([{ field: "file", message: problem }]);
          else form.clear();
        }}
        applyLabel={t.apply}
        onApply={(edited) => setPhoto(edited)}
      />
      {/* Announced when the file is made; focus stays on the Apply button. */}
      <div aria-live="polite">
        {photo && url && (
          <section class="photo-check__ready">
            <p>
              {format(t.ready, {
                width: photo.width,
                height: photo.height,
                size: formatNumber(photo.blob.size / (1024 * 1024), lang, {
                  maximumFractionDigits: 1,
                  minimumFractionDigits: 1,
                }),
              })}
            </p>
            {verdicts.includes("fail") ? <p>{t.readyFail}</p> : verdicts.includes("warn") ? <p>{t.readyWarn}</p> : null}
            <p>
              <a class="button button--secondary" href={url} download={t.downloadName}>
                {t.download}
              </a>
            </p>
          </section>
        )}
      </div>
      <p>{formatParts(t.signIn, { link: <Link href="/sign-in">{t.signInLink}</Link> })}</p>
    </div>
  );
}
