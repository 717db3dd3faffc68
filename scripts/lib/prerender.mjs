// The build's prerender (decision 023): runs client/prerender.tsx in Node and writes each page's
// first render, in each language, as dist/client/_pages/<lang>/<key>.html, from the same template as
// index.html (its stylesheet), with the page's <html lang> and <title>. Its one script is
// client/boot.ts, inlined: no request for a script before the first paint. Boot fetches the app
// once the page's largest paint is on screen, with the chunks the page needs (the entry's, its
// language's catalogue, its page chunk) preloaded at that moment, in parallel, listed in
// data-after-paint. The Content-Security-Policy allows that one inline script by its SHA-256,
// which the build writes to dist/client/_pages/script-hashes.json for the worker to send.
// The worker serves these files (worker/routes/pages.ts); the client hydrates them (client/main.tsx).
import { createHash } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

const escapeHtml = (text) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** Every output `start` needs before it runs: itself and its static imports, transitively. */
function withStaticImports(outputs, start, into = new Set()) {
  if (into.has(start) || !outputs[start]) return into;
  into.add(start);
  for (const i of outputs[start].imports) if (i.kind === "import-statement") withStaticImports(outputs, i.path, into);
  return into;
}

/** The file the worker reads the inline scripts' hashes from (worker/routes/pages.ts). */
export const SCRIPT_HASHES_FILE = "_pages/script-hashes.json";

/** client/boot.ts as one minified script to inline, and its CSP source ('sha256-…' without the quotes). */
async function bootScript(root, target) {
  const built = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ["client/boot.ts"],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target,
    minify: true,
    legalComments: "none",
    tsconfig: path.join(root, "client", "tsconfig.json"),
    logLevel: "warning",
  });
  const text = built.outputFiles[0].text.trim();
  // Inlined as is: it must not close its <script> element, nor import anything by a relative URL.
  if (/<\/script|<!--/i.test(text)) throw new Error("prerender: boot's output holds </script or <!--");
  if (/\bimport\s*[{*"']|\bfrom\s*["']/.test(text)) throw new Error("prerender: boot's output imports a module");
  return { text, hash: `sha256-${createHash("sha256").update(text, "utf8").digest("base64")}` };
}

/**
 * @param {object} build
 * @param {string} build.root          the project root
 * @param {string} build.outDir        the directory being built (dist/client's replacement)
 * @param {string} build.indexHtml     index.html as built (stylesheet, preloads and entry module in it)
 * @param {import("esbuild").Metafile} build.metafile  the client build's metafile
 * @param {string} build.entryFile     the entry's output path, as the metafile names it
 * @param {(outputPath: string) => string} build.publicUrl  "/assets/x.js" for a metafile output path
 * @param {string[]} build.target      esbuild's target, as the client's
 * @returns {Promise<{ written: number, skipped: string[], bootBytes: number }>}
 */
export async function writePrerenderedPages({ root, outDir, indexHtml, metafile, entryFile, publicUrl, target }) {
  const bundle = path.join(outDir, `..`, `prerender-${process.pid}.mjs`);
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ["client/prerender.tsx"],
    outfile: bundle,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node22",
    jsx: "automatic",
    jsxImportSource: "preact",
    tsconfig: path.join(root, "client", "tsconfig.json"),
    // Face-model weights are fetched by the browser on use, never by a first render.
    loader: { ".bin": "empty" },
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  let result;
  try {
    result = await (await import(pathToFileURL(bundle).href)).prerenderPages();
  } finally {
    await rm(bundle, { force: true });
  }

  const boot = await bootScript(root, target);
  const outputs = metafile.outputs;
  const outputOf = (entryPoint) => Object.keys(outputs).find((file) => outputs[file].entryPoint === entryPoint);
  /** The URLs of the chunks a page needs: the entry first, its static chunks, then these modules' (a page module that is not a chunk is skipped). */
  const chunksFor = (modules) => {
    const files = withStaticImports(outputs, entryFile);
    for (const module of modules) {
      const file = outputOf(module);
      if (file) withStaticImports(outputs, file, files);
    }
    return [...files].map(publicUrl).join(" ");
  };

  const app = /<div id="app">([\s\S]*?)<\/div>/;
  if (!app.test(indexHtml)) throw new Error('prerender: index.html lacks <div id="app">…</div>');
  // Inside the page's width, as the header below it is.
  const noscript = app
    .exec(indexHtml)[1]
    .trim()
    .replace("<noscript>", '<noscript><div class="container">')
    .replace("</noscript>", "</div></noscript>");
  for (const page of result.pages) {
    const attributes = `data-prerendered="${page.key}"${page.withToken ? ' data-prerendered-with="token"' : ""}`;
    // A form sent before the script is live is sent by the browser itself: as a POST, never as a
    // GET that would put what was typed (a password) into the URL; the worker answers it by
    // reloading the page (worker/routes/pages.ts).
    const markup = page.html.replace(/<form(?=[\s>])/g, '<form method="post"');
    let html = indexHtml
      .replace(/<html lang="[^"]*">/, `<html lang="${page.lang}">`)
      // The notice for a browser without JavaScript stays: reading works, forms need the script.
      .replace(app, () => `${noscript}\n    <div id="app" ${attributes}>${markup}</div>`)
      // index.html preloads the entry at once; a prerendered page leaves it to boot, after its paint.
      .replace(/\n\s*<link rel="modulepreload"[^>]*>/g, "")
      .replace(
        /<script type="module" src="[^"]*"><\/script>/,
        () =>
          `<script type="module" data-after-paint="${chunksFor([`client/i18n/${page.lang}.ts`, page.pageModule])}">${boot.text}</script>`,
      );
    if (page.title) html = html.replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`);
    const file = path.join(outDir, "_pages", page.lang, `${page.key}.html`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, html);
  }
  await writeFile(path.join(outDir, SCRIPT_HASHES_FILE), `${JSON.stringify([boot.hash])}\n`);
  return { written: result.pages.length, skipped: result.skipped, bootBytes: Buffer.byteLength(boot.text) };
}
