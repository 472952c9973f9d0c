import { type Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { CLI_NAME } from './cli-name.js';
import { demoCommand } from './demo.js';
import { emulatorCommand } from './emulator.js';
import { describeFailure, EXIT_CODES } from './exit-codes.js';
import { type CliIo, newCommand } from './io.js';
import { migrateCommand } from './migrate.js';
import { operationCommands } from './operation.js';
import { routeCommand } from './route.js';
import { scanCommand } from './scan.js';
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
      'The Chime SDK operations `aws chime` no longer has (129 of them, removed from the chime namespace), ' +
        'served by the dedicated Chime SDK namespaces; a local emulator of those namespaces; and a demo.',
    )
    .version(packageJson.version, '--version', 'print the version');
  for (const command of operationCommands(io)) program.addCommand(command);
  program
    .commandsGroup('Tools:')
    .addCommand(emulatorCommand(io))
    .addCommand(demoCommand(io))
    .addCommand(routeCommand(io))
    .addCommand(scanCommand(io))
    .addCommand(migrateCommand(io));
  return program;
}
