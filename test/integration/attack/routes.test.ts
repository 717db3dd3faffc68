import { describe, expect, it } from "vitest";
import { createApp } from "../../../worker/app.ts";
import { ALL_ROUTES, READ_ROUTES, STATE_CHANGING_ROUTES } from "./routes.ts";

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

  it("lists state-changing routes apart from reads: only GETs read", () => {
    expect(STATE_CHANGING_ROUTES.every((r) => r.method !== "GET")).toBe(true);
    expect(READ_ROUTES.every((r) => r.method === "GET")).toBe(true);
  });
});
