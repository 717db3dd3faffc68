import type { ApplicantAccount } from "../../lib/use-applicant-account.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { AccountNav } from "../account-nav/index.tsx";
import { Link } from "../link/index.tsx";

/**
 * Canada.ca-style header: the bilingual Government of Canada wordmark (as
 * text), the language switch, and the service name bar; for a signed-in
 * applicant, "Your account" and "Sign out" in that bar; for a representative, "Files you follow" and
 * "Sign out".
 */
export function SiteHeader({ account }: { account: ApplicantAccount }) {
  const { m, lang, setLang } = useI18n();
  const other = lang === "en" ? "fr" : "en";
  return (
    <header class="site-header">
      <a class="skip-link" href="#main">
        {m.layout.skipToMain}
      </a>
      <div class="site-header__top container">
        <div class="wordmark">
          <span class="wordmark__flag" aria-hidden="true">
            <span />
          </span>
          <span class="wordmark__text">
            <span class="wordmark__main">{m.layout.wordmarkMain}</span>
            <span class="wordmark__other" lang={m.layout.wordmarkOtherLang}>
              {m.layout.wordmarkOther}
            </span>
          </span>
        </div>
        <button type="button" class="language-toggle" lang={m.layout.languageToggleLang} onClick={() => setLang(other)}>
          {m.layout.languageToggle}
        </button>
      </div>
      <div class="service-bar">
        <div class="container service-bar__inner">
          <Link href="/" class="service-bar__name">
            {m.layout.serviceName}
          </Link>
          {account.state === "signedIn" && <AccountNav mustSetPassword={account.mustSetPassword} />}
          {account.state === "representative" && (
            <AccountNav
              mustSetPassword={account.mustSetPassword}
              home={{ href: "/representing", label: m.representing.title }}
            />
          )}
        </div>
      </div>
    </header>
  );
}
