// Defences: the 64 KB bodyLimit on /api and /review/api (worker/app.ts) and
// the photo route's own 4 MB count while reading (readBodyWithin in
// worker/routes/photos.ts). Oversize bodies are sent with no Content-Length
// (a stream), a false one (smaller than the body), and non-numeric ones.
import { describe, expect, it } from "vitest";
import { MAX_PHOTO_BYTES } from "../../../shared/photo/size-limit.ts";
import { errorOf } from "../../support/http.ts";
import { rawRequest } from "./raw.ts";
import { STATE_CHANGING_ROUTES } from "./routes.ts";
import { everyRouteHasATarget, openAnotherWayRequest } from "./world.ts";

const JSON_LIMIT = 64 * 1024;
const PHOTO_LIMIT = MAX_PHOTO_BYTES;

/** `size` bytes of a JSON object, delivered in chunks as a stream (so no length is known up front). */
function streamOf(size: number): ReadableStream<Uint8Array> {
  const head = new TextEncoder().encode('{"pad":"');
  const tail = new TextEncoder().encode('"}');
  const chunk = new Uint8Array(16 * 1024).fill(0x41);
  let sent = 0;
  let stage = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stage === 0) {
        controller.enqueue(head);
        stage = 1;
      } else if (sent < size) {
        const part = chunk.subarray(0, Math.min(chunk.length, size - sent));
        sent += part.length;
        controller.enqueue(part);
      } else {
        controller.enqueue(tail);
        controller.close();
      }
    },
  });
}

/** The Content-Length lies an attacker can tell; `undefined` means none at all. */
const LENGTHS: Record<string, string | undefined> = {
  absent: undefined,
  "false (10 bytes)": "10",
  "false (zero)": "0",
  "non-numeric": "lots",
  negative: "-1",
  hexadecimal: "0x10",
  exponent: "1e2",
  empty: "",
};

function send(
  path: string,
  size: number,
  contentType: string,
  length: string | undefined,
  cookiesOf: Parameters<typeof rawRequest>[1]["cookiesOf"],
) {
  const headers: Record<string, string> = { "Content-Type": contentType, "Sec-Fetch-Site": "same-origin" };
  if (length !== undefined) headers["Content-Length"] = length;
  return rawRequest(path, { method: "POST", headers, body: streamOf(size), cookiesOf });
}

describe("oversize bodies", () => {
  it("every JSON route answers 413 body_too_large past 64 KB, whatever Content-Length says (or does not)", async () => {
    const { cookies, pathOf } = await everyRouteHasATarget();
    // The photo and the e-CoPR correction (a form with a photo of a document) have their own 4 MB limit:
    // the photo's is tested below, the correction's in integration/ecopr-corrections.test.ts.
    const jsonRoutes = STATE_CHANGING_ROUTES.filter(
      (r) =>
        !r.path.endsWith("/photo") &&
        !r.path.endsWith("/ecopr-corrections") &&
        // A photo sent with an explanation, and an officer's scan of a mailed photo: the photos' 4 MB (below).
        !r.path.endsWith("/photo/exception") &&
        !r.path.endsWith("/mailed-photo"),
    );
    for (const route of jsonRoutes) {
      for (const [name, length] of Object.entries(LENGTHS)) {
        const response = await send(pathOf(route.path), JSON_LIMIT * 2, "application/json", length, cookies);
        const label = `${route.path} / Content-Length ${name}`;
        expect(response.status, label).toBe(413);
        expect((await errorOf(response)).code, label).toBe("body_too_large");
      }
    }
  });

  it("the photo route answers 413 photo_too_large past 4 MB, whatever Content-Length says (or does not)", async () => {
    const { cookies, victim } = await everyRouteHasATarget();
    for (const [name, length] of Object.entries(LENGTHS)) {
      const response = await send(
        `/api/persons/${victim.persons[0]!.id}/photo`,
        PHOTO_LIMIT + 64 * 1024,
        "image/jpeg",
        length,
        cookies,
      );
      expect(response.status, name).toBe(413);
      expect((await errorOf(response)).code, name).toBe("photo_too_large");
    }
  });

  it("a photo with its explanation and an officer's scan of a mailed photo answer 413 photo_too_large past 4 MB, whatever Content-Length says", async () => {
    const { cookies, victim } = await everyRouteHasATarget();
    // A person with no photo submitted, so the scan would be taken: only its size refuses it.
    const person = victim.persons[0]!.id;
    const requestId = await openAnotherWayRequest(victim.browser, person);
    for (const template of [
      `/api/persons/${person}/photo/exception`,
      `/review/api/another-way/${requestId}/mailed-photo`,
    ]) {
      for (const [name, length] of Object.entries(LENGTHS)) {
        const response = await send(template, PHOTO_LIMIT + 64 * 1024, "image/jpeg", length, cookies);
        const label = `${template} / Content-Length ${name}`;
        expect(response.status, label).toBe(413);
        expect((await errorOf(response)).code, label).toBe("photo_too_large");
      }
    }
  });

  it("a body just under the limit is read normally (the 413s above are the limit, not a broken route)", async () => {
    const { cookies } = await everyRouteHasATarget();
    const response = await send("/api/account/language", JSON_LIMIT - 1024, "application/json", undefined, cookies);
    expect(response.status).toBe(422);
    expect((await errorOf(response)).fields?.[0]?.field).toBe("language");
  });
});
