// The client's one request function (client/lib/request.ts) at its boundary, the network: fetch is
// replaced for each case by one answering as a browser's would. The defence: an answer whose body
// never arrived whole (Firefox aborts a page's fetches as it leaves the page; a dropped connection)
// or a 2xx without its JSON is a failure the page shows, never `ok` with no data (a page once read
// `data.signedIn` of nothing: a TypeError in Firefox's keyboard journey on the photo page).
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../client/i18n/en.ts";
import { loadMessages } from "../../client/i18n/index.ts";
import { type RequestPolicy, request } from "../../client/lib/request.ts";

// The catalogue the messages come from, as the app loads it before its first request.
beforeAll(() => loadMessages("en"));
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const answer = (response: () => Response) => {
  globalThis.fetch = async () => response();
};
const policy = (): RequestPolicy & { redirected: string[] } => {
  const redirected: string[] = [];
  return {
    redirected,
    signedOut: () => redirected.push("sign-in"),
    passwordChangeRequired: () => redirected.push("set-password"),
  };
};

/** A 200 whose body fails after the headers, as an aborted fetch's does. */
function bodyThatBreaks(): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"signedIn":'));
      controller.error(new DOMException("The operation was aborted.", "AbortError"));
    },
  });
  return new Response(body, { status: 200, headers: { "Content-Type": "application/json" } });
}

describe("client request()", () => {
  it("gives the data of a JSON answer", async () => {
    answer(() => Response.json({ signedIn: false }));
    expect(await request("/api/session", { lang: "en" }, policy())).toEqual({
      ok: true,
      status: 200,
      data: { signedIn: false },
    });
  });

  it("counts a body that broke off after the headers as a network failure, with its message", async () => {
    answer(bodyThatBreaks);
    expect(await request("/api/session", { lang: "en" }, policy())).toEqual({
      ok: false,
      status: 0,
      error: { code: "network_error", message: en.errors.network },
    });
  });

  it("counts a 200 with no body, or a body that is not JSON, as an unexpected answer", async () => {
    for (const body of ["", "<html>proxy error</html>"]) {
      answer(() => new Response(body, { status: 200 }));
      expect(await request("/api/session", { lang: "en" }, policy()), JSON.stringify(body)).toEqual({
        ok: false,
        status: 200,
        error: { code: "unexpected_response", message: en.errors.unexpected },
      });
    }
  });

  it("accepts a 204 with no body (sign-out)", async () => {
    answer(() => new Response(null, { status: 204 }));
    const result = await request<void>("/api/auth/sign-out", { lang: "en", method: "POST" }, policy());
    expect(result.ok).toBe(true);
    expect(result.status).toBe(204);
  });

  it("still sends a signed-out answer to sign in, with the worker's error", async () => {
    const p = policy();
    answer(() => Response.json({ error: { code: "not_signed_in", message: "Sign in" } }, { status: 401 }));
    const result = await request("/api/persons", { lang: "en" }, p);
    expect(result).toEqual({ ok: false, status: 401, error: { code: "not_signed_in", message: "Sign in" } });
    expect(p.redirected).toEqual(["sign-in"]);
  });
});
