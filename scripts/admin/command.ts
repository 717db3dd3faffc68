import type { ParseArgsConfig } from "node:util";
import { UsageError } from "./errors.ts";
import type { PlatformOptions } from "./platform.ts";

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

interface CommandInput {
  values: OptionValues;
  positionals: string[];
  platform: PlatformOptions;
}

/**
 * One admin command. `name` is what is typed after `npm run admin --`
 * ("import", "officer create"); `run` returns the exit code.
 */
export interface Command {
  name: string;
  summary: string;
  /** Synopsis after the command name, e.g. "<file.csv|file.json>". */
  synopsis: string;
  description: string[];
  options: OptionsConfig;
  /** [flag as shown, explanation] for --help. */
  optionHelp: [string, string][];
  examples: string[];
  positionals: { min: number; max: number; name?: string };
  /** False for commands that must never touch deployed data (seed-demo). */
  allowsRemote?: boolean;
  run(input: CommandInput): Promise<number>;
}

export const GLOBAL_OPTIONS = {
  remote: { type: "boolean" },
  state: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies OptionsConfig;

export const GLOBAL_OPTION_HELP: [string, string][] = [
  [
    "--state DIR",
    "local state directory, as wrangler's --persist-to (default .wrangler/state, the one `npm start` uses)",
  ],
  ["--remote", "use the deployed D1 database and R2 bucket instead of local state"],
  ["-h, --help", "show this help"],
];

/** Writes one line of the command's result to stdout. */
export function print(line = ""): void {
  process.stdout.write(`${line}\n`);
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new UsageError(`--${name} needs a value`);
  const trimmed = value.trim();
  if (!trimmed) throw new UsageError(`--${name} needs a value`);
  return trimmed;
}

export function requiredOption(values: OptionValues, name: string): string {
  const value = stringOption(values, name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

export function listOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((v) => {
    if (typeof v !== "string" || !v.trim()) throw new UsageError(`--${name} needs a value`);
    // "--application A1,A2" is accepted as well as repeating the option.
    return v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  });
}

export function flag(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** Who the audit log names for admin actions: the operating-system user, or "admin". */
export function adminName(): string {
  return process.env.USER?.trim() || process.env.LOGNAME?.trim() || "admin";
}

export function commandHelp(command: Command): string {
  const localOnly = command.allowsRemote === false;
  const place = localOnly ? "[--state DIR]" : "[--state DIR | --remote]";
  const lines = [
    command.summary,
    "",
    `Usage: npm run admin -- ${command.name}${command.synopsis ? ` ${command.synopsis}` : ""} ${place}`,
    "",
  ];
  lines.push(...command.description);
  const options = [...command.optionHelp, ...GLOBAL_OPTION_HELP.filter(([f]) => !(localOnly && f === "--remote"))];
  const width = Math.max(...options.map(([f]) => f.length)) + 2;
  lines.push("", "Options:", ...options.map(([f, text]) => `  ${f.padEnd(width)}${text}`));
  if (command.examples.length > 0) lines.push("", "Examples:", ...command.examples.map((e) => `  ${e}`));
  lines.push("", "Exit codes: 0 success, 1 some rows or items failed, 2 usage error.");
  return lines.join("\n");
}
