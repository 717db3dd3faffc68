import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import type { PhotoCheckReport } from "../../scripts/admin/commands/photo-check.ts";
import { ROOT, runAdmin } from "./support.ts";

// `photo check` runs the upload route's pipeline (worker/photo/validate-upload.ts, face detection
// included) on the labelled fixtures of scripts/fixtures/generate-photos.ts. Expectations come
// from the fixtures' manifest, so they follow the fixtures as they change.

const FIXTURES = path.join(ROOT, "test/fixtures/photos");

interface ManifestEntry {
  file: string;
  expect: {
    header: "ok" | "corrupt" | "truncated" | "unsupported" | "not-an-image";
    fails?: string[];
    notDecodable?: boolean;
    refusal?: string;
  };
}

/** The upload route's refusal for a fixture that never reaches the checks, or undefined. */
function expectedRefusal(entry: ManifestEntry): string | undefined {
  if (entry.expect.refusal) return entry.expect.refusal;
  if (entry.expect.notDecodable) return "photo_too_many_pixels";
  if (entry.expect.header === "not-an-image") return entry.file.endsWith(".heic") ? "photo_heic" : "photo_empty";
  if (entry.expect.header !== "ok") return "photo_corrupt";
  return undefined;
}

async function check(
  files: string[],
  json = true,
): Promise<{ code: number | null; reports: PhotoCheckReport[]; stdout: string; stderr: string }> {
  const { code, stdout, stderr } = await runAdmin([
    "photo",
    "check",
    ...files.map((f) => path.join(FIXTURES, f)),
    ...(json ? ["--json"] : []),
  ]);
  const reports = json
    ? stdout
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as PhotoCheckReport)
    : [];
  return { code, reports, stdout, stderr };
}

