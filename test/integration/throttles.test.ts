// Throttles on expensive signed-in actions (worker/middleware/signed-in-throttles.ts):
// wrong current passwords in the password change end the account's sessions,
// and photo uploads are limited per person and per account, before the body
// is read. Both answer 429 with Retry-After and a translated message.
import { describe, expect, it } from "vitest";
import { APPLICANT_COOKIE } from "../../worker/middleware/applicant-session.ts";
import {
  PHOTO_UPLOADS_PER_ACCOUNT_PER_HOUR,
  PHOTO_UPLOADS_PER_PERSON_PER_HOUR,
} from "../../worker/middleware/signed-in-throttles.ts";
import { GOOD_PASSWORD, signedInApplicant } from "../support/factories.ts";
import { useBindings } from "../support/faults.ts";
import { Browser, errorOf } from "../support/http.ts";
import { jpegOf, uploadPhoto } from "../support/journey.ts";

function retryAfter(response: Response): number {
  return Number(response.headers.get("Retry-After"));
}

describe("throttles on signed-in actions", () => {
  it("the fifth wrong current password in an hour ends every session of the account (429, Retry-After, EN/FR); signing in again works", async () => {
    const applicant = await signedInApplicant();
    const elsewhere = new Browser();
    expect(
      (await elsewhere.post("/api/auth/sign-in", { username: applicant.username, password: GOOD_PASSWORD })).status,
    ).toBe(200);
    const attempt = (headers: Record<string, string> = {}) =>
      applicant.browser.post(
        "/api/account/password",
        {
          currentPassword: "a guess at the password",
          newPassword: "a brand new passphrase here",
          confirmPassword: "a brand new passphrase here",
        },
        headers,
      );

    for (let i = 1; i <= 4; i++) {
      const wrong = await attempt();
      expect(wrong.status, `attempt ${i}`).toBe(422);
      expect((await errorOf(wrong)).fields?.[0]).toMatchObject({ field: "currentPassword", code: "wrong" });
    }
    expect((await applicant.browser.get("/api/account")).status).toBe(200);

    const fifth = await attempt({ "Accept-Language": "fr" });
    expect(fifth.status).toBe(429);
    expect(retryAfter(fifth)).toBeGreaterThan(0);
    expect(retryAfter(fifth)).toBeLessThanOrEqual(3600);
    expect(await errorOf(fifth)).toEqual({
      code: "password_attempts_signed_out",
      message:
        "Votre mot de passe actuel a été mal saisi trop de fois : pour protéger votre compte, nous vous avons déconnecté. Reconnectez-vous pour continuer.",
    });
    expect(applicant.browser.cookies.has(APPLICANT_COOKIE)).toBe(false);
    // Every session of the account ended, this one and the other.
    expect((await applicant.browser.get("/api/account")).status).toBe(401);
    expect((await elsewhere.get("/api/account")).status).toBe(401);

    const again = new Browser();
    expect(
      (await again.post("/api/auth/sign-in", { username: applicant.username, password: GOOD_PASSWORD })).status,
    ).toBe(200);
    expect((await again.get("/api/account")).status).toBe(200);
  });

  it("photo uploads: 30 an hour per person and 60 per account, refused before the body is read (429, Retry-After, EN/FR)", async () => {
    expect([PHOTO_UPLOADS_PER_PERSON_PER_HOUR, PHOTO_UPLOADS_PER_ACCOUNT_PER_HOUR]).toEqual([30, 60]);
    const family = await signedInApplicant({
      dependants: [
        { givenNames: "Chidi", dateOfBirth: "2014-06-01" },
        { givenNames: "Ada", dateOfBirth: "2016-09-12" },
      ],
    });
    // The defaults, not the high limits test/vitest.config.ts sets for the fuzz tests.
    useBindings(family.browser, {
      PHOTO_UPLOADS_PER_PERSON_PER_HOUR: undefined,
      PHOTO_UPLOADS_PER_ACCOUNT_PER_HOUR: undefined,
    });
    const [first, second, third] = family.persons;
    // A small, quick photo: decoded and checked (it fails the dimensions check), never stored.
    const small = await jpegOf({ width: 15, height: 21, data: new Uint8ClampedArray(15 * 21 * 4).fill(200) });

    for (let i = 1; i <= 30; i++) {
      const response = await uploadPhoto(family.browser, first!.id, small);
      expect(response.status, `upload ${i}`).toBe(422);
    }
    // The 31st for this person: refused before the body is read, so a file
    // that would be a 415 if decoded is answered 429.
    const refused = await uploadPhoto(
      family.browser,
      first!.id,
      new TextEncoder().encode("not an image at all"),
      "image/jpeg",
    );
    expect(refused.status).toBe(429);
    expect(retryAfter(refused)).toBeGreaterThan(0);
    expect(retryAfter(refused)).toBeLessThanOrEqual(3600);
    const error = await errorOf(refused);
    expect(error.code).toBe("too_many_photo_uploads");
    expect(error.message).toMatch(
      /^You have uploaded many photos in the last hour\. Wait \d+ minutes, then upload your photo again\.$/,
    );
    const french = await family.browser.request(`/api/persons/${first!.id}/photo`, {
      method: "POST",
      headers: { "Content-Type": "image/jpeg", "Accept-Language": "fr" },
      body: small,
    });
    expect(french.status).toBe(429);
    expect((await errorOf(french)).message).toMatch(
      /^Vous avez téléversé beaucoup de photos au cours de la dernière heure\. Attendez \d+ minutes/,
    );

    // Another person of the account still can, until the account's 60 are used
    // (the first person's 32 attempts count toward them too).
    for (let i = 1; i <= 28; i++) {
      expect((await uploadPhoto(family.browser, second!.id, small)).status, `second person, upload ${i}`).toBe(422);
    }
    const overAccount = await uploadPhoto(family.browser, second!.id, small);
    expect(overAccount.status).toBe(429);
    expect((await errorOf(overAccount)).code).toBe("too_many_photo_uploads");
    expect((await uploadPhoto(family.browser, third!.id, small)).status).toBe(429);
  });
});
