/*
 * Admin command-line tool: `npm run admin -- <command> [options]`.
 *
 * Each command drives the portal's own data layer (worker/data, the same
 * functions the worker runs) over wrangler's D1/R2 bindings: the local state
 * of `npm start` by default, or the deployed resources with --remote.
 * See docs/admin.md.
 *
 * Command modules import only light modules at the top; wrangler, drizzle
 * and the worker's data layer are imported inside `run`, so that --help and
 * usage errors answer at once.
 */
import { parseArgs } from "node:util";
import {
  type Command,
  GLOBAL_OPTIONS,
  GLOBAL_OPTION_HELP,
  type OptionValues,
  commandHelp,
  stringOption,
} from "./command.ts";
import { auditExportCommand } from "./commands/audit-export.ts";
import { cardsExportCommand } from "./commands/cards-export.ts";
import { cardsMailedCommand } from "./commands/cards-mailed.ts";
import { importCommand } from "./commands/import.ts";
import { inviteCommand } from "./commands/invite.ts";
import { mailCommand } from "./commands/mail.ts";
import { maintenanceCommand } from "./commands/maintenance.ts";
import { officerCreateCommand } from "./commands/officer-create.ts";
import { officerDisableCommand } from "./commands/officer-disable.ts";
import { officerEnableCommand } from "./commands/officer-enable.ts";
import { officerListCommand } from "./commands/officer-list.ts";
import { officerResetPasswordCommand } from "./commands/officer-reset-password.ts";
import { officerResetTotpCommand } from "./commands/officer-reset-totp.ts";
import { photoCheckCommand } from "./commands/photo-check.ts";
import { resetTempPasswordCommand } from "./commands/reset-temp-password.ts";
import { seedDemoCommand } from "./commands/seed-demo.ts";
import { CommandFailure, EXIT, UsageError } from "./errors.ts";

const COMMANDS: Command[] = [
  importCommand,
  inviteCommand,
  resetTempPasswordCommand,
  officerCreateCommand,
  officerDisableCommand,
  officerEnableCommand,
  officerResetPasswordCommand,
  officerResetTotpCommand,
  officerListCommand,
  mailCommand,
  seedDemoCommand,
  cardsExportCommand,
  cardsMailedCommand,
  auditExportCommand,
  photoCheckCommand,
  maintenanceCommand,
];

/** Words that start a command group ("officer create" → "officer"). */
const GROUPS = new Set(COMMANDS.filter((c) => c.name.includes(" ")).map((c) => c.name.split(" ")[0]!));

function toolHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const globalWidth = Math.max(...GLOBAL_OPTION_HELP.map(([f]) => f.length)) + 2;
  return [
    "Admin tool of the PR Confirmation Portal.",
    "",
    "Usage: npm run admin -- <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.flatMap((c) => [
      `  ${c.name.padEnd(width)}${c.summary}`,
      ...(c.synopsis ? [`  ${"".padEnd(width)}  ${c.name} ${c.synopsis}`] : []),
    ]),
    "",
    "Global options (every command):",
    ...GLOBAL_OPTION_HELP.map(([f, text]) => `  ${f.padEnd(globalWidth)}${text}`),
    "",
    "`npm run admin -- <command> --help` shows a command's options and examples.",
    "Exit codes: 0 success, 1 some rows or items failed, 2 usage error. More in docs/admin.md.",
  ].join("\n");
}

function groupHelp(group: string): string {
  const members = COMMANDS.filter((c) => c.name.startsWith(`${group} `));
  return [
    `Usage: npm run admin -- ${group} <subcommand> [options]`,
    "",
    "Subcommands:",
    ...members.map((c) => `  ${c.name.slice(group.length + 1).padEnd(16)}${c.summary}`),
  ].join("\n");
}

/** Options that take a value, in any command: their values are skipped when looking for the command's name. */
const VALUE_OPTIONS = new Set(
  [GLOBAL_OPTIONS, ...COMMANDS.map((c) => c.options)].flatMap((options) =>
    Object.entries(options).flatMap(([name, spec]) =>
      spec.type === "string" ? [`--${name}`, ...(spec.short ? [`-${spec.short}`] : [])] : [],
    ),
  ),
);

/** Splits argv into the command's words (up to two) and everything else. */
function commandWords(argv: string[]): { words: string[]; rest: string[] } {
  const words: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg.startsWith("-")) {
      rest.push(arg);
      if (VALUE_OPTIONS.has(arg) && i + 1 < argv.length) rest.push(argv[++i]!);
      continue;
    }
    const wantsWord =
      words.length === 0 ||
      (words.length === 1 && (GROUPS.has(words[0]!) || words[0] === "help")) ||
      (words.length === 2 && words[0] === "help" && GROUPS.has(words[1]!));
    if (wantsWord) words.push(arg);
    else rest.push(arg);
  }
  return { words, rest };
}

/** Runs the CLI with these arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const { words, rest } = commandWords(argv);
  const askedHelp = rest.includes("--help") || rest.includes("-h") || words[0] === "help";
  const names = words[0] === "help" ? words.slice(1) : words;

  if (names.length === 0) {
    if (askedHelp) {
      process.stdout.write(`${toolHelp()}\n`);
      return EXIT.ok;
    }
    process.stderr.write(`${toolHelp()}\n\nerror: no command given\n`);
    return EXIT.usage;
  }
  const name = names.join(" ");
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    if (GROUPS.has(names[0]!) && names.length === 1) {
      if (askedHelp) {
        process.stdout.write(`${groupHelp(names[0]!)}\n`);
        return EXIT.ok;
      }
      process.stderr.write(`${groupHelp(names[0]!)}\n\nerror: "${names[0]}" needs a subcommand\n`);
      return EXIT.usage;
    }
    process.stderr.write(
      `error: unknown command "${name}"\nRun \`npm run admin -- --help\` for the list of commands.\n`,
    );
    return EXIT.usage;
  }
  if (askedHelp) {
    process.stdout.write(`${commandHelp(command)}\n`);
    return EXIT.ok;
  }

  try {
    let parsed: { values: OptionValues; positionals: string[] };
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...GLOBAL_OPTIONS, ...command.options },
        strict: true,
        allowPositionals: true,
      }) as typeof parsed;
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    const { min, max, name: positionalName } = command.positionals;
    if (positionals.length < min) throw new UsageError(`missing ${positionalName ?? "argument"}`);
    if (positionals.length > max) throw new UsageError(`unexpected argument "${positionals[max]}"`);
    const remote = values.remote === true;
    const state = stringOption(values, "state");
    if (remote && state) throw new UsageError("--remote and --state cannot be used together");
    if (remote && command.allowsRemote === false)
      throw new UsageError(`${command.name} works on local state only; it refuses --remote`);
    return await command.run({ values, positionals, platform: { remote, ...(state ? { state } : {}) } });
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\nRun \`npm run admin -- ${command.name} --help\` for usage.\n`);
      return EXIT.usage;
    }
    if (error instanceof CommandFailure) {
      process.stderr.write(`error: ${error.message}\n`);
      return EXIT.failed;
    }
    process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failed;
  }
}

process.exitCode = await main(process.argv.slice(2));
