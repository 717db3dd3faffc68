// Every route of the app, as the attack suite enumerates them. `routes.test.ts`
// compares this list with the routes Hono really registered, so a new route
// cannot be added without being listed here, and so without being attacked
// by cross-site.test.ts, get-no-state-change.test.ts, idor.test.ts and
// mass-assignment.test.ts.

/** Who a route is for: anyone, a signed-in applicant, or a signed-in officer. */
type Audience = "public" | "applicant" | "representative" | "officer" | "supervisor" | "development";

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
  // Another way and photo exceptions (decision 028): the signed-in ask, and a multipart photo with its explanation.
  { method: "POST", path: "/api/persons/:personId/another-way", audience: "applicant" },
  { method: "POST", path: "/api/persons/:personId/photo/exception", audience: "applicant" },
  // Asked without signing in: tied to the person by the invitation token or the account's email, in the body.
  { method: "POST", path: "/api/another-way/invitation", audience: "public" },
  { method: "POST", path: "/api/another-way/sign-in-help", audience: "public" },
  // Representatives (decision 026): the grant to revoke is named in the body, never in the path.
  { method: "POST", path: "/api/representatives/invite", audience: "applicant" },
  { method: "POST", path: "/api/representatives/revoke", audience: "applicant" },
  // A multipart form with an optional photo of a document: its own 4 MB limit (decision 027).
  { method: "POST", path: "/api/persons/:personId/ecopr-corrections", audience: "applicant" },
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
  { method: "POST", path: "/review/api/another-way/:requestId/outcome", audience: "officer" },
  { method: "POST", path: "/review/api/another-way/:requestId/mailed-photo", audience: "officer" },
  // A follow-up an officer opens for any person who asked outside the portal (decision 028).
  { method: "POST", path: "/review/api/persons/:personId/another-way/open", audience: "officer" },
  { method: "POST", path: "/review/api/persons/:personId/corrections/accept", audience: "officer" },
  { method: "POST", path: "/review/api/persons/:personId/corrections/refuse", audience: "officer" },
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
  { method: "GET", path: "/api/representatives", audience: "applicant" },
  { method: "GET", path: "/api/representing", audience: "representative" },
  { method: "GET", path: "/api/representing/persons/:personId", audience: "representative" },
  { method: "GET", path: "/api/persons/:personId/ecopr-corrections", audience: "applicant" },
  { method: "GET", path: "/api/verify/:code", audience: "public" },
  { method: "GET", path: "/api/transparency", audience: "public" },
  { method: "GET", path: "/review/api/session", audience: "officer" },
  { method: "GET", path: "/review/api/queue", audience: "officer" },
  { method: "GET", path: "/review/api/follow-up", audience: "officer" },
  { method: "GET", path: "/review/api/items/:submissionId", audience: "officer" },
  { method: "GET", path: "/review/api/items/:submissionId/photo", audience: "officer" },
  { method: "GET", path: "/review/api/corrections", audience: "officer" },
  { method: "GET", path: "/review/api/persons/:personId/corrections", audience: "officer" },
  { method: "GET", path: "/review/api/persons/:personId/corrections/evidence", audience: "officer" },
  { method: "GET", path: "/review/api/persons/:personId/another-way", audience: "officer" },
  // Any imported person, for the page of someone who never submitted (decision 028).
  { method: "GET", path: "/review/api/persons/:personId", audience: "officer" },
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
