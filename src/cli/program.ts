import { type Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { CLI_NAME } from './cli-name.js';
import { createAppInstanceUserCommand } from './create-app-instance-user.js';
import { demoCommand } from './demo.js';
import { emulatorCommand } from './emulator.js';
import { describeFailure, EXIT_CODES } from './exit-codes.js';
import { type CliIo, newCommand } from './io.js';
import { routeCommand } from './route.js';
import { formatUsageError, usageErrorFromCommander } from './usage.js';
import { UsageError } from './usage-error.js';

export type { CliIo } from './io.js';
export { processIo } from './io.js';

/**
 * Runs the CLI with `argv` (the arguments after the bin's name) and returns its exit code. All
 * output goes through `io`; nothing here touches `process`, so tests run it in-process.
 *
 * @example
 * ```ts
 * const code = await main(['create-app-instance-user', '--help'], processIo());
 * ```
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT_CODES.success;
  } catch (error) {
    if (error instanceof CommanderError) {
      // `--help`, `--version`: printed, exit 0. No command at all: the help went to stderr.
      if (error.exitCode === 0) return EXIT_CODES.success;
      if (error.code === 'commander.help') return EXIT_CODES.usage;
      return printFailure(
        io,
        usageErrorFromCommander(
          error,
          program.commands.map((command) => command.name()),
        ),
      );
    }
    return printFailure(io, error);
  }
}

function printFailure(io: CliIo, error: unknown): number {
  if (error instanceof UsageError) {
    io.stderr(formatUsageError(error));
    return EXIT_CODES.usage;
  }
  const failure = describeFailure(error);
  // `aws` sets failures apart with a blank line before them.
  io.stderr(`\n${failure.message}\n`);
  return failure.exitCode;
}

function createProgram(io: CliIo): Command {
  const program = newCommand(CLI_NAME, io)
    .description(
      'Legacy Amazon Chime CreateAppInstanceUser, served by Chime SDK Identity: the command the aws CLI ' +
        'no longer has, a local Chime SDK Identity emulator, and a demo of the drop-in client.',
    )
    .version(packageJson.version, '--version', 'print the version');
  program
    .addCommand(createAppInstanceUserCommand(io))
    .addCommand(emulatorCommand(io))
    .addCommand(demoCommand(io))
    .addCommand(routeCommand(io));
  return program;
}
