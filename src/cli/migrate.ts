import type { Command } from 'commander';
import { CLI_NAME } from './cli-name.js';
import { type CliIo, newCommand, processIo } from './io.js';
import { choiceParser, requiredArgumentsError } from './usage.js';
import { UsageError } from './usage-error.js';

interface MigrateCommandOptions {
  readonly to?: 'shim' | 'native';
  readonly dryRun?: boolean;
}

/**
 * `chime-identity-shim migrate --to shim|native [paths...] [--dry-run]`: the two rewrite steps of
 * the migration assistant. `shim` moves SDK v3 code that calls a removed operation onto this
 * package (its import specifier, nothing else); `native` moves code on this package (or on the
 * legacy client) onto the dedicated Chime SDK clients, with `TODO(chime-migrate)` comments where a
 * translation this package did at run time must become code. Both keep every byte outside the
 * lines they change, change nothing on a second run, print a summary, and with `--dry-run` print a
 * unified diff instead of writing.
 *
 * @example
 * ```sh
 * chime-identity-shim migrate --to shim src/ --dry-run | git apply   # or without --dry-run
 * chime-identity-shim migrate --to native src/
 * ```
 */
export function migrateCommand(io: CliIo = processIo()): Command {
  return newCommand('migrate', io)
    .summary(
      'rewrite legacy Chime code onto this package (--to shim) or onto the Chime SDK clients (--to native)',
    )
    .description(
      'Rewrites the JavaScript and TypeScript files under the paths (default: the current folder).\n' +
        '  --to shim    SDK v3 code that calls a removed operation: its @aws-sdk/client-chime import or\n' +
        '               require becomes chime-identity-shim; nothing else changes. SDK v2 code is reported\n' +
        '               with the aws-sdk-js-codemod command to run first.\n' +
        '  --to native  code on this package (or on @aws-sdk/client-chime) moves to the dedicated clients:\n' +
        '               imports from the family packages, one client per family, commands and methods\n' +
        '               re-pointed, error classes from the family packages, and TODO(chime-migrate)\n' +
        '               comments where a translation this package did at run time must become code.',
    )
    .argument('[paths...]', 'files and folders to rewrite (default: the current folder)')
    .option('--to <target>', 'shim or native (required)', choiceParser('--to', ['shim', 'native']))
    .option('--dry-run', 'print a unified diff of the changes and write nothing')
    .addHelpText(
      'after',
      `
Examples:
  $ ${CLI_NAME} migrate --to shim src/ --dry-run
  $ ${CLI_NAME} migrate --to shim src/
  $ ${CLI_NAME} migrate --to native src/
`,
    )
    .action(async (paths: string[], options: MigrateCommandOptions) => {
      if (options.to === undefined) throw requiredArgumentsError(['--to']);
      const migrate = await import('../migrate/index.js');
      const dryRun = options.dryRun === true;
      let report: Awaited<ReturnType<typeof migrate.rewrite>>;
      try {
        report = await migrate.rewrite(
          paths.length > 0 ? paths : ['.'],
          options.to === 'shim' ? migrate.migrateToShim : migrate.migrateToNative,
          { dryRun },
        );
      } catch (error) {
        if (error instanceof migrate.MissingPathError || error instanceof migrate.NotSourceFileError) {
          throw new UsageError(`${CLI_NAME}: error: argument paths: ${error.message}`, { showUsage: true });
        }
        throw error;
      }
      const summary = migrate.formatRewriteSummary(report, { dryRun });
      if (dryRun) {
        // The diff alone on stdout, so it can be piped to `git apply`; the summary on stderr.
        for (const file of report.changed) io.stdout(migrate.unifiedDiff(file.file, file.before, file.after));
        io.stderr(summary);
      } else {
        io.stdout(summary);
      }
    });
}
