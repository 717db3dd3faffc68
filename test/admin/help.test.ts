import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runAdmin } from "./support.ts";

// None of these reach wrangler: help and usage errors are answered first.
describe("admin CLI: help and usage errors", () => {
  it("lists every command with --help, exit code 0", async () => {
    const { code, stdout } = await runAdmin(["--help"]);
    assert.equal(code, 0);
    for (const name of ["import", "invite", "reset-temp-password", "officer create", "mail", "seed-demo"])
      assert.match(stdout, new RegExp(`^  ${name} `, "m"));
    assert.match(stdout, /--state DIR/);
    assert.match(stdout, /--remote/);
  });

  it("gives each command its own --help", async () => {
    for (const args of [
      ["import"],
      ["invite"],
      ["reset-temp-password"],
      ["officer", "create"],
      ["mail"],
      ["seed-demo"],
      ["officer"],
    ]) {
      const { code, stdout } = await runAdmin([...args, "--help"]);
      assert.equal(code, 0, args.join(" "));
      assert.match(stdout, /^Usage: npm run admin -- /m, args.join(" "));
    }
    const { stdout } = await runAdmin(["help", "invite"]);
    assert.match(stdout, /--all-pending/);
  });

  it("exits 2 on usage errors, with a pointer to --help", async () => {
    const cases: [string[], RegExp][] = [
      [[], /no command given/],
      [["frobnicate"], /unknown command "frobnicate"/],
      [["officer"], /needs a subcommand/],
      [["import"], /missing file/],
      [["import", "applications.xlsx"], /neither a \.csv nor a \.json file/],
      [["import", "does-not-exist.csv"], /cannot read/],
      [["invite"], /either --application N .* or --all-pending/],
      [["invite", "--all-pending", "--application", "E000100001"], /either --application/],
      [["reset-temp-password"], /--email is required/],
      [["reset-temp-password", "--email", "not-an-email"], /is not an email address/],
      [["officer", "create", "--email", "a@b.test"], /--name is required/],
      [["mail", "--limit", "0"], /--limit must be/],
      [["mail", "--colour"], /Unknown option '--colour'/],
      [["seed-demo", "--remote"], /refuses --remote/],
      [["mail", "--remote", "--state", "/tmp/x"], /cannot be used together/],
    ];
    for (const [args, message] of cases) {
      const { code, stderr, stdout } = await runAdmin(args);
      assert.equal(code, 2, `${args.join(" ")}: ${stderr}`);
      assert.match(stderr, message, args.join(" "));
      assert.equal(stdout, "", args.join(" "));
    }
  });
});
