import { useEffect } from "preact/hooks";
import { Link } from "../../components/link/index.tsx";
import { PageHeading } from "../../components/page-heading/index.tsx";
import { format, formatParts } from "../../lib/format.ts";
import { SUPPORTED_BROWSERS } from "../../lib/supported-browsers.generated.ts";
import { SUBJECT_PREFIX } from "../../../shared/email/subjects.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";

const SECTION_IDS = {
  purpose: "purpose",
  howItWorks: "how-it-works",
  genuine: "genuine-email",
  representatives: "representatives",
  notFor: "what-it-does-not-do",
  browsers: "browsers",
  privacy: "privacy",
  help: "help",
} as const;

/**
 * `/`: the public page our emails link to. What the portal is for, how it
 * works, how to recognize a genuine email, and where to get help.
 */
export default function InfoPage() {
  const { m, lang } = useI18n();
  const t = m.info;
  usePageTitle(t.title);

  // Arriving from another page with a #fragment (footer "Privacy"): scroll to it.
  useEffect(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id) document.getElementById(id)?.scrollIntoView();
  }, []);

  const toc: [string, string][] = [
    [SECTION_IDS.purpose, t.purpose.heading],
    [SECTION_IDS.howItWorks, t.howItWorks.heading],
    [SECTION_IDS.genuine, t.genuine.heading],
    [SECTION_IDS.representatives, t.representatives.heading],
    [SECTION_IDS.notFor, t.notFor.heading],
    [SECTION_IDS.browsers, t.browsers.heading],
    [SECTION_IDS.privacy, t.privacy.heading],
    [SECTION_IDS.help, t.help.heading],
  ];

  return (
    <article class="prose">
      <PageHeading>{t.heading}</PageHeading>
      <p class="lede">{t.lede}</p>
      <p>
        <Link href="/sign-in" class="button button--primary">
          {t.signInButton}
        </Link>
      </p>
      <p>
        <Link href="/photo-check">{t.photoCheckLink}</Link>
      </p>

      <nav class="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading" class="toc__heading">
          {t.tocHeading}
        </h2>
        <ul>
          {toc.map(([id, heading]) => (
            <li key={id}>
              <a href={`#${id}`}>{heading}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby={SECTION_IDS.purpose}>
        <h2 id={SECTION_IDS.purpose}>{t.purpose.heading}</h2>
        <p>{t.purpose.intro}</p>
        <ul>
          {Object.entries(t.purpose.items).map(([key, text]) => (
            <li key={key}>{text}</li>
          ))}
        </ul>
        <p>{t.purpose.family}</p>
        <p>{t.purpose.card}</p>
      </section>

      <section aria-labelledby={SECTION_IDS.howItWorks}>
        <h2 id={SECTION_IDS.howItWorks}>{t.howItWorks.heading}</h2>
        <ol class="steps">
          {Object.entries(t.howItWorks.steps).map(([key, text]) => (
            <li key={key}>{text}</li>
          ))}
        </ol>
        <div class="notice notice--warning">
          <p>{t.howItWorks.doNotCreate}</p>
        </div>
      </section>

      <section aria-labelledby={SECTION_IDS.genuine}>
        <h2 id={SECTION_IDS.genuine}>{t.genuine.heading}</h2>
        <p>{t.genuine.intro}</p>
        <ul>
          <li>{t.genuine.items.sender}</li>
          <li>{t.genuine.items.bilingual}</li>
          <li>
            {t.genuine.items.subject}
            <blockquote class="email-subject">
              <span lang="en">{t.genuine.subjectEn}</span> / <span lang="fr">{t.genuine.subjectFr}</span>
            </blockquote>
          </li>
          <li>
            {t.genuine.items.laterSubjects}
            {/* The prefixes the worker's email subjects use (shared/email/subjects.ts). */}
            <blockquote class="email-subject">
              <span lang="en">{SUBJECT_PREFIX.en}…</span> / <span lang="fr">{SUBJECT_PREFIX.fr}…</span>
            </blockquote>
          </li>
          <li>{t.genuine.items.link}</li>
        </ul>
        <p>{t.genuine.suspicious}</p>
        <p>{t.genuine.junk}</p>
      </section>

      <section aria-labelledby={SECTION_IDS.representatives}>
        <h2 id={SECTION_IDS.representatives}>{t.representatives.heading}</h2>
        <p>{t.representatives.intro}</p>
        <ul>
          {Object.entries(t.representatives.items).map(([key, text]) => (
            <li key={key}>{text}</li>
          ))}
        </ul>
        <p>{t.representatives.personal}</p>
      </section>

      <section aria-labelledby={SECTION_IDS.notFor}>
        <h2 id={SECTION_IDS.notFor}>{t.notFor.heading}</h2>
        <ul>
          <li>{t.notFor.items.status}</li>
          <li>{t.notFor.items.secureAccount}</li>
          <li>
            {formatParts(t.notFor.items.renew, {
              link: (
                <a href={t.notFor.renewHref} hrefLang={lang}>
                  {t.notFor.renewLink}
                </a>
              ),
            })}
          </li>
        </ul>
      </section>

      <section aria-labelledby={SECTION_IDS.browsers}>
        <h2 id={SECTION_IDS.browsers}>{t.browsers.heading}</h2>
        <p>{t.browsers.text}</p>
        <ul>
          {SUPPORTED_BROWSERS.map(({ id, minVersion, esr }) => (
            <li key={id}>
              {format(id === "ios" ? t.browsers.versionIos : t.browsers.version, {
                name: t.browsers.names[id],
                version: minVersion,
              })}
              {esr && `, ${t.browsers.esr}`}
            </li>
          ))}
        </ul>
        <p>{t.browsers.devices}</p>
      </section>

      <section aria-labelledby={SECTION_IDS.privacy}>
        <h2 id={SECTION_IDS.privacy}>{t.privacy.heading}</h2>
        {Object.entries(t.privacy.items).map(([key, text]) => (
          <p key={key}>{text}</p>
        ))}
      </section>

      <section aria-labelledby={SECTION_IDS.help}>
        <h2 id={SECTION_IDS.help}>{t.help.heading}</h2>
        <ul>
          <li>{t.help.temporary}</li>
          <li>{formatParts(t.help.forgot, { link: <Link href="/forgot-password">{t.help.forgotLink}</Link> })}</li>
          <li>{t.help.technical}</li>
        </ul>
      </section>

      <p class="page-end-action">
        <Link href="/sign-in" class="button button--primary">
          {t.signInButton}
        </Link>
      </p>
    </article>
  );
}
