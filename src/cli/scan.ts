import type { Command } from 'commander';
import { CLI_NAME } from './cli-name.js';
import { CommandFailure } from './command-failure.js';
import { type CliIo, newCommand, processIo } from './io.js';
import { choiceParser } from './usage.js';
import { UsageError } from './usage-error.js';

interface ScanCommandOptions {
  readonly json?: boolean;
  readonly failOn: 'unserved' | 'removed' | 'none';
}

/** The exit code of a scan that found calls matching `--fail-on`, so CI can gate on it. */
export const SCAN_FAILED = 1;

/**
 * `chime-identity-shim scan [paths...]`: every call of a legacy Chime operation in a codebase
 * (SDK v3 and v2), with what serves it and what needs a person. The parser and the scanner are
 * loaded when the command runs, never with the CLI or the package's runtime entries.
 *
 * @example
 * ```sh
 * chime-identity-shim scan src/                 # a table; exit 1 if a call is not served
 * chime-identity-shim scan src/ --json --fail-on removed
 * ```
 */
export function scanCommand(io: CliIo = processIo()): Command {
  return newCommand('scan', io)
    .summary('list every call of a legacy Chime operation in a codebase (SDK v3 and v2)')
    .description(
      'Parses the JavaScript and TypeScript files under the paths (ESM, CommonJS, JSX, TSX; node_modules,\n' +
        'dist, coverage and dot-folders skipped) and lists every call of a legacy Chime operation: SDK v3\n' +
        'commands and Chime methods, this package, and SDK v2 (AWS.Chime). For each: where, the operation,\n' +
        'how it is called, whether 3.757.0 removed it, its counterpart and family, whether this package\n' +
        'serves it, and what needs a person. Exit 1 when a call matches --fail-on.',
    )
    .argument('[paths...]', 'files and folders to scan (default: the current folder)')
    .option('--json', 'print the calls as JSON instead of a table')
    .option(
      '--fail-on <which>',
      'exit 1 when a call is: unserved (of a removed operation this package does not serve), removed (of any removed operation), or none',
      choiceParser('--fail-on', ['unserved', 'removed', 'none']),
      'unserved',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ ${CLI_NAME} scan src/
  $ ${CLI_NAME} scan src/ lib/legacy.js --json --fail-on removed
`,
    )
    .action(async (paths: string[], options: ScanCommandOptions) => {
      const migrate = await import('../migrate/index.js');
      let report: Awaited<ReturnType<typeof migrate.scan>>;
      try {
        report = await migrate.scan(paths.length > 0 ? paths : ['.']);
      } catch (error) {
        if (error instanceof migrate.MissingPathError || error instanceof migrate.NotSourceFileError) {
          throw new UsageError(`${CLI_NAME}: error: argument paths: ${error.message}`, { showUsage: true });
        }
        throw error;
      }
      for (const file of report.unparsable) {
        io.stderr(
          `${CLI_NAME}: warning: ${file.file}:${file.line}:${file.column}: could not parse (${file.message}); its calls are not listed\n`,
        );
      }
      io.stdout(
        options.json
          ? `${JSON.stringify(migrate.scanJson(report, options.failOn), null, 2)}\n`
          : migrate.formatScanTable(report, options.failOn),
      );
      const failing = report.calls.filter((call) => migrate.failsOn(call, options.failOn)).length;
      if (failing > 0) {
        throw new CommandFailure(
          `${CLI_NAME} scan: ${failing} call${failing === 1 ? '' : 's'} ${options.failOn === 'removed' ? 'of removed operations' : 'not served by this package'} (--fail-on ${options.failOn})`,
          SCAN_FAILED,
        );
      }
    });
}
