import { createRequire } from "node:module";
import { test } from "node:test";
import { launchChromium } from "/work/main/test/e2e/support/chromium.ts";
import { startPortal } from "/work/main/test/e2e/support/portal.ts";
const require = createRequire("/work/main/package.json");
test("probe", { timeout: 120000 }, async () => {
  const [portal, browser] = await Promise.all([startPortal(), launchChromium()]);
  for (const bypassCSP of [false, true]) {
    const ctx = await browser.newContext({ bypassCSP });
    const page = await ctx.newPage();
    await page.goto(portal.url + "/sign-in?lang=fr");
    await page.waitForLoadState("networkidle");
    try { await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") }); } catch (e) { console.log("addScriptTag failed", bypassCSP, String(e).slice(0, 200)); }
    const r = await page.evaluate(() => "axe" in window ? (window as any).axe.run(document, { runOnly: { type: "tag", values: ["wcag2a","wcag2aa","wcag21a","wcag21aa","wcag22aa"] } }).then((r: any) => ({ passes: r.passes.map((p: any) => p.id), violations: r.violations.length, incomplete: r.incomplete.map((p: any) => p.id) })) : "no axe");
    console.log(bypassCSP, JSON.stringify(r));
    await ctx.close();
  }
  await browser.close(); await portal.stop();
});
