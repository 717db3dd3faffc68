// Every route of the app, as the attack suite enumerates them. `routes.test.ts`
// compares this list with the routes Hono really registered, so a new route
// cannot be added without being listed here, and so without being attacked
// by cross-site.test.ts, get-no-state-change.test.ts, idor.test.ts and
// mass-assignment.test.ts.

/** Who a route is for: anyone, a signed-in applicant, or a signed-in officer. */
type Audience = "public" | "applicant" | "officer" | "supervisor" | "development";

interface RouteSpec {
  method: "GET" | "POST";
  /** Hono's path template, as `app.routes` reports it. */
  path: string;
  audience: Audience;
}

/** Routes that change state: each must refuse other sites and never answer a GET. */
export const STATE_CHANGING_ROUTES: readonly RouteSpec[] = [
  { method: "POST", path: "/api/auth/sign-in", audience: "public" },
  { method: "POST", path: "/api/auth/sign-out", audience: "applicant" },
  { method: "POST", path: "/api/auth/set-password", audience: "applicant" },
  { method: "POST", path: "/api/auth/forgot-password", audience: "public" },
  { method: "POST", path: "/api/auth/reset-password", audience: "public" },
  { method: "POST", path: "/api/account/language", audience: "applicant" },
  { method: "POST", path: "/api/account/password", audience: "applicant" },
  { method: "POST", path: "/api/account/sign-out-everywhere", audience: "applicant" },
  { method: "POST", path: "/api/persons/:personId/presence", audience: "applicant" },
  { method: "POST", path: "/api/persons/:personId/address", audience: "applicant" },
  { method: "POST", path: "/api/persons/:personId/address-change", audience: "applicant" },
  { method: "POST", path: "/api/persons/:personId/submit", audience: "applicant" },
  { method: "POST", path: "/api/persons/:personId/photo", audience: "applicant" },
  { method: "POST", path: "/api/persons/:personId/photo/acknowledge", audience: "applicant" },
  // The invitation's token comes in the body (never in a path or query that
  // logs keep); reading the invitation is a POST for that reason.
  { method: "POST", path: "/api/invitations/open", audience: "public" },
  { method: "POST", path: "/api/invitations/answer", audience: "public" },
  { method: "POST", path: "/api/email-confirmations/confirm", audience: "public" },
  { method: "POST", path: "/review/api/sign-in", audience: "public" },
  { method: "POST", path: "/review/api/sign-out", audience: "officer" },
  { method: "POST", path: "/review/api/change-password", audience: "officer" },
  { method: "POST", path: "/review/api/password", audience: "officer" },
  { method: "POST", path: "/review/api/items/:submissionId/claim", audience: "officer" },
  { method: "POST", path: "/review/api/items/:submissionId/accept", audience: "officer" },
  { method: "POST", path: "/review/api/items/:submissionId/return", audience: "officer" },
  { method: "POST", path: "/review/api/persons/:personId/confirm-pr", audience: "officer" },
  { method: "POST", path: "/review/api/persons/:personId/card", audience: "officer" },
  { method: "POST", path: "/review/api/persons/:personId/card/mailed-correction", audience: "supervisor" },
];

/** Routes that only read. Those taking an id are attacked by idor.test.ts. */
export const READ_ROUTES: readonly RouteSpec[] = [
  { method: "GET", path: "/healthz", audience: "public" },
  { method: "GET", path: "/api/session", audience: "public" },
  { method: "GET", path: "/api/account", audience: "applicant" },
  { method: "GET", path: "/api/persons", audience: "applicant" },
  { method: "GET", path: "/api/persons/:personId", audience: "applicant" },
  { method: "GET", path: "/api/persons/:personId/status", audience: "applicant" },
  { method: "GET", path: "/api/persons/:personId/address-change", audience: "applicant" },
  { method: "GET", path: "/api/persons/:personId/documents/ecopr", audience: "applicant" },
  { method: "GET", path: "/api/persons/:personId/photo", audience: "applicant" },
  { method: "GET", path: "/api/persons/:personId/photo/image", audience: "applicant" },
  { method: "GET", path: "/api/verify/:code", audience: "public" },
  { method: "GET", path: "/api/transparency", audience: "public" },
  { method: "GET", path: "/review/api/session", audience: "officer" },
  { method: "GET", path: "/review/api/queue", audience: "officer" },
  { method: "GET", path: "/review/api/follow-up", audience: "officer" },
  { method: "GET", path: "/review/api/items/:submissionId", audience: "officer" },
  { method: "GET", path: "/review/api/items/:submissionId/photo", audience: "officer" },
  { method: "GET", path: "/review/api/audit", audience: "supervisor" },
  { method: "GET", path: "/review/api/metrics", audience: "supervisor" },
  { method: "GET", path: "/dev/mailbox", audience: "development" },
];

/**
 * The client's pages (worker/routes/pages.ts): each page's prerendered HTML or the client's shell,
 * the static files, and a prerendered form sent before its script was live (POST, answered by a
 * 303 back to the page, the body never read). No id, no state: routes.test.ts checks the POST.
 */
export const PAGE_ROUTES: readonly RouteSpec[] = [
  { method: "GET", path: "/_pages/*", audience: "public" },
  { method: "GET", path: "/*", audience: "public" },
  { method: "POST", path: "/*", audience: "public" },
];

export const ALL_ROUTES: readonly RouteSpec[] = [...STATE_CHANGING_ROUTES, ...READ_ROUTES, ...PAGE_ROUTES];

/** Fills a path template: `fill("/api/persons/:personId", { personId: 7 })`. */
export function fill(path: string, params: Record<string, string | number>): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no value for :${name} in ${path}`);
    return encodeURIComponent(String(params[name]));
  });
}
