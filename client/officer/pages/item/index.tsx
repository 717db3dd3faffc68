import { OfficerFacts } from "../../components/facts/index.tsx";
import { useEffect, useState } from "preact/hooks";
import { Link } from "../../../components/link/index.tsx";
import { Loading } from "../../../components/loading/index.tsx";
import { Notice } from "../../../components/notice/index.tsx";
import { OfficerCheckResults } from "../../components/check-results/index.tsx";
import { OfficerDecisions } from "../../components/decisions/index.tsx";
import { OfficerItemHistory } from "../../components/item-history/index.tsx";
import { OfficerAddressHistory } from "../../components/address-history/index.tsx";
import { OfficerRepresentatives } from "../../components/representatives/index.tsx";
import { OfficerAnotherWay } from "../../components/another-way/person-follow-up.tsx";
import { OfficerPhotoViewer } from "../../components/photo-viewer/index.tsx";
import { useOfficerSession } from "../../components/session/index.ts";
import { PageHeading } from "../../../components/page-heading/index.tsx";
import { format, formatDateTime, formatLongDate, fullName } from "../../../lib/format.ts";
import { itemPhotoUrl, reviewRequest, type ReviewItem } from "../../api.ts";
import { useI18n } from "../../../lib/use-i18n.ts";
import { usePageTitle } from "../../../lib/use-page-title.ts";

/**
 * `/review/items/:id`: everything an officer needs to decide one submission
 * (the photo in colour and greyscale, the checks, the declaration, the
 * address, the history), and the decisions themselves, within reach of the
 * photo rather than under every check.
 */
export default function OfficerItemPage({ submissionId }: { submissionId: number }) {
  const { m, lang } = useI18n();
  const t = m.officer.item;
  const session = useOfficerSession();
  const [item, setItem] = useState<ReviewItem | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  usePageTitle(item ? format(t.title, { name: fullName(item.person) }) : t.titleLoading);

  async function load() {
    const result = await reviewRequest<ReviewItem>(`/review/api/items/${submissionId}`, { lang });
    if (result.ok) setItem(result.data);
    else setLoadProblem(result.error.message);
  }

  useEffect(() => {
    load();
  }, [submissionId]);

  if (loadProblem) {
    return (
      <>
        <PageHeading>{t.titleLoading}</PageHeading>
        <Notice kind="warning">
          <p>{loadProblem}</p>
        </Notice>
        <p>
          <Link href="/review">{t.back}</Link>
        </p>
      </>
    );
  }
  if (!item) return <Loading />;

  const name = fullName(item.person);
  const warnings = item.photo.checks.filter((c) => c.verdict !== "pass");

  return (
    <>
      <p class="back-link">
        <Link href="/review">{t.back}</Link>
      </p>
      <PageHeading>{name}</PageHeading>
      <OfficerFacts
        class="facts officer-facts"
        facts={[
          [t.applicationNumber, item.applicationNumber],
          [t.uci, item.person.uci],
          [t.dateOfBirth, formatLongDate(item.person.dateOfBirth, lang, "UTC")],
          [t.role, t.roles[item.person.role]],
          [t.language, t.languages[item.person.language]],
          [t.reference, item.submission.reference],
          [
            t.submitted,
            <>
              {formatDateTime(item.submission.submittedAt, lang)}{" "}
              <span class="tag">{m.officer.queue.kinds[item.submission.kind]}</span>
            </>,
          ],
        ]}
      />

      {/* The photo, and beside it (after it on a phone) what the decision rests on: the checks
          that failed or warned, the passing ones folded into one line, then the decision. */}
      <div class="officer-item">
        <section class="officer-item__photo" aria-labelledby="photo-heading">
          <h2 id="photo-heading">{t.photoHeading}</h2>
          <OfficerPhotoViewer src={itemPhotoUrl(item.submission.id)} name={name} />
          <p class="small">{format(m.photo.dimensions, { width: item.photo.width, height: item.photo.height })}</p>
        </section>

        <div class="officer-item__decide">
          <section class="officer-item__checks" aria-labelledby="checks-heading">
            <h2 id="checks-heading">{t.checksHeading}</h2>
            {/* A photo sent with an explanation (decision 028): why, beside the checks that failed. */}
            {item.photo.exception && (
              <div class="notice notice--info officer-exception">
                <h3 class="notice__heading">{m.anotherWay.officer.exceptionHeading}</h3>
                <p>{m.anotherWay.officer.exceptionText}</p>
                <dl class="facts">
                  <div>
                    <dt>{m.anotherWay.officer.exceptionReason}</dt>
                    <dd>{m.anotherWay.officer.reasons[item.photo.exception.reason]}</dd>
                  </div>
                  <div>
                    <dt>{m.anotherWay.officer.explanation}</dt>
                    <dd class="verbatim">{item.photo.exception.explanation}</dd>
                  </div>
                </dl>
              </div>
            )}
            {item.photo.uploadedByOfficer && <p class="small">{m.anotherWay.officer.mailedPhotoNote}</p>}
            {item.photo.warningsAcknowledged && warnings.length > 0 && (
              <div class="notice notice--warning officer-acknowledged">
                <h3 class="notice__heading">{t.acknowledgedHeading}</h3>
                <p>{t.acknowledgedText}</p>
                <ul>
                  {warnings.map((w) => (
                    <li key={w.id}>{typeof w.message === "string" ? w.message : w.message[lang]}</li>
                  ))}
                </ul>
              </div>
            )}
            <OfficerCheckResults checks={item.photo.checks} labelledBy="checks-heading" />
          </section>

          <OfficerDecisions
            item={item}
            officerId={session.id}
            supervisor={session.role === "supervisor"}
            onChanged={load}
          />
        </div>
      </div>

      <section aria-labelledby="presence-heading">
        <h2 id="presence-heading">{t.presenceHeading}</h2>
        {item.declaration ? (
          <p>
            {item.declaration.byThemself
              ? format(t.declaredByThemself, { name, date: formatLongDate(item.declaration.declaredOn, lang, "UTC") })
              : format(t.declaredFor, {
                  by: item.declaration.declaredBy ?? "—",
                  name,
                  date: formatLongDate(item.declaration.declaredOn, lang, "UTC"),
                })}
          </p>
        ) : (
          <p>{t.noDeclaration}</p>
        )}
      </section>

      <OfficerAddressHistory item={item} />
      <OfficerRepresentatives item={item} />
      <OfficerAnotherWay personId={item.person.id} />

      <OfficerItemHistory item={item} />
    </>
  );
}
