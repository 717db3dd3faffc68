// Defence: state changes are registered only as POST handlers (no GET/ALL
// route on a state-changing path, no method override), so a link, an <img>
// or a prefetch can never act. routes.test.ts keeps the list complete.
import { describe, expect, it } from "vitest";
import { ORIGIN } from "../../support/http.ts";
import { rawRequest } from "./raw.ts";
import { STATE_CHANGING_ROUTES } from "./routes.ts";
import { everyRouteHasATarget, fingerprint } from "./world.ts";

/** What a forged link would put in the query string: every field a POST would read. */
const QUERY = new URLSearchParams({
  language: "fr",
  confirm: "true",
  declarationConfirmed: "true",
  acknowledge: "true",
  usePortal: "false",
  streetNumber: "1",
  streetName: "Rue Lien",
  city: "Gatineau",
  province: "QC",
  postalCode: "J8X 1A1",
  reasons: "glare",
  _method: "POST",
}).toString();

/** State-changing paths that also have a GET route (a read of the same resource). */
const READ_AND_WRITE = new Set([
  "/api/persons/:personId/photo",
  "/api/persons/:personId/address-change",
  "/api/persons/:personId/ecopr-corrections",
]);

describe("safe methods on every state-changing path", () => {
  it("GET, HEAD and OPTIONS (even same-origin, with a method override) are 404/405 and change nothing", async () => {
    const { officer, victim, cookies, pathOf, scope } = await everyRouteHasATarget();
    const before = await fingerprint(scope);
    for (const route of STATE_CHANGING_ROUTES) {
      const path = `${pathOf(route.path)}?${QUERY}`;
      for (const method of ["GET", "HEAD", "OPTIONS"]) {
        for (const override of [
          {},
          { "X-HTTP-Method-Override": "POST", "X-HTTP-Method": "POST", "X-Method-Override": "POST" },
        ] as Record<string, string>[]) {
          const response = await rawRequest(path, {
            method,
            headers: { "Sec-Fetch-Site": "same-origin", Origin: ORIGIN, ...override },
            cookiesOf: cookies,
          });
          const label = `${method} ${route.path} ${Object.keys(override).length ? "(override)" : ""}`;
          // Three paths are both a read and a write: GET /api/persons/:id/photo reads the current photo (200, null
          // before any upload), GET /api/persons/:id/address-change whether the address can change now,
          // GET /api/persons/:id/ecopr-corrections the e-CoPR's reports (decision 027). They read;
          // the fingerprint below shows nothing changed. Every other path is 404/405.
          if (READ_AND_WRITE.has(route.path) && method !== "OPTIONS") expect(response.status, label).toBe(200);
          else expect([404, 405], label).toContain(response.status);
          // No cookie set or cleared (sign-out by link would clear it).
          expect(response.headers.getSetCookie(), label).toEqual([]);
          await response.body?.cancel();
        }
      }
    }
    expect(await fingerprint(scope)).toBe(before);
    expect(((await (await victim.browser.get("/api/session")).json()) as { signedIn: boolean }).signedIn).toBe(true);
    expect((await officer.browser.get("/review/api/session")).status).toBe(200);
  });
});
