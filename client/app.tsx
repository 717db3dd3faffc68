import { useEffect, useMemo, useState } from "preact/hooks";
import { lazyPage } from "./components/lazy-page/index.tsx";
import { SiteFooter } from "./components/site-footer/index.tsx";
import { SiteHeader } from "./components/site-header/index.tsx";
import { loadMessages, messagesFor, type Lang } from "./i18n/index.ts";
import { storeLanguage } from "./lib/language.ts";
import { matchRoute, type Route } from "./lib/routes.ts";
import { navigate, useRoute } from "./lib/router.ts";
import { useApplicantAccount } from "./lib/use-applicant-account.ts";
import { I18nContext, type I18n } from "./lib/use-i18n.ts";

// Every page is its own chunk, fetched on first visit; a prerendered page's HTML preloads its
// chunk and main.tsx loads it before hydrating (decision 023), so none needs to be in the entry.
const InfoPage = lazyPage(() => import("./pages/info/index.tsx"));
const SignInPage = lazyPage(() => import("./pages/sign-in/index.tsx"));
const SetPasswordPage = lazyPage(() => import("./pages/set-password/index.tsx"));
const ForgotPasswordPage = lazyPage(() => import("./pages/forgot-password/index.tsx"));
const AnotherWayPage = lazyPage(() => import("./pages/another-way/index.tsx"));
const ResetPasswordPage = lazyPage(() => import("./pages/reset-password/index.tsx"));
const InvitationPage = lazyPage(() => import("./pages/invitation/index.tsx"));
const ConfirmEmailPage = lazyPage(() => import("./pages/confirm-email/index.tsx"));
const OutdatedLinkPage = lazyPage(() => import("./pages/outdated-link/index.tsx"));
const HomePage = lazyPage(() => import("./pages/home/index.tsx"));
const PresencePage = lazyPage(() => import("./pages/presence/index.tsx"));
const AddressPage = lazyPage(() => import("./pages/address/index.tsx"));
const AddressChangePage = lazyPage(() => import("./pages/address-change/index.tsx"));
const EcoprCorrectionPage = lazyPage(() => import("./pages/ecopr-correction/index.tsx"));
const PhotoPage = lazyPage(() => import("./pages/photo/index.tsx"));
const CheckAnswersPage = lazyPage(() => import("./pages/check-answers/index.tsx"));
const SubmittedPage = lazyPage(() => import("./pages/submitted/index.tsx"));
const StatusPage = lazyPage(() => import("./pages/status/index.tsx"));
const VerifyPage = lazyPage(() => import("./pages/verify/index.tsx"));
const PhotoCheckPage = lazyPage(() => import("./pages/photo-check/index.tsx"));
const PhotoAccuracyPage = lazyPage(() => import("./pages/photo-accuracy/index.tsx"));
const TransparencyPage = lazyPage(() => import("./pages/transparency/index.tsx"));
const AccountPage = lazyPage(() => import("./pages/account/index.tsx"));
const RepresentativesPage = lazyPage(() => import("./pages/representatives/index.tsx"));
const RepresentingPage = lazyPage(() => import("./pages/representing/index.tsx"));
const RepresentedPersonPage = lazyPage(() => import("./pages/represented-person/index.tsx"));
const NotFoundPage = lazyPage(() => import("./pages/not-found/index.tsx"));
// The officers' area (/review) is one more chunk, with its pages behind it:
// applicants never download any of it.
const OfficerArea = lazyPage(() => import("./officer/area.tsx"));

/** Keeps `?lang=` in the address bar equal to the page language, without a new history entry. */
function syncLanguageParam(lang: Lang): void {
  const url = new URL(location.href);
  if (url.searchParams.get("lang") === lang) return;
  url.searchParams.set("lang", lang);
  history.replaceState(history.state, "", url.pathname + url.search + url.hash);
}

/** A page's old address (a bookmark): replaced by its new one, with the query (language) and fragment kept. */
function Moved({ to }: { to: string }) {
  useEffect(() => navigate(to + location.search + location.hash, { replace: true }), [to]);
  return null;
}

/** The page a route shows (main.tsx and the prerender also call it, to load the page's code first). */
export function Page({ route }: { route: Route }) {
  switch (route.name) {
    case "info":
      return <InfoPage />;
    case "signIn":
      return <SignInPage />;
    case "setPassword":
      return <SetPasswordPage />;
    case "forgotPassword":
      return <ForgotPasswordPage />;
    case "anotherWay":
      return <AnotherWayPage />;
    case "resetPassword":
      return <ResetPasswordPage />;
    case "invitation":
      return <InvitationPage />;
    case "confirmEmail":
      return <ConfirmEmailPage />;
    case "outdatedLink":
      return <OutdatedLinkPage kind={route.kind} />;
    case "home":
      return <HomePage />;
    case "presence":
      return <PresencePage personId={route.personId} />;
    case "address":
      return <AddressPage personId={route.personId} />;
    case "addressChange":
      return <AddressChangePage personId={route.personId} />;
    case "ecoprCorrection":
      return <EcoprCorrectionPage personId={route.personId} />;
    case "photo":
      return <PhotoPage personId={route.personId} />;
    case "checkAnswers":
      return <CheckAnswersPage personId={route.personId} />;
    case "submitted":
      return <SubmittedPage personId={route.personId} />;
    case "status":
      return <StatusPage personId={route.personId} />;
    case "verify":
      return <VerifyPage />;
    case "photoCheck":
      return <PhotoCheckPage />;
    case "photoAccuracy":
      return <PhotoAccuracyPage />;
    case "transparency":
      return <TransparencyPage />;
    case "account":
      return <AccountPage />;
    case "representatives":
      return <RepresentativesPage />;
    case "representing":
      return <RepresentingPage />;
    case "representedPerson":
      return <RepresentedPersonPage personId={route.personId} />;
    case "moved":
      return <Moved to={route.to} />;
    case "officer":
      return <OfficerArea path={route.path} />;
    case "notFound":
      return <NotFoundPage />;
  }
}

interface AppProps {
  /** The first language, whose catalogue is loaded: the prerendered page's, or the client's pick. */
  lang: Lang;
  /** A language chosen earlier that the server did not know: switched to once the page is live. */
  switchTo?: Lang | null;
}

/** The shell: header, the current page, footer; owns the language. */
export function App({ lang: firstLang, switchTo = null }: AppProps) {
  const [lang, setLangState] = useState<Lang>(firstLang);
  const { path, navigationId } = useRoute();
  const account = useApplicantAccount(path, navigationId, lang);

  const i18n = useMemo<I18n>(
    () => ({
      lang,
      m: messagesFor(lang),
      // The other language's catalogue is fetched on the first switch; the page changes once it is here.
      setLang: (next: Lang) => {
        storeLanguage(next);
        void loadMessages(next).then(() => setLangState(next));
      },
    }),
    [lang],
  );

  useEffect(() => {
    document.documentElement.lang = lang;
    syncLanguageParam(lang);
  }, [lang, navigationId]);

  useEffect(() => {
    if (switchTo && switchTo !== firstLang) i18n.setLang(switchTo);
  }, []);

  // Keyed by navigation: a new visit starts the page fresh, while a language
  // switch re-renders it in place and keeps what was typed.
  return (
    <I18nContext.Provider value={i18n}>
      <SiteHeader account={account} />
      <main id="main" class="container main" tabIndex={-1}>
        <Page key={navigationId} route={matchRoute(path)} />
      </main>
      <SiteFooter signedOut={account.state === "signedOut"} />
    </I18nContext.Provider>
  );
}
