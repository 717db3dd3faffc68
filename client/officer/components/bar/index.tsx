import { useState } from "preact/hooks";
import type { OfficerRoute } from "../../routes.ts";
import { format } from "../../../lib/format.ts";
import { reviewRequest, type OfficerSessionInfo } from "../../api.ts";
import { navigate } from "../../../lib/router.ts";
import { useI18n } from "../../../lib/use-i18n.ts";

interface OfficerBarProps {
  session: OfficerSessionInfo;
  current: OfficerRoute["name"];
  onSignedOut: () => void;
}

/** Who is signed in, the officer area's pages, and signing out. */
export function OfficerBar({ session, current, onSignedOut }: OfficerBarProps) {
  const { m, lang } = useI18n();
  const t = m.officer.bar;
  const [busy, setBusy] = useState(false);
  // Officers do not see links to the supervisors' pages (opened anyway, those say why not).
  const links: { name: OfficerRoute["name"]; href: string; label: string }[] = [
    { name: "queue", href: "/review", label: t.queue },
    { name: "followUp", href: "/review/follow-up", label: t.followUp },
    { name: "corrections", href: "/review/corrections", label: t.corrections },
    ...(session.role === "supervisor"
      ? [
          { name: "audit" as const, href: "/review/audit", label: t.audit },
          { name: "metrics" as const, href: "/review/metrics", label: t.metrics },
        ]
      : []),
    { name: "password", href: "/review/password", label: t.password },
  ];

  async function signOut() {
    if (busy) return;
    setBusy(true);
    await reviewRequest("/review/api/sign-out", { lang, method: "POST", redirectWhenSignedOut: false });
    setBusy(false);
    onSignedOut();
    navigate("/review/sign-in?reason=signed-out", { replace: true });
  }

  return (
    <nav class="officer-bar" aria-label={t.label}>
      {/* The name, then the role in a tag of its own: "Signed in as Demo Officer, Role: Officer"
          to a screen reader (hidden comma), never "Demo Officer Officer". */}
      <p class="officer-bar__who">
        {format(t.signedInAs, { name: session.name })}
        <span class="visually-hidden">,</span>{" "}
        <span class="tag officer-bar__role">{format(t.role, { role: t.roles[session.role] })}</span>
      </p>
      {!session.mustChangePassword && (
        <ul class="officer-bar__links">
          {links.map((link) => (
            <li key={link.name}>
              <a href={`${link.href}?lang=${lang}`} aria-current={current === link.name ? "page" : undefined}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        class="button button--secondary officer-bar__sign-out"
        aria-disabled={busy ? "true" : undefined}
        onClick={signOut}
      >
        {t.signOut}
      </button>
    </nav>
  );
}
