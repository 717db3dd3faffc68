/*
 * How the officer commands hand credentials over (decision 011): the TOTP
 * enrolment (secret, otpauth URI and a QR code for the authenticator app) and
 * the one-time initial password are never on one screen together. The
 * password goes to a file only its owner can read (--password-file, mode
 * 0600, never overwriting), or, in a terminal, is shown in a second step
 * after the screen with the enrolment is cleared.
 */
import { constants } from "node:fs";
import { type FileHandle, open, unlink } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { print } from "./command.ts";
import { UsageError } from "./errors.ts";

/** The enrolment lines and a terminal QR code of the otpauth URI. */
export async function printEnrolment(email: string, secret: string, uri: string): Promise<void> {
  const { default: qrcode } = await import("qrcode-terminal");
  print("Authenticator enrolment: the officer scans the QR code (or types the secret) in an authenticator app.");
  print(`  Email:            ${email}`);
  print(`  TOTP secret:      ${secret}`);
  print(`  otpauth URI:      ${uri}`);
  const qr = await new Promise<string>((resolve) => qrcode.generate(uri, { small: true }, resolve));
  print(qr);
}

interface PasswordDelivery {
  /** Writes or shows the password; called once the officer row is written. */
  deliver(password: string, hours: number): Promise<void>;
  /** Removes a file made for a password that was never written (the command failed). */
  abandon(): Promise<void>;
}

/**
 * Decides, before anything is written, how the password will travel: the
 * file is created now (exclusively, 0600) so a bad path fails the command
 * before the officer row exists.
 */
export async function passwordDelivery(
  file: string | undefined,
  options: { secondStep: boolean },
): Promise<PasswordDelivery> {
  if (file) {
    const target = path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
    let handle: FileHandle;
    try {
      handle = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(
        code === "EEXIST"
          ? `${file} already exists; give a new file name (it is never overwritten)`
          : `cannot create ${file}: ${code ?? String(error)}`,
      );
    }
    return {
      async deliver(password, hours) {
        await handle.writeFile(`${password}\n`);
        await handle.chmod(0o600);
        await handle.close();
        print(`Initial password written to ${target} (mode 0600). It works for one sign-in, within ${hours} hours.`);
        print("Give that file to the officer separately from the enrolment above, then delete it.");
      },
      async abandon() {
        await handle.close().catch(() => {});
        await unlink(target).catch(() => {});
      },
    };
  }
  if (!options.secondStep) {
    return {
      async deliver(password, hours) {
        print(`  Initial password: ${password}`);
        print(`It works for one sign-in, within ${hours} hours; the officer then chooses their own.`);
      },
      async abandon() {},
    };
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new UsageError(
      "--password-file PATH is required when not run in a terminal: the initial password is never printed beside the enrolment",
    );
  }
  return {
    async deliver(password, hours) {
      const prompt = createInterface({ input: process.stdin, output: process.stdout });
      await prompt.question(
        "Press Enter when the enrolment is done: the screen is cleared, then the initial password is shown. ",
      );
      prompt.close();
      process.stdout.write("\x1b[2J\x1b[3J\x1b[H");
      print(`  Initial password: ${password}`);
      print(`It works for one sign-in, within ${hours} hours. Clear the screen once it is handed over.`);
    },
    async abandon() {},
  };
}
