import { Hono } from "hono";
import { loadApplicantSession } from "./middleware/applicant-session.ts";
import { loadRepresentativeSession } from "./middleware/representative-session.ts";
import { auditRepresentativeRefusals } from "./middleware/representative-refusals.ts";
import { limitBody } from "./middleware/body-limit.ts";
import { requestContext } from "./middleware/context.ts";
import { rejectCrossSite } from "./middleware/cross-site.ts";
import { securityHeaders } from "./middleware/security-headers.ts";
import { accountRoutes } from "./routes/account.ts";
import { authRoutes } from "./routes/auth.ts";
import { devRoutes } from "./routes/dev.ts";
import { emailConfirmationRoutes } from "./routes/email-confirmation.ts";
import { healthRoutes } from "./routes/health.ts";
import { invitationRoutes } from "./routes/invitation.ts";
import { personRoutes } from "./routes/persons.ts";
import { addressChangeRoutes } from "./routes/address-change.ts";
import { representativeRoutes } from "./routes/representatives.ts";
import { representingRoutes } from "./routes/representing.ts";
import { photoRoutes } from "./routes/photos.ts";
import { photoExceptionRoutes } from "./routes/photo-exception.ts";
import { anotherWayRoutes, personAnotherWayRoutes } from "./routes/another-way.ts";
import { reviewAnotherWayRoutes, reviewMailedPhotoRoutes } from "./routes/review-another-way.ts";
import { ecoprCorrectionRoutes } from "./routes/ecopr-corrections.ts";
import { sessionRoutes } from "./routes/session.ts";
import { pageRoutes } from "./routes/pages.ts";
import { taskListRoutes } from "./routes/task-list.ts";
import { transparencyRoutes } from "./routes/transparency.ts";
import { verifyRoutes } from "./routes/verify.ts";
import { reviewAuthRoutes } from "./routes/review-auth.ts";
import { reviewQueueRoutes } from "./routes/review-queue.ts";
import { reviewSupervisorRoutes } from "./routes/review-supervisor.ts";
import { reviewCorrectionRoutes } from "./routes/review-corrections.ts";
import { requireCloudflareAccess } from "./middleware/cloudflare-access.ts";
import { loadOfficerSession } from "./middleware/officer-session.ts";
import { handleError, handleNotFound } from "./lib/error-response.ts";
import type { AppBindings } from "./lib/hono-types.ts";

/** JSON API bodies are small; photo uploads get their own limit on their route. */
const API_BODY_LIMIT = 64 * 1024;

/** Builds the portal's Hono app: middleware, then one router per area. */
export function createApp() {
  const api = new Hono<AppBindings>()
    // The task list reads its own session, in one batch with the list (routes/task-list.ts).
    .route("/persons", taskListRoutes)
    // Public figures: no session to read (decision 025).
    .route("/transparency", transparencyRoutes)
    // Only the API reads the session: static files never cost a D1 query.
    .use(loadApplicantSession())
    // A representative's own session (decision 026), read only while REPRESENTATIVE_ACCESS is on.
    .use(loadRepresentativeSession())
    // Each refusal of a representative on an applicant's route is audited, for the applicant to see.
    .use(auditRepresentativeRefusals())
    // The photo routes come before the JSON limit below, so their one JSON route gets it here.
    .use("/persons/:personId/photo/acknowledge", limitBody(API_BODY_LIMIT))
    // Photos have their own 4 MB limit, counted while the body streams in.
    .route("/persons", photoRoutes)
    // A photo sent with an explanation of a rule it cannot meet: the photo's limit too (decision 028).
    .route("/persons", photoExceptionRoutes)
    // An e-CoPR correction may carry a photo of a document: its own 4 MB limit, like photos (decision 027).
    .route("/persons", ecoprCorrectionRoutes)
    .use(limitBody(API_BODY_LIMIT))
    .route("/session", sessionRoutes)
    .route("/auth", authRoutes)
    .route("/account", accountRoutes)
    .route("/persons", personRoutes)
    .route("/persons", addressChangeRoutes)
    .route("/persons", personAnotherWayRoutes)
    // Another way, asked without signing in: tied by the invitation token or the account's email (decision 028).
    .route("/another-way", anotherWayRoutes)
    .route("/representatives", representativeRoutes)
    .route("/representing", representingRoutes)
    .route("/invitations", invitationRoutes)
    .route("/email-confirmations", emailConfirmationRoutes)
    .route("/verify", verifyRoutes)
    .all("*", handleNotFound);

  const review = new Hono<AppBindings>()
    .use(loadOfficerSession())
    // The scan of a photo received by mail has the photos' own 4 MB limit (decision 028).
    .route("/", reviewMailedPhotoRoutes)
    .use(limitBody(API_BODY_LIMIT))
    .route("/", reviewAuthRoutes)
    .route("/", reviewQueueRoutes)
    .route("/", reviewAnotherWayRoutes)
    .route("/", reviewSupervisorRoutes)
    .route("/", reviewCorrectionRoutes)
    .all("*", handleNotFound);

  const app = new Hono<AppBindings>()
    .use(securityHeaders())
    .use(requestContext())
    .use(rejectCrossSite())
    .route("/", healthRoutes)
    .route("/api", api)
    // Every /review request (API and pages) passes Cloudflare Access when it is configured.
    .use("/review/*", requireCloudflareAccess())
    .use("/review", requireCloudflareAccess())
    .route("/review/api", review)
    .route("/dev", devRoutes)
    // Everything else is the Preact client: each page's prerendered HTML, and the static files.
    .route("/", pageRoutes);

  app.onError(handleError);
  app.notFound(handleNotFound);
  return app;
}
