/**
 * The applicant's pages: which one a path shows (`matchRoute`), and which of them are
 * prerendered at build time (`prerenderKey`, `PRERENDER_SAMPLE_PATHS`). The client routes
 * with it; the build prerenders every page it lists; the worker picks the prerendered HTML
 * for a request with it (decision 023). Pure: no DOM, no Workers API.
 */
export type Route =
  | { name: "info" }
  | { name: "signIn" }
  | { name: "setPassword" }
  | { name: "forgotPassword" }
  /** Ask for another way without signing in: the sign-in help's form (decision 028). */
  | { name: "anotherWay" }
  /** The token is in the URL fragment (client/lib/fragment-token.ts), never in the path. */
  | { name: "resetPassword" }
  | { name: "invitation" }
  | { name: "confirmEmail" }
  /** An old emailed link with its token in the path: a clear message, nothing sent to the API. */
  | { name: "outdatedLink"; kind: "invitation" | "resetPassword" }
  | { name: "home" }
  | { name: "presence"; personId: number }
  | { name: "address"; personId: number }
  /** After submitting: a new mailing address until the card goes into production (decision 024). */
  | { name: "addressChange"; personId: number }
  /** After the e-CoPR: report an error in it, and see each report's answer (decision 027). */
  | { name: "ecoprCorrection"; personId: number }
  | { name: "photo"; personId: number }
  /** Check your answers, declare, submit (the applicant's; "review" is the officers' area). */
  | { name: "checkAnswers"; personId: number }
  | { name: "submitted"; personId: number }
  | { name: "status"; personId: number }
  | { name: "verify" }
  /** The public photo check: the editor and the checks, nothing uploaded. */
  | { name: "photoCheck" }
  /** How accurate the photo checks are, by skin tone: the latest audit (shared/photo/accuracy/). */
  | { name: "photoAccuracy" }
  /** Public figures: service standards met, step times, return reasons (decision 025). */
  | { name: "transparency" }
  | { name: "account" }
  /** Representatives (decision 026): the applicant's page, and the representative's own read-only pages. */
  | { name: "representatives" }
  | { name: "representing" }
  | { name: "representedPerson"; personId: number }
  /** An old address of a page that moved: the page at `to` replaces it, so a bookmark is not a dead end. */
  | { name: "moved"; to: string }
  /** Everything under /review: the officers' area, which matches its own pages. */
  | { name: "officer"; path: string }
  | { name: "notFound" };

/** Pages at one fixed path. A page added here is also prerendered (PRERENDER_SAMPLE_PATHS). */
const FIXED_PATHS: Readonly<Record<string, Route>> = {
  "/": { name: "info" },
  "/sign-in": { name: "signIn" },
  "/set-password": { name: "setPassword" },
  "/forgot-password": { name: "forgotPassword" },
  "/another-way": { name: "anotherWay" },
  "/reset-password": { name: "resetPassword" },
  "/invitation": { name: "invitation" },
  "/confirm-email": { name: "confirmEmail" },
  "/home": { name: "home" },
  "/account": { name: "account" },
  "/verify": { name: "verify" },
  "/photo-check": { name: "photoCheck" },
  "/photo-check/accuracy": { name: "photoAccuracy" },
  "/transparency": { name: "transparency" },
};

/** A person's pages, `/persons/:id/<page>`; "review" is the old address of check-answers. */
const PERSON_PAGES = [
  "presence",
  "address",
  "address-change",
  "photo",
  "check-answers",
  "review",
  "submitted",
  "status",
  "ecopr-correction",
] as const;
const PERSON_PAGE = new RegExp(`^/persons/([1-9]\\d{0,14})/(${PERSON_PAGES.join("|")})$`);

/**
 * @example matchRoute("/reset-password") // { name: "resetPassword" } (token in #token=…)
 * @example matchRoute("/reset-password/abc") // { name: "outdatedLink", kind: "resetPassword" }
 * @example matchRoute("/persons/12/address") // { name: "address", personId: 12 }
 * @example matchRoute("/persons/12/review") // { name: "moved", to: "/persons/12/check-answers" }
 */
export function matchRoute(path: string): Route {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  const fixed = Object.hasOwn(FIXED_PATHS, trimmed) ? FIXED_PATHS[trimmed] : undefined;
  if (fixed) return { ...fixed };
  if (trimmed === "/review" || trimmed.startsWith("/review/")) return { name: "officer", path: trimmed };
  const representativePage = REPRESENTATIVE_PAGE.exec(trimmed);
  if (representativePage) {
    if (representativePage[1] === "representatives") return { name: "representatives" };
    return representativePage[3]
      ? { name: "representedPerson", personId: Number(representativePage[3]) }
      : { name: "representing" };
  }
  const oldLink = /^\/(reset-password|invitation)\/[^/]+$/.exec(trimmed);
  if (oldLink) return { name: "outdatedLink", kind: oldLink[1] === "invitation" ? "invitation" : "resetPassword" };
  // Person ids are positive integers; anything else is not a page (not a 404 from the API).
  const personTask = PERSON_PAGE.exec(trimmed);
  if (personTask) {
    const personId = Number(personTask[1]);
    const page = personTask[2] as (typeof PERSON_PAGES)[number];
    // The check-answers page was /persons/:id/review until "review" came to mean the officers' area only.
    if (page === "review") return { name: "moved", to: `/persons/${personId}/check-answers` };
    if (page === "check-answers") return { name: "checkAnswers", personId };
    if (page === "address-change") return { name: "addressChange", personId };
    if (page === "ecopr-correction") return { name: "ecoprCorrection", personId };
    return { name: page, personId };
  }
  return { name: "notFound" };
}

/**
 * The representatives' pages (decision 026): never prerendered, and, while the operator's
 * REPRESENTATIVE_ACCESS is off, served as the not-found page (worker/routes/pages.ts).
 */
const REPRESENTATIVE_PAGE = /^\/(representatives|representing)(\/persons\/([1-9]\d{0,14}))?$/;

export function isRepresentativePage(route: Route): boolean {
  return route.name === "representatives" || route.name === "representing" || route.name === "representedPerson";
}

/**
 * The name of a route's prerendered HTML (`<key>.html` per language), or null for what is never
 * prerendered: the officers' area (its own pages, behind Cloudflare Access) and a moved page
 * (replaced at once). A person's pages share one file whatever the id: their first render, the
 * shell, does not show it (the build checks that, and skips a page whose shell does).
 *
 * @example prerenderKey({ name: "signIn" }) // "sign-in"
 * @example prerenderKey({ name: "outdatedLink", kind: "invitation" }) // "outdated-link-invitation"
 */
export function prerenderKey(route: Route): string | null {
  if (route.name === "officer" || route.name === "moved" || isRepresentativePage(route)) return null;
  const key = route.name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
  return route.name === "outdatedLink" ? `${key}-${route.kind.replace(/[A-Z]/g, (l) => `-${l.toLowerCase()}`)}` : key;
}

/** The person id the build prerenders a person's pages with (and a second one, to see the id is not shown). */
export const SAMPLE_PERSON_IDS = [424242424242, 707070707070] as const;

/**
 * One path for each prerendered page, for the build: every fixed path, each person's page, both
 * kinds of outdated link and an unknown path (the not-found page).
 */
export const PRERENDER_SAMPLE_PATHS: readonly string[] = [
  ...Object.keys(FIXED_PATHS),
  ...PERSON_PAGES.map((page) => `/persons/${SAMPLE_PERSON_IDS[0]}/${page}`),
  "/invitation/outdated-token",
  "/reset-password/outdated-token",
  "/page-that-does-not-exist",
];
