// One wording per return reason (issue 18): the photo-returned email and the applicant's status
// page both read shared/photo/return-reasons.ts; the client's catalogues hold no second
// wording of their own (they once said "glare or a reflection" where the email said "shiny spots").
// The status page showing these very strings is checked in Chromium (e2e/officer-review.test.ts).
import { describe, expect, it } from "vitest";
import { en } from "../../client/i18n/en.ts";
import { fr } from "../../client/i18n/fr.ts";
import { photoReturnedEmail } from "../../worker/email/templates.ts";
import {
  RETURN_REASONS,
  type ReturnReason,
  isReturnReason,
  returnReasonText,
} from "../../shared/photo/return-reasons.ts";

type Tree = { readonly [key: string]: string | Tree };
const leaves = (tree: Tree): string[] => Object.values(tree).flatMap((v) => (typeof v === "string" ? [v] : leaves(v)));
const reasons = Object.keys(RETURN_REASONS) as ReturnReason[];
const ctx = { origin: "https://portal.test", helpEmail: "help@portal.test" };

describe("return reasons", () => {
  it("the email lists each reason with the shared sentence, in each half", () => {
    const email = photoReturnedEmail(ctx, { name: "Amara Okafor", reasons, note: null });
    const [english, french] = email.text.split("\n----------------------------------------\n") as [string, string];
    for (const reason of reasons) {
      expect(english).toContain(`- ${RETURN_REASONS[reason].en}`);
      expect(french).toContain(`- ${RETURN_REASONS[reason].fr}`);
    }
  });

  it("the page's lookup gives the same sentences, and `other` for an unknown id", () => {
    for (const reason of reasons) {
      expect(returnReasonText(reason, "en")).toBe(RETURN_REASONS[reason].en);
      expect(returnReasonText(reason, "fr")).toBe(RETURN_REASONS[reason].fr);
    }
    expect(returnReasonText("made_up", "fr")).toBe(RETURN_REASONS.other.fr);
    expect(isReturnReason("toString")).toBe(false);
  });

  it("the client's catalogues carry no wording of their own for the applicant", () => {
    expect("reasons" in en.status).toBe(false);
    expect("reasons" in fr.status).toBe(false);
    // No catalogue string restates a reason (the officer's short checkbox labels are not sentences).
    const texts = [...leaves(en as unknown as Tree), ...leaves(fr as unknown as Tree)];
    expect(
      texts.filter((text) =>
        /shiny spots|glare or a reflection|reflet ou de l'éblouissement|points brillants/i.test(text),
      ),
    ).toEqual([]);
  });

  it("each reason reads differently in English and French, with French spacing before colons", () => {
    for (const reason of reasons) {
      expect(RETURN_REASONS[reason].fr).not.toBe(RETURN_REASONS[reason].en);
      expect(RETURN_REASONS[reason].fr).not.toMatch(/[^\u00a0\d]:/); // "5:7" is a ratio
    }
  });
});
