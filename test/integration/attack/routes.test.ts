import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../worker/app.ts";
import { ALL_ROUTES, PAGE_ROUTES, READ_ROUTES, STATE_CHANGING_ROUTES } from "./routes.ts";
import { everyRouteHasATarget, fingerprint } from "./world.ts";

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe("the attack suite's route list", () => {
  const registered = createApp().routes;

  it("names every route the app registers, and nothing else", () => {
    // `.use()` middleware and the catch-all fallbacks are registered as ALL on
    // a wildcard path; every real handler has its own method.
    const handlers = registered.filter((r) => r.method !== "ALL").map(key);
    expect([...new Set(handlers)].sort()).toEqual(ALL_ROUTES.map(key).sort());
  });

  it("every route answering any method is a middleware (calls next) or a fallback on a wildcard path", () => {
    // An `.all("/something", handler)` would take POSTs without being listed above.
    const anyMethod = registered.filter((r) => r.method === "ALL" && r.handler.length < 2).map((r) => r.path);
    expect(anyMethod.length).toBeGreaterThan(0);
    for (const path of anyMethod) expect(path, path).toMatch(/\*$/);
  });

  it("a page's POST (a prerendered form sent before its script ran) is a 303 back to the page and changes nothing; cross-site, a 403", async () => {
    const { scope } = await everyRouteHasATarget();
    const before = await fingerprint(scope);
    const body = "email=victim%40example.com&password=x&confirm=true";
    const form = { "Content-Type": "application/x-www-form-urlencoded" };
    const sameSite = await SELF.fetch("https://portal.test/sign-in?lang=fr", {
      method: "POST",
      body,
      headers: { ...form, Origin: "https://portal.test", "Sec-Fetch-Site": "same-origin" },
      redirect: "manual",
    });
    expect(sameSite.status).toBe(303);
    expect(sameSite.headers.get("Location")).toBe("/sign-in?lang=fr");
    const crossSite = await SELF.fetch("https://portal.test/sign-in", {
      method: "POST",
      body,
      headers: { ...form, Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      redirect: "manual",
    });
    expect(crossSite.status).toBe(403);
    expect(await fingerprint(scope)).toEqual(before);
    expect(PAGE_ROUTES.filter((r) => r.method === "POST").map(key)).toEqual(["POST /*"]);
  });

  it("lists state-changing routes apart from reads: only GETs read", () => {
    expect(STATE_CHANGING_ROUTES.every((r) => r.method !== "GET")).toBe(true);
    expect(READ_ROUTES.every((r) => r.method === "GET")).toBe(true);
  });
});
