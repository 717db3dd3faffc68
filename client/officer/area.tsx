import { useEffect, useState } from "preact/hooks";
import { lazyPage } from "../components/lazy-page/index.tsx";
import { Loading } from "../components/loading/index.tsx";
import { OfficerBar } from "./components/bar/index.tsx";
import { OfficerNoAccess } from "./components/no-access/index.tsx";
import { OfficerSessionContext, knownOfficerSession, rememberOfficerSession } from "./components/session/index.ts";
import {
  OFFICER_IDLE_MINUTES,
  lastOfficerActivity,
  reviewRequest,
  sendToOfficerSignIn,
  type OfficerSessionAnswer,
  type OfficerSessionInfo,
} from "./api.ts";
import { navigate } from "../lib/router.ts";
import { useI18n } from "../lib/use-i18n.ts";
import { matchOfficerRoute, safeReturnPath, type OfficerRoute } from "./routes.ts";

// Each officer page is its own chunk too; none of this reaches applicants.
const OfficerSignInPage = lazyPage(() => import("./pages/sign-in/index.tsx"));
const OfficerChangePasswordPage = lazyPage(() => import("./pages/change-password/index.tsx"));
const OfficerPasswordPage = lazyPage(() => import("./pages/password/index.tsx"));
const OfficerQueuePage = lazyPage(() => import("./pages/queue/index.tsx"));
const OfficerFollowUpPage = lazyPage(() => import("./pages/follow-up/index.tsx"));
const OfficerCorrectionsPage = lazyPage(() => import("./pages/corrections/index.tsx"));
const OfficerCorrectionPage = lazyPage(() => import("./pages/correction/index.tsx"));
const OfficerItemPage = lazyPage(() => import("./pages/item/index.tsx"));
const OfficerPersonPage = lazyPage(() => import("./pages/person/index.tsx"));
const OfficerAuditPage = lazyPage(() => import("./pages/audit/index.tsx"));
const OfficerMetricsPage = lazyPage(() => import("./pages/metrics/index.tsx"));
const NotFoundPage = lazyPage(() => import("../pages/not-found/index.tsx"));

function OfficerPage({ route, session }: { route: OfficerRoute; session: OfficerSessionInfo }) {
  switch (route.name) {
    case "signIn":
      return <OfficerSignInPage />;
    case "changePassword":
      return <OfficerChangePasswordPage />;
    case "password":
      return <OfficerPasswordPage />;
    case "queue":
      return <OfficerQueuePage />;
    case "followUp":
      return <OfficerFollowUpPage />;
    case "corrections":
      return <OfficerCorrectionsPage />;
    case "correction":
      return <OfficerCorrectionPage personId={route.personId} />;
    case "item":
      return <OfficerItemPage submissionId={route.submissionId} />;
    case "person":
      return <OfficerPersonPage personId={route.personId} />;
    case "audit":
      return session.role === "supervisor" ? <OfficerAuditPage /> : <OfficerNoAccess />;
    case "metrics":
      return session.role === "supervisor" ? <OfficerMetricsPage /> : <OfficerNoAccess />;
    case "notFound":
      return <NotFoundPage />;
  }
}

/**
 * Everything under /review: the officers' sign-in, then (with a session) the
 * officer bar and the page. Checks the session on each visit, sends an
 * officer with the initial password to change it first, and signs them out
 * on the page itself once the worker's idle limit has passed.
 */
export default function OfficerArea({ path }: { path: string }) {
  const { lang } = useI18n();
  const route = matchOfficerRoute(path);
  const [session, setSession] = useState<OfficerSessionInfo | null>(knownOfficerSession);

  useEffect(() => {
    if (route.name === "signIn") return;
    let live = true;
    reviewRequest<OfficerSessionAnswer>("/review/api/session", { lang, redirectWhenSignedOut: false }).then(
      (result) => {
        if (!live) return;
        if (!result.ok || !result.data.signedIn) {
          rememberOfficerSession(null);
          const back = safeReturnPath(location.pathname + location.search);
          navigate(back ? `/review/sign-in?next=${encodeURIComponent(back)}` : "/review/sign-in", { replace: true });
          return;
        }
        rememberOfficerSession(result.data);
        setSession(result.data);
        if (result.data.mustChangePassword && route.name !== "changePassword")
          navigate("/review/change-password", { replace: true });
      },
    );
    return () => {
      live = false;
    };
  }, [path]);

  // The worker ends the session after 15 idle minutes; say so as soon as it happens.
  useEffect(() => {
    if (route.name === "signIn") return;
    const timer = setInterval(() => {
      if (Date.now() - lastOfficerActivity() >= OFFICER_IDLE_MINUTES * 60_000) {
        rememberOfficerSession(null);
        sendToOfficerSignIn("expired");
      }
    }, 15_000);
    return () => clearInterval(timer);
  }, [path]);

  if (route.name === "signIn") return <OfficerSignInPage />;
  if (!session) return <Loading />;
  return (
    <OfficerSessionContext.Provider value={session}>
      <OfficerBar session={session} current={route.name} onSignedOut={() => rememberOfficerSession(null)} />
      <OfficerPage route={route} session={session} />
    </OfficerSessionContext.Provider>
  );
}
