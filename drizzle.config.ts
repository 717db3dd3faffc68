import { defineConfig } from "drizzle-kit";

// drizzle-kit writes flat NNNN_name.sql files into migrations/, which is also
// wrangler's migrations_dir: `wrangler d1 migrations apply` is the only way
// they reach a database (locally, in tests, and in production).
export default defineConfig({
  dialect: "sqlite",
  schema: "./schema/index.ts",
  out: "./migrations",
});
