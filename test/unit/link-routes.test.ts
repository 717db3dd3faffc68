// Emailed links carry their secret in the URL fragment only: the pages that
// read it, and old links with the token in the path, which get a message and
// send nothing on.
import { describe, expect, it } from "vitest";
import { tokenFromFragment } from "../../client/lib/fragment-token.ts";
import { matchRoute } from "../../client/lib/routes.ts";

describe("links from emails in the client", () => {
  it("the invitation, reset and confirmation pages have no token in their path", () => {
    expect(matchRoute("/invitation")).toEqual({ name: "invitation" });
    expect(matchRoute("/reset-password")).toEqual({ name: "resetPassword" });
    expect(matchRoute("/confirm-email")).toEqual({ name: "confirmEmail" });
  });

  it("an old link with its token in the path is an outdated link, not a page that would post it", () => {
    expect(matchRoute("/invitation/abcdefghijklmnopqrstuvwxyz012345")).toEqual({
      name: "outdatedLink",
      kind: "invitation",
    });
    expect(matchRoute("/reset-password/abcdefghijklmnopqrstuvwxyz012345")).toEqual({
      name: "outdatedLink",
      kind: "resetPassword",
    });
    expect(matchRoute("/invitation/a/b")).toEqual({ name: "notFound" });
  });

  it("reads the token from the fragment, and nothing else", () => {
    expect(tokenFromFragment("#token=Ab-_9xYz01234567890123")).toBe("Ab-_9xYz01234567890123");
    expect(tokenFromFragment("#lang=fr&token=abc")).toBe("abc");
    expect(tokenFromFragment("")).toBe("");
    expect(tokenFromFragment("#token=")).toBe("");
    expect(tokenFromFragment("#token=<script>")).toBe("");
  });
});
