import path from "node:path";
import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(root, "migrations"));
  return {
    root,
    plugins: [
      cloudflareTest({
        wrangler: { configPath: path.join(root, "wrangler.toml") },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            ENVIRONMENT: "test",
            PUBLIC_ORIGIN: "https://portal.test",
            JWT_SECRET: "test-only-secret-0123456789abcdef0123456789abcdef",
            // integration/upload-fuzz.test.ts: `FUZZ_SEED=n npm test` replays one fuzz run (workerd has no process.env).
            FUZZ_SEED: process.env.FUZZ_SEED ?? "",
            // The fuzz and decoder-memory tests upload thousands of photos for one person; the
            // throttle's own test (integration/throttles.test.ts) runs with the defaults (30 and 60 an hour).
            PHOTO_UPLOADS_PER_PERSON_PER_HOUR: "1000000",
            PHOTO_UPLOADS_PER_ACCOUNT_PER_HOUR: "1000000",
            // Representatives are off by default in wrangler.toml; the tests run with them on, so the
            // attack suite attacks their routes, and integration/representatives.test.ts turns them off
            // for one browser (useBindings) to test the other setting (decision 026).
            REPRESENTATIVE_ACCESS: "on",
          },
        },
      }),
    ],
    test: {
      include: ["test/unit/**/*.test.ts", "test/integration/**/*.test.ts"],
      setupFiles: ["test/support/apply-migrations.ts"],
      // A local fake of the Pwned Passwords range API (inject("pwnedPasswordsUrl")).
      globalSetup: ["test/support/fake-pwned-passwords.ts"],
      testTimeout: 60_000,
      hookTimeout: 60_000,
      // Two files at a time, each in its own workerd with its own storage (the default is one
      // fewer than the cores: a single file at a time here, while the upload fuzz test alone
      // takes minutes). Only integration/breached-password.test.ts reads the shared fake's log,
      // and it compares counts taken around its own requests.
      maxWorkers: 2,
    },
  };
});
