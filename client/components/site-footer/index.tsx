import { useI18n } from "../../lib/use-i18n.ts";
import { Link } from "../link/index.tsx";

/** Canada.ca-style footer: a dark band of links, then the Canada wordmark. The applicant's
 *  "Sign in" only once the portal knows nobody is signed in: a signed-in applicant has
 *  "Sign out" in the header, and the officers' area (never asked) has its own sign-in. */
export function SiteFooter({ signedOut }: { signedOut: boolean }) {
  const { m } = useI18n();
  return (
    <footer class="site-footer">
      <nav class="site-footer__main" aria-labelledby="footer-heading">
        <div class="container">
          <h2 id="footer-heading" class="visually-hidden">
            {m.layout.footerHeading}
          </h2>
          <ul class="site-footer__links">
            <li>
              <Link href="/">{m.layout.footerAbout}</Link>
            </li>
            <li>
              <Link href="/#privacy">{m.layout.footerPrivacy}</Link>
            </li>
            {signedOut && (
              <li>
                <Link href="/sign-in">{m.layout.footerSignIn}</Link>
              </li>
            )}
            <li>
              <Link href="/verify">{m.layout.footerVerify}</Link>
            </li>
            <li>
              <Link href="/transparency">{m.layout.footerTransparency}</Link>
            </li>
            <li>
              <a href={m.layout.footerIrccHref}>{m.layout.footerIrcc}</a>
            </li>
          </ul>
        </div>
      </nav>
      <div class="site-footer__brand">
        <div class="container site-footer__brand-inner">
          <a href={m.layout.footerCanadaCaHref}>{m.layout.footerCanadaCa}</a>
          <span class="canada-wordmark" aria-hidden="true">
            {m.layout.canadaWordmark}
          </span>
        </div>
      </div>
    </footer>
  );
}