describe("admin: photo check", () => {
  let manifest: ManifestEntry[];
  before(async () => {
    // The fixtures are generated, not committed: make them if this checkout has none.
    if (!existsSync(path.join(FIXTURES, "manifest.json"))) {
      await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", path.join(ROOT, "scripts/fixtures/generate-photos.ts")],
        { cwd: ROOT },
      );
    }
    manifest = JSON.parse(readFileSync(path.join(FIXTURES, "manifest.json"), "utf8")) as ManifestEntry[];
  });

  it("accepts the valid photos: no check fails, exit code 0", async () => {
    const valid = manifest.filter((e) => e.expect.header === "ok" && !e.expect.fails?.length).map((e) => e.file);
    assert.ok(valid.length >= 3, "the manifest labels several valid photos");
    const { code, reports } = await check(valid);
    assert.equal(code, 0);
    assert.deepEqual(
      reports.map((r) => r.file),
      valid.map((f) => path.join(FIXTURES, f)),
    );
    for (const report of reports) {
      assert.equal(
        report.accepted,
        true,
        `${report.file}: ${JSON.stringify(report.checks.filter((c) => c.verdict === "fail"))}`,
      );
      assert.equal(report.refusal, undefined);
      assert.ok(report.checks.every((c) => c.verdict !== "fail"));
    }
  });

  it("fails each reason for return on its own check id, exit code 1", async () => {
    const returned = manifest.filter((e) => e.expect.fails?.length && !expectedRefusal(e));
    assert.ok(returned.length >= 6);
    for (const id of ["too_dark", "background_not_white", "glare", "face_not_visible", "dimensions"])
      assert.ok(
        returned.some((e) => e.expect.fails!.includes(id)),
        `some fixture is returned for ${id}`,
      );
    const { code, reports } = await check(returned.map((e) => e.file));
    assert.equal(code, 1);
    for (const [i, entry] of returned.entries()) {
      const report = reports[i]!;
      assert.equal(report.accepted, false, entry.file);
      for (const id of entry.expect.fails!)
        assert.equal(report.checks.find((c) => c.id === id)?.verdict, "fail", `${entry.file}: ${id}`);
    }
  });

  it("refuses malformed and hostile files with the upload route's code and message", async () => {
    const refused = manifest.filter((e) => expectedRefusal(e));
    assert.ok(refused.length >= 5);
    const { code, reports } = await check(refused.map((e) => e.file));
    assert.equal(code, 1);
    for (const [i, entry] of refused.entries()) {
      const report = reports[i]!;
      assert.equal(report.accepted, false, entry.file);
      assert.ok(report.refusal, entry.file);
      assert.equal(report.refusal.code, expectedRefusal(entry), entry.file);
      assert.ok(report.refusal.status >= 400 && report.refusal.status < 500);
      assert.ok(report.refusal.message.length > 20);
      assert.deepEqual(report.checks, []);
    }
  });

  it("prints one JSON object per file with file, accepted and checks [{ id, verdict, value }]", async () => {
    const { reports } = await check(["valid.jpg", "too-dark.jpg", "truncated.jpg"]);
    assert.equal(reports.length, 3);
    for (const report of reports) {
      assert.equal(typeof report.file, "string");
      assert.equal(typeof report.accepted, "boolean");
      assert.ok(["pass", "warn", "fail"].includes(report.verdict));
      for (const c of report.checks) {
        assert.deepEqual(Object.keys(c), ["id", "verdict", "value"]);
        // format measures the file type found in the bytes; every other check a number.
        if (c.id === "format") assert.equal(c.value, "JPEG");
        else assert.equal(typeof c.value, "number");
      }
    }
    const ids = reports[0]!.checks.map((c) => c.id);
    for (const id of [
      "format",
      "file_size",
      "dimensions",
      "too_dark",
      "background_not_white",
      "glare",
      "face_not_visible",
    ])
      assert.ok(ids.includes(id), id);
  });

  describe("readable output and odd arguments", () => {
    let dir: string;
    before(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), "photo-check-"));
    });
    after(() => rm(dir, { recursive: true, force: true }));

    it("explains each verdict in English, with the fix for what fails", async () => {
      const { code, stdout } = await check(["too-dark.jpg", "heic-like.heic"], false);
      assert.equal(code, 1);
      assert.match(stdout, /too-dark\.jpg: would be returned/);
      assert.match(stdout, /^ {2}FAIL {2}too_dark +The photo is too dark/m);
      assert.match(stdout, /→ Take the photo again in a brighter place/);
      assert.match(stdout, /heic-like\.heic: REFUSED \(415 photo_heic\)/);
    });

    it("names a CMYK or YCCK JPEG and an AVIF or HEIF file by their own problem and fix, never as damaged or as HEIC", async () => {
      const { code, reports } = await check(["cmyk.jpg", "ycck.jpg", "avif-like.avif", "heif-like.heif"]);
      assert.equal(code, 1);
      const refusals = reports.map((r) => ({
        status: r.refusal?.status,
        code: r.refusal?.code,
        detail: r.refusal?.detail,
      }));
      assert.deepEqual(refusals, [
        { status: 415, code: "photo_cmyk", detail: "colour space: cmyk" },
        { status: 415, code: "photo_cmyk", detail: "colour space: ycck" },
        { status: 415, code: "photo_avif", detail: undefined },
        { status: 415, code: "photo_heif", detail: undefined },
      ]);
      assert.match(
        reports[0]!.refusal!.message,
        /^This photo is saved in CMYK colours, for printing.*RGB JPEG \(sRGB\)/,
      );
      assert.match(reports[2]!.refusal!.message, /^This is an AVIF image.*JPEG \(\.jpg\) or PNG/);
      assert.match(reports[3]!.refusal!.message, /^This is a HEIF image/);
      const { stdout } = await check(["cmyk.jpg", "avif-like.avif"], false);
      assert.match(stdout, /cmyk\.jpg: REFUSED \(415 photo_cmyk\)/);
      assert.match(stdout, /avif-like\.avif: REFUSED \(415 photo_avif\)/);
    });

    it("refuses a file over 4 MB as the route does (413), and reports unreadable files", async () => {
      const big = path.join(dir, "big.jpg");
      await writeFile(
        big,
        Buffer.concat([readFileSync(path.join(FIXTURES, "valid.jpg")), Buffer.alloc(4 * 1024 * 1024)]),
      );
      const { code, stdout, stderr } = await runAdmin(["photo", "check", big, path.join(dir, "missing.jpg"), "--json"]);
      assert.equal(code, 1);
      const report = JSON.parse(stdout.trim()) as PhotoCheckReport;
      assert.deepEqual(
        { status: report.refusal?.status, code: report.refusal?.code },
        { status: 413, code: "photo_too_large" },
      );
      assert.match(stderr, /cannot read .*missing\.jpg/);
    });

    it("has its own --help and needs at least one file", async () => {
      const help = await runAdmin(["photo", "check", "--help"]);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /--json/);
      const missing = await runAdmin(["photo", "check"]);
      assert.equal(missing.code, 2);
      assert.match(missing.stderr, /missing file/);
    });
  });
});
