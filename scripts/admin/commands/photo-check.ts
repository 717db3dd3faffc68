import { readFile } from "node:fs/promises";
import path from "node:path";
import type { CheckResult } from "../../../shared/photo/checks/index.ts";
import type { UploadRefusal } from "../../../worker/photo/validate-upload.ts";
import { type Command, print } from "../command.ts";
import { EXIT } from "../errors.ts";

/** One file's outcome, as printed with --json (one object per line). */
export interface PhotoCheckReport {
  file: string;
  /** No check failed and the file was not refused: the upload route would store it. */
  accepted: boolean;
  verdict: "pass" | "warn" | "fail";
  checks: { id: string; verdict: "pass" | "warn" | "fail"; value: number | string }[];
  /** Present when the file never reached the checks: the upload route's 4xx code and message. */
  refusal?: { status: number; code: string; message: string; detail?: string };
}

/** The upload route's answer to each refusal (worker/routes/photos.ts): status and message key. */
const REFUSALS = {
  photo_too_large: { status: 413, key: "photo.tooLarge" },
  photo_empty: { status: 422, key: "photo.empty" },
  photo_heic: { status: 415, key: "photo.heic" },
  photo_avif: { status: 415, key: "photo.avif" },
  photo_heif: { status: 415, key: "photo.heif" },
  photo_cmyk: { status: 415, key: "photo.cmyk" },
  photo_type: { status: 415, key: "photo.type" },
  photo_corrupt: { status: 422, key: "photo.corrupt" },
  photo_too_many_pixels: { status: 422, key: "photo.tooManyPixels" },
} as const;

type Outcome =
  | { file: string; refusal: UploadRefusal | { code: "photo_too_large" } }
  | { file: string; checks: CheckResult[] };

/** Runs the server pipeline on one file's bytes, as the upload route does. */
async function checkBytes(file: string, bytes: Uint8Array): Promise<Outcome> {
  const { MAX_PHOTO_BYTES } = await import("../../../shared/photo/size-limit.ts");
  // The route stops reading the body past 4 MB (413) before anything else.
  if (bytes.byteLength > MAX_PHOTO_BYTES) return { file, refusal: { code: "photo_too_large" } };
  const { validateUpload } = await import("../../../worker/photo/validate-upload.ts");
  const result = await validateUpload(bytes);
  return result.ok ? { file, checks: result.checks } : { file, refusal: result.refusal };
}

async function toReport(outcome: Outcome): Promise<PhotoCheckReport> {
  const { worstVerdict } = await import("../../../shared/photo/checks/index.ts");
  const { translate } = await import("../../../shared/api/messages.ts");
  if ("refusal" in outcome) {
    const { refusal } = outcome;
    const { status, key } = REFUSALS[refusal.code];
    const params =
      refusal.code === "photo_too_many_pixels" ? { width: refusal.width, height: refusal.height } : undefined;
    const detail =
      refusal.code === "photo_corrupt"
        ? refusal.detail
        : refusal.code === "photo_type"
          ? `detected: ${refusal.detected}`
          : refusal.code === "photo_cmyk"
            ? `colour space: ${refusal.colorSpace}`
            : undefined;
    return {
      file: outcome.file,
      accepted: false,
      verdict: "fail",
      checks: [],
      refusal: { status, code: refusal.code, message: translate("en", key, params), ...(detail ? { detail } : {}) },
    };
  }
  const verdict = worstVerdict(outcome.checks.map((c) => c.verdict));
  return {
    file: outcome.file,
    accepted: verdict !== "fail",
    verdict,
    checks: outcome.checks.map(({ id, verdict, value }) => ({ id, verdict, value })),
  };
}

const VERDICT_LABEL = { pass: "pass", warn: "WARN", fail: "FAIL" } as const;

export const photoCheckCommand: Command = {
  name: "photo check",
  summary: "Run the upload route's photo checks on files and explain each verdict (nothing is stored).",
  synopsis: "<file>... [--json]",
  description: [
    'For support staff answering "why was my photo flagged?": each file goes through the same',
    "pipeline as an upload (4 MB limit, magic bytes, header parsed and bounded, WASM decode, EXIF",
    "orientation, every check including face detection) and its verdicts are printed with the",
    "messages the applicant sees (English). Files refused before the checks show the route's code.",
    "Nothing is read from or written to the portal's data: --state and --remote do not apply.",
    "Exit code 0 when every file is accepted (pass or warn), 1 when any file fails or is refused.",
  ],
  options: { json: { type: "boolean" } },
  optionHelp: [
    [
      "--json",
      "one JSON object per file and line: { file, accepted, verdict, checks: [{ id, verdict, value }], refusal? }",
    ],
  ],
  examples: ["npm run admin -- photo check ~/Downloads/photo.jpg", "npm run admin -- photo check *.jpg --json"],
  positionals: { min: 1, max: Number.POSITIVE_INFINITY, name: "file" },
  allowsRemote: false,
  async run({ values, positionals }) {
    // The worker imports its WASM and weights as modules; Node gets the same imports this way.
    const { registerWorkerModules } = await import("../../lib/worker-modules.mjs");
    registerWorkerModules();
    let allAccepted = true;
    for (const file of positionals) {
      let bytes: Uint8Array;
      try {
        // npm runs scripts from the project root; INIT_CWD is where `npm run admin` was typed.
        bytes = new Uint8Array(await readFile(path.resolve(process.env.INIT_CWD ?? process.cwd(), file)));
      } catch (error) {
        process.stderr.write(`error: cannot read ${file}: ${(error as Error).message}\n`);
        allAccepted = false;
        continue;
      }
      const outcome = await checkBytes(file, bytes);
      const report = await toReport(outcome);
      allAccepted &&= report.accepted;
      if (values.json === true) print(JSON.stringify(report));
      else printReadably(report, "checks" in outcome ? outcome.checks : []);
    }
    return allAccepted ? EXIT.ok : EXIT.failed;
  },
};

function printReadably(report: PhotoCheckReport, checks: CheckResult[]): void {
  if (report.refusal) {
    print(`${report.file}: REFUSED (${report.refusal.status} ${report.refusal.code})`);
    print(`  ${report.refusal.message}`);
    if (report.refusal.detail) print(`  detail: ${report.refusal.detail}`);
    print();
    return;
  }
  const summary =
    report.verdict === "pass"
      ? "accepted, every check passes"
      : report.verdict === "warn"
        ? "accepted with warnings"
        : "would be returned";
  print(`${report.file}: ${summary}`);
  const width = Math.max(...report.checks.map((c) => c.id.length));
  for (const check of checks) {
    print(
      `  ${VERDICT_LABEL[check.verdict].padEnd(4)}  ${check.id.padEnd(width)}  ${check.message.en} [${check.value}]`,
    );
    if (check.verdict !== "pass" && check.tip.en) print(`        ${"".padEnd(width)}  → ${check.tip.en}`);
  }
  print();
}
