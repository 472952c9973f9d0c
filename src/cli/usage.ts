import type { CommanderError } from 'commander';
import { CLI_NAME } from './cli-name.js';
import { UsageError } from './usage-error.js';

/**
 * Usage errors in the `aws` CLI's words. `aws` prints the usage block, then either
 * `aws: error: <argparse message>` or `Unknown options: ...`; a value that fails to parse gets
 * `Error parsing parameter '--x': ...` without the block. Exit 252 for all of them.
 */

/** The block `aws` prints before an argument error, with this CLI's name and help commands. */
export const USAGE_BLOCK = `usage: ${CLI_NAME} [options] <command> [parameters]
To see help text, you can run:

  ${CLI_NAME} --help
  ${CLI_NAME} <command> --help
`;

/** `aws: error: the following arguments are required: --name`, every missing flag at once. */
export function requiredArgumentsError(flags: readonly string[]): UsageError {
  return argumentError(`the following arguments are required: ${flags.join(', ')}`);
}

/** `aws`: operands nothing takes are "unknown options" (`aws chime x --name n extra` -> `Unknown options: extra`). */
export function rejectOperands(operands: readonly string[]): void {
  if (operands.length > 0)
    throw new UsageError(`Unknown options: ${operands.join(', ')}`, { showUsage: true });
}

/** An option parser that only takes `choices`, with argparse's "Invalid choice" message. */
export function choiceParser<T extends string>(flag: string, choices: readonly T[]): (value: string) => T {
  return (value) => {
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw argumentError(`argument ${flag}: Invalid choice, valid choices are:\n\n${choices.join(' | ')}`);
  };
}

export function argumentError(message: string): UsageError {
  return new UsageError(`${CLI_NAME}: error: ${message}`, { showUsage: true });
}

/** Commander's parse errors (unknown option, missing value, unknown command) in the `aws` CLI's words. */
export function usageErrorFromCommander(error: CommanderError, commands: readonly string[]): UsageError {
  // Commander's messages are `error: unknown option '--nme'`, maybe followed by `(Did you mean --name?)`.
  const [first = '', ...rest] = error.message.split('\n');
  const quoted = /'([^']*)'/.exec(first)?.[1];
  const hint = rest.length > 0 ? `\n${rest.join('\n')}` : '';
  switch (error.code) {
    case 'commander.unknownOption':
      return new UsageError(`Unknown options: ${quoted ?? first}${hint}`, { showUsage: true });
    case 'commander.optionMissingArgument':
      return argumentError(
        `argument ${quoted?.split(/[ ,]/).find((part) => part.startsWith('--')) ?? quoted}: expected one argument`,
      );
    case 'commander.unknownCommand':
      return argumentError(
        `argument command: Invalid choice '${quoted ?? ''}', valid choices are:\n\n${commands.join(' | ')}`,
      );
    default:
      return argumentError(first.replace(/^error: /, '') + hint);
  }
}

/** What `main` prints on stderr for a usage error. */
export function formatUsageError(error: UsageError): string {
  return error.showUsage ? `\n${USAGE_BLOCK}\n${error.message}\n` : `\n${error.message}\n`;
}
