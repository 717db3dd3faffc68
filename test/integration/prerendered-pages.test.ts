// The pages as served, before any script runs (decision 023): the worker answers each page path
// with the page's prerendered HTML in the request's language, which holds the page's heading and
// text (public pages) or its shell (signed-in pages); the client then hydrates it. Needs the built
// client (dist/client, as `npm test` builds it first).
import { describe, expect, it } from "vitest";
import { en } from "../../client/i18n/en.ts";
import { fr } from "../../client/i18n/fr.ts";
import { Browser } from "../support/http.ts";

const CATALOGUES = { en, fr } as const;

/** The text a reader sees in some HTML, entities decoded, whitespace folded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) =>
      name === "amp"
        ? "&"
        : name === "lt"
          ? "<"
          : name === "gt"
            ? ">"
            : name === "quot"
              ? '"'
              : name === "#39"
                ? "'"
                : " ",
    )
    .replace(/\s+/g, " ");
}

/** Catalogue text as textOf() gives it: every run of white space (no-break spaces too) one space. */
const fold = (text: string) => text.replace(/\s+/g, " ");

/** The <h1>'s text and the whole #app's text, as the served HTML holds them. */
async function served(path: string, headers: Record<string, string> = {}) {
  const response = await new Browser().get(path, headers);
  const html = await response.text();
  const app = /<div id="app"([^>]*)>([\s\S]*)<\/div>\s*<\/body>/.exec(html);
  return {
    response,
    html,
    lang: /<html lang="([^"]+)"/.exec(html)?.[1],
    prerendered: /data-prerendered="([^"]+)"/.exec(app?.[1] ?? "")?.[1] ?? null,
    h1: textOf(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(app?.[2] ?? "")?.[1] ?? "").trim(),
    text: textOf(app?.[2] ?? ""),
  };
}

