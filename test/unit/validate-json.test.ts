// worker/lib/validate-json.ts, the one reader of JSON bodies: the answers the API has always given
// (415, 400 malformed_json, 422 field errors in the request's language), now from shared/api/ schemas,
// from the `jsonBody` middleware (hono/validator), placed after a route's guards.
import { Hono } from "hono";
import { beforeEach, describe, expect, it } from "vitest";
import { LanguageBody } from "../../shared/api/accounts.ts";
import { AddressBody } from "../../shared/api/persons.ts";
import { AcknowledgeBody } from "../../shared/api/photos.ts";
import { handleError } from "../../worker/lib/error-response.ts";
import type { AppBindings } from "../../worker/lib/hono-types.ts";
import { jsonBody } from "../../worker/lib/validate-json.ts";
import { signedInApplicant } from "../../worker/middleware/applicant-session.ts";

const base = () =>
  new Hono<AppBindings>().use(async (c, next) => {
    c.set("language", c.req.header("Accept-Language") === "fr" ? "fr" : "en");
    c.set("applicant", null);
    await next();
  });

const apps = {
  jsonBody: base()
    .post("/language", jsonBody(LanguageBody), async (c) => c.json(c.req.valid("json")))
    .post("/address", jsonBody(AddressBody), async (c) => c.json(c.req.valid("json")))
    .post("/acknowledge", jsonBody(AcknowledgeBody), async (c) => c.json(c.req.valid("json")))
    // A guard placed before the body answers first, as on every signed-in route.
    .post("/signed-in", signedInApplicant(), jsonBody(LanguageBody), async (c) => c.json(c.req.valid("json"))),
};
for (const app of Object.values(apps)) app.onError(handleError);

let app: Hono<AppBindings> = apps.jsonBody;

function post(path: string, body: string, headers: Record<string, string> = { "Content-Type": "application/json" }) {
  return app.request(path, { method: "POST", body, headers });
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; fields?: unknown[] } }).error;
}

const ADDRESS = {
  unit: "",
  streetNumber: "111",
  streetName: "Wellington Street",
  city: "Ottawa",
  province: "ON",
  postalCode: "k1a0a9",
};

for (const [name, reader] of Object.entries(apps))
  describe(name, () => {
    beforeEach(() => {
      app = reader;
    });

    it("answers 415 unless the body is sent as JSON", async () => {
      const sent: Record<string, string>[] = [
        { "Content-Type": "text/plain" },
        {},
        { "Content-Type": "application/x-www-form-urlencoded" },
      ];
      for (const headers of sent) {
        const response = await post("/language", '{"language":"fr"}', headers);
        expect(response.status).toBe(415);
        expect((await errorOf(response)).code).toBe("unsupported_media_type");
      }
      expect(
        (await post("/language", '{"language":"fr"}', { "Content-Type": "application/json; charset=utf-8" })).status,
      ).toBe(200);
      // The portal's test has always read this as JSON; hono/validator alone would hand the schema {}.
      const seq = await post("/language", '{"language":"fr"}', { "Content-Type": "application/json-seq" });
      expect(seq.status).toBe(200);
      expect(await seq.json()).toEqual({ language: "fr" });
    });

    it("answers 400 malformed_json to a body that does not parse or is not an object", async () => {
      for (const body of ["{not json", "", "[1]", "null", '"fr"', "3"]) {
        const response = await post("/language", body);
        expect(response.status, body).toBe(400);
        expect(await errorOf(response)).toEqual({
          code: "malformed_json",
          message: "The request could not be read. Reload the page and try again.",
        });
      }
    });

    it("answers 400 malformed_json to a field of the wrong type, never a field error", async () => {
      for (const [path, body] of [
        ["/language", { language: 5 }],
        ["/language", { language: ["fr"] }],
        ["/address", { ...ADDRESS, city: { name: "Ottawa" } }],
        // A wrong type wins over a person's mistakes elsewhere in the body.
        ["/address", { ...ADDRESS, streetName: "", postalCode: 12345 }],
      ] as const) {
        const response = await post(path, JSON.stringify(body));
        expect(response.status, JSON.stringify(body)).toBe(400);
        expect((await errorOf(response)).code).toBe("malformed_json");
      }
    });

    it("reads a missing or null text field as empty, and a field tested only for true as absent", async () => {
      const missing = await post("/language", "{}");
      expect(missing.status).toBe(422);
      expect((await errorOf(missing)).fields).toEqual([
        { field: "language", code: "required", message: "Select a language." },
      ]);
      expect((await post("/language", '{"language":null}')).status).toBe(422);
      const unticked = await post("/acknowledge", "{}");
      expect(unticked.status).toBe(422);
      expect(((await errorOf(unticked)).fields as { code: string }[])[0]?.code).toBe("required");
      expect((await post("/acknowledge", '{"acknowledge":true}')).status).toBe(200);
    });

    it("answers 422 with each field's problem in English and in French", async () => {
      const en = await post("/language", '{"language":"de"}');
      expect(en.status).toBe(422);
      expect(await errorOf(en)).toEqual({
        code: "validation_failed",
        message: "Some answers need to be corrected.",
        fields: [{ field: "language", code: "required", message: "Select a language." }],
      });
      const fr = await post("/language", '{"language":"de"}', {
        "Content-Type": "application/json",
        "Accept-Language": "fr",
      });
      expect(fr.status).toBe(422);
      expect((await errorOf(fr)).fields).toEqual([
        { field: "language", code: "required", message: "Indiquez une langue." },
      ]);
    });

    it("names provinces in the request's language, and lists problems in the API's order", async () => {
      const body = JSON.stringify({
        ...ADDRESS,
        streetNumber: "",
        city: "x".repeat(61),
        province: "BC",
        postalCode: "K1A 0A9",
      });
      const en = await errorOf(await post("/address", body));
      expect((en.fields as { field: string; code: string }[]).map((f) => [f.field, f.code])).toEqual([
        ["streetNumber", "required"],
        ["city", "too_long"],
        ["postalCode", "province_mismatch"],
      ]);
      const mismatchEn = (en.fields as { message: string }[])[2]!.message;
      expect(mismatchEn).toContain("Ontario");
      expect(mismatchEn).toContain("British Columbia");
      const fr = await errorOf(
        await post("/address", body, { "Content-Type": "application/json", "Accept-Language": "fr" }),
      );
      const mismatchFr = (fr.fields as { message: string }[])[2]!.message;
      expect(mismatchFr).toContain("Colombie-Britannique");
      expect(mismatchFr).not.toContain("British Columbia");
    });

    it("hands the route the schema's output: trimmed lines, the province upper-cased, the postal code in Canada Post's form", async () => {
      const response = await post(
        "/address",
        JSON.stringify({ ...ADDRESS, city: "  Ottawa  ", province: "on", extra: 1 }),
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ...ADDRESS, city: "Ottawa", postalCode: "K1A 0A9" });
    });
  });

describe("jsonBody after a guard", () => {
  it("lets the guard answer first: 401 signed out, whatever the body", async () => {
    app = apps.jsonBody;
    for (const [body, type] of [
      ['{"language":"fr"}', "text/plain"],
      ["{not json", "application/json"],
      ['{"language":"de"}', "application/json"],
    ]) {
      const response = await post("/signed-in", body!, { "Content-Type": type! });
      expect(response.status, `${type} ${body}`).toBe(401);
      expect((await errorOf(response)).code).toBe("not_signed_in");
    }
  });
});
