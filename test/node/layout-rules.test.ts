// The layout's import rules (issue 16 point 2, decision 014), checked on every
// import specifier; Biome's noRestrictedImports (biome.json, decision 018) checks
// the same folders in npm run lint, and this test stays for what it cannot say
// (only pure packages in shared/: data, or pure ES code such as valibot):
// - only worker/data/ talks to D1: `drizzle-orm` (any subpath) and the tables
//   in schema/ are imported nowhere else in worker/, client/ or shared/
//   (tests and scripts may still use them);
// - client/ never imports worker/;
// - shared/ imports only shared/ and pure packages: no worker/, client/,
//   schema/ and no runtime package (node:, cloudflare:, hono, preact…).
// Specifiers are read with TypeScript's own pre-processor, so static imports,
// `import type`, re-exports and dynamic import() are all seen.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
/** Packages shared/ may import: data, or pure ES code that runs the same in the worker, the browser
 *  and Node with no platform API. Face-api's weight manifests left with it (issue 15: the face mesh
 *  reads its model files, handed in by the caller); valibot came for the API's schemas (decision 022). */
const PURE_DATA_PACKAGES: RegExp[] = [/^valibot$/];

interface ImportSite {
  file: string;
  line: number;
  specifier: string;
}

interface SourceFile {
  /** Path from the repository root, with forward slashes ("worker/routes/auth.ts"). */
  file: string;
  text: string;
}

function sourceFiles(folder: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const entry of readdirSync(path.join(root, folder), { withFileTypes: true })) {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) files.push(...sourceFiles(relative));
    else if (SOURCE.test(entry.name))
      files.push({ file: relative, text: readFileSync(path.join(root, relative), "utf8") });
  }
  return files;
}

function importsOf({ file, text }: SourceFile): ImportSite[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map((imported) => ({
    file,
    line: text.slice(0, imported.pos).split("\n").length,
    specifier: imported.fileName,
  }));
}

/** The repository path a relative specifier lands on ("worker/data/db.ts"), or null for a package. */
function target(site: ImportSite): string | null {
  if (!site.specifier.startsWith(".")) return null;
  return path.posix.normalize(path.posix.join(path.posix.dirname(site.file), site.specifier));
}

const isDrizzle = (site: ImportSite) => site.specifier === "drizzle-orm" || site.specifier.startsWith("drizzle-orm/");
const landsIn = (site: ImportSite, folder: string) => {
  const to = target(site);
  return to !== null && (to === folder || to.startsWith(`${folder}/`));
};

/** The import sites breaking the rules, as "file:line imports 'specifier' (why)". */
function layoutViolations(files: SourceFile[]): string[] {
  const found: string[] = [];
  const report = (site: ImportSite, why: string) =>
    found.push(`${site.file}:${site.line} imports '${site.specifier}' (${why})`);
  for (const site of files.flatMap(importsOf)) {
    const area = site.file.split("/")[0];
    if (!site.file.startsWith("worker/data/")) {
      if (isDrizzle(site)) report(site, "only worker/data/ queries D1");
      if (landsIn(site, "schema")) report(site, "only worker/data/ uses the tables in schema/");
    }
    if (area === "client" && landsIn(site, "worker")) report(site, "client/ imports only client/ and shared/");
    if (area === "shared") {
      if (target(site) === null) {
        if (!isDrizzle(site) && !PURE_DATA_PACKAGES.some((allowed) => allowed.test(site.specifier)))
          report(site, "shared/ imports no runtime package");
      } else if (!landsIn(site, "shared") && !landsIn(site, "schema")) {
        report(site, "shared/ imports only shared/");
      }
    }
  }
  return found;
}

describe("layout rules", () => {
  test("D1 only from worker/data/; client/ never imports worker/; shared/ imports only shared/ and pure data", () => {
    const files = ["worker", "client", "shared"].flatMap(sourceFiles);
    // The scan must see the tree: an empty list would pass anything.
    assert.ok(
      files.some((f) => f.file.startsWith("worker/data/")) &&
        files.some((f) => f.file.startsWith("client/")) &&
        files.some((f) => f.file.startsWith("shared/")),
    );
    const violations = layoutViolations(files);
    assert.deepEqual(violations, [], `imports breaking the layout rules:\n${violations.join("\n")}`);
  });

  test("each rule names the file and line of what it forbids, and lets through what is allowed", () => {
    const files: SourceFile[] = [
      {
        file: "worker/data/accounts.ts",
        text: 'import { eq } from "drizzle-orm";\nimport { accounts } from "../../schema/index.ts";\n',
      },
      {
        file: "worker/routes/x.ts",
        text: 'import { Hono } from "hono";\nimport { eq } from "drizzle-orm";\nimport type { DrizzleD1Database } from "drizzle-orm/d1";\nexport { accounts } from "../../schema/index.ts";\nconst s = await import("../../schema/accounts.ts");\nimport { findAccountById } from "../data/accounts.ts";\n',
      },
      {
        file: "client/x.ts",
        text: 'import { h } from "preact";\nimport { fold } from "../shared/people/search-fold.ts";\nimport type { AppEnv } from "../worker/env.ts";\n',
      },
      {
        file: "shared/x.ts",
        text: 'import { z } from "./z.ts";\nimport { y } from "./y.ts";\nimport { Hono } from "hono";\nimport { readFileSync } from "node:fs";\nimport { App } from "../client/app.tsx";\nimport { x } from "../worker/x.ts";\nimport { persons } from "../schema/index.ts";\n',
      },
    ];
    assert.deepEqual(layoutViolations(files), [
      "worker/routes/x.ts:2 imports 'drizzle-orm' (only worker/data/ queries D1)",
      "worker/routes/x.ts:3 imports 'drizzle-orm/d1' (only worker/data/ queries D1)",
      "worker/routes/x.ts:4 imports '../../schema/index.ts' (only worker/data/ uses the tables in schema/)",
      "worker/routes/x.ts:5 imports '../../schema/accounts.ts' (only worker/data/ uses the tables in schema/)",
      "client/x.ts:3 imports '../worker/env.ts' (client/ imports only client/ and shared/)",
      "shared/x.ts:3 imports 'hono' (shared/ imports no runtime package)",
      "shared/x.ts:4 imports 'node:fs' (shared/ imports no runtime package)",
      "shared/x.ts:5 imports '../client/app.tsx' (shared/ imports only shared/)",
      "shared/x.ts:6 imports '../worker/x.ts' (shared/ imports only shared/)",
      "shared/x.ts:7 imports '../schema/index.ts' (only worker/data/ uses the tables in schema/)",
    ]);
  });
});