describe("the pages as served, before any script runs", () => {
  for (const lang of ["en", "fr"] as const) {
    const m = CATALOGUES[lang];

    it(`the information page holds its heading and its text (${lang})`, async () => {
      const page = await served(`/?lang=${lang}`);
      expect(page.response.status).toBe(200);
      expect(page.response.headers.get("Content-Type")).toMatch(/^text\/html/);
      expect(page.lang).toBe(lang);
      expect(page.prerendered).toBe("info");
      expect(page.h1).toBe(fold(m.info.heading));
      for (const text of [m.info.lede, m.info.purpose.heading, m.info.privacy.heading, m.layout.serviceName])
        expect(page.text).toContain(fold(text));
      expect(page.html).toContain(`<title>${m.info.title}`);
    });

    it(`sign-in holds its heading, its notice and its form (${lang})`, async () => {
      const page = await served(`/sign-in?lang=${lang}`);
      expect(page.response.status).toBe(200);
      expect(page.lang).toBe(lang);
      expect(page.prerendered).toBe("sign-in");
      expect(page.h1).toBe(fold(m.signIn.heading));
      for (const text of [m.signIn.personalNotice, m.signIn.usernameLabel, m.signIn.passwordLabel, m.signIn.forgotLink])
        expect(page.text).toContain(fold(text));
      expect(page.html).toMatch(/<input[^>]+autocomplete="username"/);
      expect(page.html).toMatch(/<input[^>]+type="password"/);
    });

    it(`a signed-in page holds its shell: header, heading and the loading state (${lang})`, async () => {
      const home = await served(`/home?lang=${lang}`);
      expect(home.prerendered).toBe("home");
      expect(home.text).toContain(fold(m.layout.serviceName));
      expect(home.h1).toBe(fold(m.home.heading));
      // Its largest text, the introduction, is in place before the data (the task list's LCP).
      expect(home.text).toContain(fold(m.home.intro));
      expect(home.html).toContain(`<p class="loading" role="status">${m.common.loading}</p>`);
      // A person's page is one file whatever the id, which its shell does not show.
      const presence = await served(`/persons/31/presence?lang=${lang}`);
      expect(presence.prerendered).toBe("presence");
      expect(presence.text).toContain(fold(m.layout.serviceName));
      expect(presence.html).toContain(`<p class="loading" role="status">${m.common.loading}</p>`);
      expect(presence.html).not.toMatch(/424242424242|707070707070/);
    });
  }

  it("a form sent before the script is live is a POST, answered by the page again: nothing typed reaches a URL", async () => {
    for (const path of ["/sign-in", "/forgot-password", "/verify", "/set-password", "/reset-password"]) {
      const page = await served(`${path}?lang=en`);
      const forms = page.html.match(/<form[^>]*>/g) ?? [];
      expect(forms.length, path).toBeGreaterThan(0);
      for (const form of forms) expect(form, path).toMatch(/method="post"/);
    }
    const sent = await new Browser().request("/sign-in?lang=fr", {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "username=PR-DEMO0001&password=correct+maple+snowfall+lantern",
    });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("Location")).toBe("/sign-in?lang=fr");
    expect(await sent.text()).not.toContain("maple");
  });

  it("picks the language as the client does: ?lang=, then the lang cookie, then Accept-Language", async () => {
    expect((await served("/sign-in", { "Accept-Language": "fr-CA,fr;q=0.9,en;q=0.5" })).lang).toBe("fr");
    expect((await served("/sign-in", { "Accept-Language": "de-DE" })).lang).toBe("en");
    expect((await served("/sign-in", { "Accept-Language": "en-CA", Cookie: "lang=fr" })).lang).toBe("fr");
    expect((await served("/sign-in?lang=en", { "Accept-Language": "fr", Cookie: "lang=fr" })).lang).toBe("en");
    expect((await served("/sign-in?lang=fr", { Cookie: "lang=en" })).h1).toBe(fr.signIn.heading);
    const page = await served("/sign-in", { Cookie: "lang=fr" });
    expect(page.response.headers.get("Vary")).toMatch(/Cookie/);
    expect(page.response.headers.get("Vary")).toMatch(/Accept-Language/);
  });

  it("an unknown path is the not-found page; the officers' area is the client's shell; files are files", async () => {
    const missing = await served("/no-such-page?lang=fr");
    expect(missing.response.status).toBe(200);
    expect(missing.prerendered).toBe("not-found");
    expect(missing.h1).toBe(fold(fr.notFound.heading));
    // The prerendered files answer only as the pages they are.
    expect((await served("/_pages/en/info")).prerendered).toBe("not-found");
    const officers = await served("/review/queue?lang=en");
    expect(officers.prerendered).toBeNull();
    expect(officers.html).toMatch(/<div id="app">\s*<noscript>/);
    // A prerendered page's one script is boot, inline (allowed by its hash: security-headers.test.ts),
    // which loads the entry, listed first, and the page's chunks after the largest paint.
    const script = /<script type="module" data-after-paint="([^"]+)">([^<]+)<\/script>/.exec(missing.html);
    const chunks = script?.[1]?.split(" ") ?? [];
    expect(script?.[2]).toContain("largest-contentful-paint");
    expect(chunks[0]).toMatch(/^\/assets\/main-[A-Z0-9]+\.js$/);
    expect(chunks.some((chunk) => /^\/assets\/fr-[A-Z0-9]+\.js$/.test(chunk))).toBe(true);
    expect(missing.html).not.toMatch(/<link[^>]*rel="modulepreload"/);
    expect(missing.html).not.toMatch(/<script[^>]*\ssrc=/);
    for (const file of chunks) {
      const served = await new Browser().get(file);
      expect(served.status).toBe(200);
      expect(served.headers.get("Content-Type")).toMatch(/javascript/);
    }
    // Security headers on a prerendered page too.
    expect(missing.response.headers.get("Content-Security-Policy")).toContain("script-src 'self'");
  });
});
