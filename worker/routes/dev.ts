import { Hono } from "hono";
import { listOutbox } from "../data/outbox.ts";
import { escapeHtml, fillSecrets } from "../email/render.ts";
import { isDevelopmentMode } from "../lib/environment.ts";
import { AppError } from "../lib/errors.ts";
import type { AppBindings } from "../lib/hono-types.ts";

function linkify(escapedText: string): string {
  return escapedText.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}

/**
 * Development only: the local mailbox, i.e. every message the portal wrote
 * to its outbox, with secrets filled in so the demo can be followed.
 * Outside development mode (isDevelopmentMode: fails closed) every /dev route is a 404.
 */
export const devRoutes = new Hono<AppBindings>()
  .use(async function developmentOnly(c, next) {
    if (!isDevelopmentMode(c.env)) throw new AppError(404, "not_found", "errors.notFound");
    await next();
  })
  .get("/mailbox", async (c) => {
    const messages = await listOutbox(c.var.db, { to: c.req.query("to") || undefined });
    const rendered = messages.map((m) => {
      const secrets = m.secretsJson ? (JSON.parse(m.secretsJson) as Record<string, string>) : null;
      return {
        id: m.id,
        kind: m.kind,
        to: m.toAddress,
        from: m.fromAddress,
        subject: m.subject,
        status: m.status,
        createdAt: m.createdAt,
        sentAt: m.sentAt,
        text: fillSecrets(m.textBody, secrets),
      };
    });
    if (c.req.query("format") === "json") return c.json({ messages: rendered });
    const items = rendered
      .map(
        (m) => `<article>
<h2>#${m.id} ${escapeHtml(m.subject)}</h2>
<dl><dt>To</dt><dd>${escapeHtml(m.to)}</dd><dt>From</dt><dd>${escapeHtml(m.from)}</dd><dt>Kind</dt><dd>${escapeHtml(m.kind)}</dd><dt>Status</dt><dd>${escapeHtml(m.status)}${m.sentAt ? ` (${escapeHtml(m.sentAt)})` : ""}</dd><dt>Written</dt><dd>${escapeHtml(m.createdAt)}</dd></dl>
<pre>${linkify(escapeHtml(m.text))}</pre></article>`,
      )
      .join("\n<hr>\n");
    return c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Development mailbox</title></head>
<body><main><h1>Development mailbox</h1>
<p>Every email the local portal has written, newest first. This page exists only in development.</p>
<form method="get"><label for="to">Only messages to</label> <input id="to" name="to" type="email" value="${escapeHtml(c.req.query("to") ?? "")}"> <button>Filter</button></form>
${items || "<p>No messages yet.</p>"}</main></body></html>`);
  });
