// What the workerd test pool adds to the worker's bindings (test/vitest.config.ts): the migrations the
// setup file applies. Declared here, for the tests' types only, so worker/ never imports cloudflare:test.
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
  }
  /** `exports` from cloudflare:workers in the tests: the worker's own handlers (test/support/http.ts). */
  interface GlobalProps {
    mainModule: typeof import("../worker/index.ts");
  }
}
