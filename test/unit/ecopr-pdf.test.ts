import { describe, expect, it } from "vitest";
import { drawableText, renderEcoprPdf } from "../../worker/documents/ecopr-pdf.ts";

const content = {
  givenNames: "Łukasz Zoë",
  familyName: "Nguyễn 李",
  dateOfBirth: "1990-01-01",
  uci: "12345678",
  applicationNumber: "E000000001",
  confirmedOn: "2026-11-23",
  verificationCode: "K7M4-Q9TX-2HNP-W8RC",
  verifyUrl: "https://portal.test/verify",
};

describe("e-CoPR PDF", () => {
  it("renders names outside the standard fonts' range instead of failing", async () => {
    const pdf = await renderEcoprPdf(content);
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe("%PDF-");
  });

  it("keeps French accents and falls back to base letters, else ?", () => {
    const latin1 = (c: string) => c.charCodeAt(0) < 256;
    expect(drawableText("Hélène Çaron", latin1)).toBe("Hélène Çaron");
    expect(drawableText("Łukasz Nguyễn", latin1)).toBe("?ukasz Nguyen");
    expect(drawableText("李", latin1)).toBe("?");
  });
});
