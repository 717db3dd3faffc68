import { describe, expect, it } from "vitest";
import { shippedPasswordBlocklist } from "../../worker/lib/password-blocklist.ts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, checkPasswordRules } from "../../worker/lib/password-policy.ts";

const codes = (password: string, username = "PR-ABCD2345") =>
  checkPasswordRules(password, { username, blocklist: shippedPasswordBlocklist() }).map((p) => p.code);

describe("password rules (NIST SP 800-63B rev 4)", () => {
  it("needs at least 15 characters, counted as a person counts them", () => {
    expect(PASSWORD_MIN_LENGTH).toBe(15);
    expect(codes("violet harbour")).toEqual(["too_short"]); // 14
    expect(codes("violet harbours")).toEqual([]); // 15
    // Accented letters count once each, whatever their encoding.
    expect(codes("été à l'érablière")).toEqual([]);
  });

  it("allows at least 64 characters and never truncates", () => {
    const long = "a quiet walk along the harbour at dusk with seventeen gulls overhead".slice(0, 64);
    expect(long.length).toBe(64);
    expect(codes(long)).toEqual([]);
    expect(codes("x".repeat(PASSWORD_MAX_LENGTH + 1))).toEqual(["too_long"]);
  });

  it("has no composition rules and allows spaces and any Unicode", () => {
    expect(codes("lowercase words only here")).toEqual([]);
    expect(codes("日本語のパスワードはとても安全です")).toEqual([]);
    expect(codes("emoji 🍁🍁 maple leaves fall")).toEqual([]);
  });

  it("normalizes with NFKC before checking", () => {
    // Fullwidth letters normalize to ASCII, so the username is still found.
    expect(codes("ｐｒ-ａｂｃｄ２３４５ and more words")).toEqual(["contains_username"]);
  });

  it("refuses common and breached passwords, also when padded", () => {
    expect(codes("passwordpassword")).toEqual(["common"]);
    expect(codes("1qaz2wsx3edc4rfv")).toEqual(["common"]);
    expect(codes("password1234567890")).toEqual(["common"]);
    expect(codes("monkey!!!!!!!!!!!!")).toEqual(["common"]);
    expect(codes("123456789012345")).toEqual(["common"]);
  });

  it("refuses repetitive and sequential passwords", () => {
    expect(codes("aaaaaaaaaaaaaaaa")).toEqual(["common"]);
    expect(codes("abcabcabcabcabcabc")).toEqual(["common"]);
    expect(codes("abcdefghijklmnop")).toEqual(["common"]);
    expect(codes("qwertyuiopasdfgh")).toEqual(["common"]);
  });

  it("refuses a password containing the username or the portal's name", () => {
    expect(codes("my name is pr-abcd2345 ok")).toEqual(["contains_username"]);
    expect(codes("my permanent residence secret")).toEqual(["contains_portal_name"]);
    expect(codes("IRCC rocks my socks off")).toEqual(["contains_portal_name"]);
  });

  it("reports an empty password as required", () => {
    expect(codes("")).toEqual(["required"]);
  });
});
