import { useState } from "preact/hooks";
import { apiRequest } from "../../lib/api.ts";
import { setFlash } from "../../lib/flash.ts";
import { navigate } from "../../lib/router.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import { Link } from "../link/index.tsx";

/**
 * The signed-in applicant's links in the header, on every page, as the
 * officers' bar has them: "Your account" (not while a temporary password must
 * first be replaced) and "Sign out". A sign-out that fails says why, here.
 */
export function AccountNav({
  mustSetPassword,
  home,
}: {
  mustSetPassword: boolean;
  /** Where the first link goes: the applicant's account page unless given (a representative's files). */
  home?: { href: string; label: string };
}) {
  const { m, lang } = useI18n();
  const t = m.layout;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function signOut() {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const result = await apiRequest<void>("/api/auth/sign-out", { lang, method: "POST" });
    setBusy(false);
    if (result.ok || result.error.code === "not_signed_in") {
      setFlash("signedOut");
      navigate("/sign-in");
      return;
    }
    setProblem(result.error.message);
  }

  return (
    <nav class="account-nav" aria-label={t.accountNav}>
      <ul class="account-nav__links">
        {!mustSetPassword && (
          <li>
            <Link href={home?.href ?? "/account"} class="account-nav__link">
              {home?.label ?? t.accountLink}
            </Link>
          </li>
        )}
        <li>
          <button
            type="button"
            class="account-nav__link account-nav__sign-out"
            aria-disabled={busy ? "true" : undefined}
            onClick={() => void signOut()}
          >
            {t.signOut}
          </button>
        </li>
      </ul>
      {problem && (
        <p class="account-nav__problem" role="alert">
          {problem}
        </p>
      )}
    </nav>
  );
}
