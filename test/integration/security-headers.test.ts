import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { AppBindings } from "../../worker/lib/hono-types.ts";
import { SECURITY_HEADERS, securityHeaders } from "../../worker/middleware/security-headers.ts";
import { Browser } from "../support/http.ts";
import { signedInOfficer } from "../support/officers.ts";

const BASE_CSP = SECURITY_HEADERS["Content-Security-Policy"]!;

/** The policy with these CSP sources added to script-src, as a prerendered page's (decision 023). */
const withScriptSources = (...sources: string[]) =>
  BASE_CSP.replace(
    "script-src 'self' 'wasm-unsafe-eval'",
    ["script-src 'self' 'wasm-unsafe-eval'", ...sources].join(" "),
  );

/** A prerendered page's one inline script (its boot) and the CSP source of its text's SHA-256. */
async function inlineScriptOf(html: string) {
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  const [, attributes, text] = scripts[0]!;
  expect(attributes).not.toMatch(/\ssrc=/);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return { text: text!, source: `sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}` };
}

/** `csp`: the policy expected (a prerendered page's allows its inline script by hash). */
function expectSecurityHeaders(response: Response, csp = BASE_CSP) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(response.headers.get(name), name).toBe(name === "Content-Security-Policy" ? csp : value);
  const policy = response.headers.get("Content-Security-Policy")!;
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain("unsafe-inline");
  expect(response.headers.get("Strict-Transport-Security")).toMatch(/max-age=31536000/);
}

describe("security headers", () => {
  it("are on a 200 page, a 200 API answer, a 404 and a 500", async () => {
    const browser = new Browser();
    const page = await browser.get("/");
    expect(page.status).toBe(200);
    expectSecurityHeaders(page, withScriptSources(`'${(await inlineScriptOf(await page.text())).source}'`));

    const api = await browser.get("/api/session");
    expect(api.status).toBe(200);
    expectSecurityHeaders(api);

    const missing = await browser.get("/api/no-such-thing");
    expect(missing.status).toBe(404);
    expectSecurityHeaders(missing);
  });
});

describe("a prerendered page's one inline script (decision 023)", () => {
  it("is allowed by the SHA-256 of its text on the prerendered pages, in both languages, and on no other answer", async () => {
    const browser = new Browser();
    const sources = new Set<string>();
    for (const path of ["/sign-in?lang=en", "/sign-in?lang=fr", "/home?lang=fr", "/no-such-page?lang=en"]) {
      const page = await browser.get(path);
      const { source } = await inlineScriptOf(await page.text());
      // Exactly that hash added to script-src: no 'unsafe-inline', no other source.
      expectSecurityHeaders(page, withScriptSources(`'${source}'`));
      sources.add(source);
    }
    // One boot script, the same text on every page.
    expect(sources.size).toBe(1);
    // The officers' area is the client's plain shell: no inline script, no hash.
    const shell = await browser.get("/review/queue");
    expect(await shell.text()).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expectSecurityHeaders(shell);
    expectSecurityHeaders(await browser.get("/api/session"));
  });

  it("only well-formed SHA-256 sources are added: a keyword or a host a route names is dropped", async () => {
    const valid = `sha256-${"A".repeat(43)}=`;
    const app = new Hono<AppBindings>().use(securityHeaders()).get("/", (c) => {
      c.set("scriptHashes", [
        "'unsafe-inline'",
        "unsafe-inline",
        "https://cdn.example",
        `${valid}' 'unsafe-inline`,
        valid,
      ]);
      return c.text("page");
    });
    const response = await app.request("/");
    expect(response.headers.get("Content-Security-Policy")).toBe(withScriptSources(`'${valid}'`));
  });
});

describe("Cache-Control: no-store on the JSON APIs", () => {
  it("on every /review/api answer: the officers' queue, their errors and unknown paths", async () => {
    const officer = await signedInOfficer();
    const queue = await officer.browser.get("/review/api/queue");
    expect(queue.status).toBe(200);
    expect(queue.headers.get("Cache-Control")).toBe("no-store");
    expectSecurityHeaders(queue);

    const notClaimed = await officer.browser.post("/review/api/items/999999999/claim", {});
    expect(notClaimed.status).toBe(404);
    expect(notClaimed.headers.get("Cache-Control")).toBe("no-store");

    const malformed = await officer.browser.request("/review/api/items/1/return", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(malformed.status).toBeGreaterThanOrEqual(400);
    expect(malformed.status).toBeLessThan(500);
    expect(malformed.headers.get("Cache-Control")).toBe("no-store");

    const signedOut = await new Browser().get("/review/api/queue");
    expect(signedOut.status).toBe(401);
    expect(signedOut.headers.get("Cache-Control")).toBe("no-store");

    for (const path of ["/review/api/no-such-thing", "/review/api", "/review/api/items/1/no-such-thing"]) {
      const missing = await officer.browser.get(path);
      expect(missing.status, path).toBe(404);
      expect(missing.headers.get("Cache-Control"), path).toBe("no-store");
      expectSecurityHeaders(missing);
    }
  });

  it("on /api answers as before, and not on pages", async () => {
    const browser = new Browser();
    expect((await browser.get("/api/session")).headers.get("Cache-Control")).toBe("no-store");
    expect((await browser.get("/api/no-such-thing")).headers.get("Cache-Control")).toBe("no-store");
    expect((await browser.get("/review")).headers.get("Cache-Control")).not.toBe("no-store");
  });
});
