import { type CliIo, main } from '../../src/cli/program.js';
import { EMULATOR_CREDENTIALS } from '../../src/emulator/index.js';

export interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** The environment the CLI reads (default: the emulator's credentials, one attempt per call). */
  readonly env?: Record<string, string | undefined>;
  readonly isTTY?: boolean;
  /** What `emulator` waits for; by default it would wait forever, so tests that run it pass one. */
  readonly untilStopped?: (output: { stdout: () => string }) => Promise<string>;
}

/** The emulator's test credentials, and one attempt per call so that failures are not retried. */
export const EMULATOR_ENV: Record<string, string> = {
  AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
  AWS_MAX_ATTEMPTS: '1',
};

/** Runs `chime-identity-shim ...argv` in-process and captures what it prints. */
export async function runCli(argv: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: options.env ?? EMULATOR_ENV,
    isTTY: options.isTTY ?? false,
    untilStopped: () =>
      options.untilStopped
        ? options.untilStopped({ stdout: () => stdout })
        : Promise.reject(new Error('this test does not stop the emulator')),
  };
  const exitCode = await main(argv, io);
  return { exitCode, stdout, stderr };
}
