import { Command } from 'commander';

/**
 * Everything the CLI reads from or writes to its process, so that tests run it in-process:
 * `main(argv, io)` never touches `process` itself.
 */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * The environment the CLI reads: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`,
   * `AWS_SESSION_TOKEN`, `AWS_PROFILE`, `AWS_MAX_ATTEMPTS`, `NO_COLOR`. What the AWS SDK resolves
   * by itself (the rest of the credential chain, `AWS_ENDPOINT_URL_CHIME_SDK_IDENTITY`) and the
   * shim's `CHIME_IDENTITY_SHIM_ROUTE` are read from the process environment.
   */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** stdout is a terminal: the demo may use colour. */
  readonly isTTY?: boolean | undefined;
  /** Resolves with the signal's name when the process is asked to stop; `emulator` runs until then. */
  untilStopped(): Promise<string>;
}

/** The real process: its streams, its environment, and SIGINT/SIGTERM. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    isTTY: process.stdout.isTTY === true,
    untilStopped: () => untilSignal(process),
  };
}

interface SignalSource {
  once(event: string, listener: (signal: string) => void): unknown;
  off(event: string, listener: (signal: string) => void): unknown;
}

/**
 * Resolves on the first SIGINT or SIGTERM and stops listening: while it waits, Node's default
 * handler (exit at once) is replaced, so the caller can close what it opened and exit 0.
 */
export function untilSignal(source: SignalSource, signals: readonly string[] = ['SIGINT', 'SIGTERM']) {
  return new Promise<string>((resolve) => {
    const stop = (signal: string): void => {
      for (const name of signals) source.off(name, stop);
      resolve(signal);
    };
    for (const name of signals) source.once(name, stop);
  });
}

/**
 * A command wired the way every command of this CLI is: its output goes to `io`, errors are
 * thrown rather than ending the process (`main` prints them in the `aws` CLI's words), and
 * stray operands reach the action, which reports them as `aws` does ("Unknown options: x").
 */
export function newCommand(name: string, io: CliIo): Command {
  return new Command(name)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      // Commander's own message is replaced by the aws-style one `main` prints.
      outputError: () => undefined,
    })
    .allowExcessArguments(true);
}
