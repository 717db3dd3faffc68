// A local stand-in for Have I Been Pwned's Pwned Passwords range API, started
// in Node by vitest (globalSetup in test/vitest.config.ts) on a loopback port;
// the worker reaches it with its real fetch when a test sets
// PWNED_PASSWORDS_URL to its address. It answers as the real service does:
// `GET /range/{5 hex}` lists "SUFFIX:COUNT" lines for every breached password
// whose SHA-1 starts with that prefix and, when asked with `Add-Padding: true`,
// adds padding lines with a count of 0. Under `/slow` it answers after 5
// seconds, under `/down` with 503. `GET /__requests` lists what it was asked.
import { createHash } from "node:crypto";
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { TestProject } from "vitest/node";
import { FAKE_BREACHED, FAKE_PADDING_ONLY } from "./pwned-fixtures.ts";

const sha1 = (text: string) => createHash("sha1").update(text, "utf8").digest("hex").toUpperCase();
const requests: { path: string; addPadding: string | null }[] = [];

function handle(request: IncomingMessage, response: ServerResponse) {
  const url = new URL(request.url ?? "/", "http://fake");
  if (url.pathname === "/__requests") {
    response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(requests));
    return;
  }
  const match = /^(\/slow|\/down)?\/range\/([0-9A-Fa-f]{5})$/.exec(url.pathname);
  if (!match) {
    response.writeHead(404).end();
    return;
  }
  requests.push({ path: url.pathname, addPadding: (request.headers["add-padding"] as string | undefined) ?? null });
  const [, mode, prefix] = match;
  if (mode === "/down") {
    response.writeHead(503).end("Service Unavailable");
    return;
  }
  const lines: string[] = [];
  for (const password of FAKE_BREACHED) {
    const hash = sha1(password);
    if (hash.startsWith(prefix!.toUpperCase())) lines.push(`${hash.slice(5)}:${1000 + password.length}`);
  }
  const padded = sha1(FAKE_PADDING_ONLY);
  if (padded.startsWith(prefix!.toUpperCase())) lines.push(`${padded.slice(5)}:0`);
  if (request.headers["add-padding"] === "true") {
    for (let i = 0; i < 20; i++)
      lines.push(`${createHash("sha1").update(`pad${prefix}${i}`).digest("hex").toUpperCase().slice(5)}:0`);
  }
  const send = () => response.writeHead(200, { "Content-Type": "text/plain" }).end(lines.join("\r\n"));
  if (mode === "/slow") setTimeout(send, 5000).unref();
  else send();
}

export default async function setup(project: TestProject) {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  project.provide("pwnedPasswordsUrl", `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

declare module "vitest" {
  export interface ProvidedContext {
    pwnedPasswordsUrl: string;
  }
}
