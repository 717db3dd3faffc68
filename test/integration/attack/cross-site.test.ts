// Defence: rejectCrossSite() in worker/app.ts (worker/middleware/cross-site.ts).
// Every state-changing route, with every body a cross-site page can send
// without a CORS preflight (form, text/plain, no Content-Type) and JSON, from
// every way a browser tells us the request came from another site.
import { describe, expect, it } from "vitest";
import { errorOf } from "../../support/http.ts";
import { GOOD_PASSWORD } from "../../support/factories.ts";
import { rawRequest } from "./raw.ts";
import { STATE_CHANGING_ROUTES } from "./routes.ts";
import { everyRouteHasATarget, fingerprint } from "./world.ts";

/** One body that every route would accept: if a forged request got through, it would act. */
const FIELDS = {
  language: "fr",
  confirm: true,
  unit: "",
  streetNumber: "1",
  streetName: "Rue Attaquante",
  city: "Gatineau",
  province: "QC",
  postalCode: "J8X 1A1",
  declarationConfirmed: true,
  acknowledge: true,
  usePortal: false,
  currentPassword: GOOD_PASSWORD,
  newPassword: "forged passphrase never chosen",
  confirmPassword: "forged passphrase never chosen",
  reasons: ["glare"],
  note: "forged",
  producedOn: "2026-01-02",
  mailedOn: "2026-01-03",
  email: "victim@example.com",
};
/** The fields with the open invitation's real token (links carry it in the body now), as JSON and as a form. */
const texts = (token: string, grantId: number) => {
  const fields = { ...FIELDS, token, grantId };
  return {
    json: JSON.stringify(fields),
    form: new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, String(v)])).toString(),
  };
};

const BODIES: Record<string, { contentType?: string; body: (t: ReturnType<typeof texts>) => BodyInit }> = {
  form: { contentType: "application/x-www-form-urlencoded", body: (t) => t.form },
  "text/plain": { contentType: "text/plain", body: (t) => t.json },
  json: { contentType: "application/json", body: (t) => t.json },
  // A byte body: the Request gets no Content-Type at all.
  "no Content-Type": { body: (t) => new TextEncoder().encode(t.json) },
};

/** How a browser says a request was made by another site. */
const SENDERS: Record<string, Record<string, string>> = {
  "evil Origin and Sec-Fetch-Site: cross-site": { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
  "evil Origin only (older browser)": { Origin: "https://evil.example" },
  "Origin: null (sandboxed frame, data: URL)": { Origin: "null" },
  "Sec-Fetch-Site: cross-site only": { "Sec-Fetch-Site": "cross-site" },
  "a sibling subdomain (same-site)": { Origin: "https://attacker.portal.test", "Sec-Fetch-Site": "same-site" },
  "a look-alike origin": { Origin: "https://portal.test.evil.example" },
};

describe("cross-site requests to every state-changing route", () => {
  it("are refused with 403 cross_site_request, whatever the body and however the browser reveals the other site, and change nothing", async () => {
    const { officer, victim, invited, cookies, pathOf, scope, grantId } = await everyRouteHasATarget();
    const before = await fingerprint(scope);
    const bodyTexts = texts(invited.token, grantId);

    let attempts = 0;
    for (const route of STATE_CHANGING_ROUTES) {
      const path = pathOf(route.path);
      for (const [bodyName, body] of Object.entries(BODIES)) {
        for (const [senderName, sender] of Object.entries(SENDERS)) {
          const headers: Record<string, string> = {
            ...sender,
            ...(body.contentType ? { "Content-Type": body.contentType } : {}),
          };
          const response = await rawRequest(path, {
            method: route.method,
            headers,
            body: body.body(bodyTexts),
            cookiesOf: cookies,
          });
          const label = `${route.method} ${route.path} / ${bodyName} / ${senderName}`;
          expect(response.status, label).toBe(403);
          expect((await errorOf(response)).code, label).toBe("cross_site_request");
          expect(response.headers.getSetCookie(), label).toEqual([]);
          attempts += 1;
        }
      }
    }
    expect(attempts).toBe(STATE_CHANGING_ROUTES.length * Object.keys(BODIES).length * Object.keys(SENDERS).length);

    // Nothing changed: every row of everyone involved is as it was, and both sessions still work.
    expect(await fingerprint(scope)).toBe(before);
    expect(((await (await victim.browser.get("/api/session")).json()) as { signedIn: boolean }).signedIn).toBe(true);
    expect((await officer.browser.get("/review/api/session")).status).toBe(200);
    // Control: the same JSON from the portal's own page does act (the refusals above were the defence, not a dead route).
    const sameOrigin = await cookies.post("/api/account/language", FIELDS);
    expect(sameOrigin.status).toBe(200);
    expect(await fingerprint(scope)).not.toBe(before);
  });

  it("a request with neither Origin nor Sec-Fetch-Site (not a browser, so it carries no victim's cookies) reaches the route", async () => {
    // Why the middleware lets it through: documented in cross-site.ts. Shown here so the rule is pinned.
    const response = await rawRequest("/api/auth/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: "PR-NOBODY", password: "not a real password at all" }),
    });
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe("invalid_credentials");
  });
});
