/** A mistake in how the command was called: printed with a pointer to --help, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The command ran but could not do what was asked: printed as is, exit code 1. */
export class CommandFailure extends Error {
  override name = "CommandFailure";
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
