import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { isChimeIdentityShimConfigurationError } from '../configuration-error.js';
import { familyOfOperation } from '../operations/names.js';
import type { Family } from '../operations/operation.js';
import {
  compileRoute,
  ROUTE_ENVIRONMENT_VARIABLE,
  type Route,
  type RouteContext,
  type RouteSetting,
  type RouteSource,
  routeFromEnvironment,
} from '../routing/index.js';
import { CLI_NAME } from './cli-name.js';
import { type CliIo, newCommand, processIo } from './io.js';
import { argumentError, choiceParser, rejectOperands, requiredArgumentsError } from './usage.js';
import { parameterError } from './usage-error.js';

interface RouteCommandOptions {
  readonly plan?: string;
  readonly appInstanceUserId?: string;
  readonly appInstanceArn?: string;
  readonly serviceVersion?: string;
  readonly operation: string;
  readonly idsFile?: string;
  readonly defaultRoute: Route;
  readonly output: 'text' | 'json';
}

/**
 * `chime-identity-shim route`: what a rollout plan decides, for one user or for a population,
 * so a plan can be checked before it ships. It runs the plan through the library's own
 * `compileRoute`, so the preview is what the shim will do.
 *
 * Wired like every command of this CLI (`newCommand`): output goes to `io`, and failures are
 * thrown for `main` to print: a `UsageError` (exit 252) for a bad command line, a plan that
 * does not parse or is invalid, or a file that cannot be read; anything else exits 255.
 *
 * @example
 * ```sh
 * chime-identity-shim route --plan plan.json --app-instance-user-id user-1
 * # route: legacy
 * # reason: plan:bucket=63
 * chime-identity-shim route --plan plan.json --ids-file users.txt
 * ```
 */
export function routeCommand(io: CliIo = processIo()): Command {
  return newCommand('route', io)
    .summary('preview a rollout plan: the route of one user, or of every user in a file')
    .description(
      'Shows the route (and the reason) a rollout plan gives one user, or, with --ids-file, how many\n' +
        'users of a population it sends to each route, so a plan can be checked before it ships.',
    )
    .option(
      '--plan <file>',
      'The rollout plan: a JSON file (path or file://path), the value of the `route` option. (required)',
    )
    .option('--app-instance-user-id <id>', 'The AppInstanceUserId to route (required without --ids-file).')
    .option(
      '--app-instance-arn <arn>',
      'The AppInstanceArn, for ARN allow/deny lists and AppInstanceArn stickiness.',
    )
    .option('--service-version <version>', "The caller's serviceVersion, matched by the plan's semver range.")
    .option(
      '--operation <name>',
      "The legacy operation of the call (a plan's `operations` may leave it out).",
      operationName,
      'CreateAppInstanceUser',
    )
    .option(
      '--ids-file <file>',
      "One id per line: AppInstanceUserIds, or AppInstanceArns when the plan's stickiness is AppInstanceArn. Blank lines and # comments are skipped.",
    )
    .option(
      '--default-route <route>',
      "The shim's defaultRoute (identity or legacy), for a plan without its own.",
      choiceParser('--default-route', ['identity', 'legacy']),
      'identity',
    )
    .option('--output <format>', 'text or json.', choiceParser('--output', ['text', 'json']), 'text')
    .action(async (_options: unknown, self: Command) => {
      rejectOperands(self.args);
      await runRoute(self.opts<RouteCommandOptions>(), io);
    });
}

async function runRoute(options: RouteCommandOptions, io: CliIo): Promise<void> {
  if (options.plan === undefined) throw requiredArgumentsError(['--plan']);
  if (options.idsFile === undefined && options.appInstanceUserId === undefined) {
    throw requiredArgumentsError(['--app-instance-user-id (or --ids-file)']);
  }
  const setting = await readPlan(options.plan);
  const source = compilePlan(setting, options.plan, options.defaultRoute);
  warnAboutKillSwitch(io);
  const stickOnArn = (setting as { stickiness?: unknown }).stickiness === 'AppInstanceArn';

  if (options.idsFile === undefined) {
    if (stickOnArn && options.appInstanceArn === undefined) {
      throw requiredArgumentsError(["--app-instance-arn (the plan's stickiness is AppInstanceArn)"]);
    }
    const userId = options.appInstanceUserId ?? '';
    const decision = await source.decide(contextOf(userId, options.appInstanceArn ?? '', options));
    io.stdout(
      options.output === 'json'
        ? `${JSON.stringify(decision, null, 4)}\n`
        : `route: ${decision.route}\nreason: ${decision.reason}\n`,
    );
    return;
  }

  const [fileHolds, otherFlag] = stickOnArn
    ? ['--app-instance-arn', options.appInstanceArn]
    : ['--app-instance-user-id', options.appInstanceUserId];
  if (otherFlag !== undefined) {
    throw argumentError(`argument ${fileHolds}: not allowed with --ids-file, which holds those ids`);
  }
  const { ids, duplicates } = await readIds(options.idsFile);
  const summary = new Summary();
  for (const id of ids) {
    const context = stickOnArn
      ? contextOf(options.appInstanceUserId ?? '', id, options)
      : contextOf(id, options.appInstanceArn ?? '', options);
    const decision = await source.decide(context);
    summary.add(decision.route, decision.reason);
  }
  io.stdout(
    options.output === 'json'
      ? `${JSON.stringify(summary.toJSON(duplicates), null, 4)}\n`
      : summary.toText(duplicates),
  );
}

/** A path or `file://path`, as `aws` takes parameter files. */
async function readTextFile(value: string, flag: string): Promise<string> {
  const path = value.startsWith('file://') ? value.slice('file://'.length) : value;
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw parameterError(flag, `Unable to load paramfile ${value}: ${(error as Error).message}`);
  }
}

async function readPlan(file: string): Promise<unknown> {
  const text = await readTextFile(file, '--plan');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw parameterError('--plan', `Invalid JSON: ${(error as Error).message}`);
  }
}

function compilePlan(setting: unknown, file: string, defaultRoute: Route): RouteSource {
  if (typeof setting === 'object' && setting !== null && Object.hasOwn(setting, 'openFeature')) {
    throw parameterError(
      '--plan',
      `${file} is an OpenFeature route: this command previews rollout plans; preview a flag in its flag service`,
    );
  }
  try {
    return compileRoute(setting as RouteSetting, { defaultRoute, timeoutMs: 1000 });
  } catch (error) {
    if (isChimeIdentityShimConfigurationError(error))
      throw parameterError('--plan', `${file}: ${error.message}`);
    throw error;
  }
}

/** The preview shows the plan's decision; say so when this environment's kill switch would override it. */
function warnAboutKillSwitch(io: CliIo): void {
  let forced: Route | undefined;
  try {
    forced = routeFromEnvironment(io.env);
  } catch {
    io.stderr(
      `${CLI_NAME}: warning: ${ROUTE_ENVIRONMENT_VARIABLE} holds an invalid value here: a process with it fails every call with a configuration error. The preview ignores it.\n`,
    );
    return;
  }
  if (forced) {
    io.stderr(
      `${CLI_NAME}: warning: ${ROUTE_ENVIRONMENT_VARIABLE}=${forced} is set here: a process with it sends every call to ${forced} (reason env). The preview ignores it.\n`,
    );
  }
}

function contextOf(
  AppInstanceUserId: string,
  AppInstanceArn: string,
  options: RouteCommandOptions,
): RouteContext {
  const family = familyOfOperation(options.operation)!;
  return {
    operation: options.operation,
    // A generic tag operation is served by the family that owns the resource; here, an app instance's.
    family: (family === 'tagging' ? 'identity' : family) as Family,
    AppInstanceUserId: AppInstanceUserId || undefined,
    AppInstanceArn: AppInstanceArn || undefined,
    // arn:partition:service:REGION:account:resource
    region: AppInstanceArn.split(':')[3] ?? '',
    serviceVersion: options.serviceVersion,
  };
}

function operationName(value: string): string {
  if (familyOfOperation(value) !== undefined) return value;
  throw argumentError(
    `argument --operation: '${value}' is not a removed Chime operation (CreateChannel, ...)`,
  );
}

async function readIds(file: string): Promise<{ ids: Set<string>; duplicates: number }> {
  const text = await readTextFile(file, '--ids-file');
  const ids = new Set<string>();
  let duplicates = 0;
  for (const line of text.split(/\r?\n/)) {
    const id = line.trim();
    if (id === '' || id.startsWith('#')) continue;
    if (ids.has(id)) duplicates++;
    else ids.add(id);
  }
  if (ids.size === 0) throw parameterError('--ids-file', `${file} holds no ids`);
  return { ids, duplicates };
}

/** `plan:bucket=37` and `plan:bucket=58` are one line of the summary: the bucket is per user. */
function reasonGroup(reason: string): string {
  return reason.startsWith('plan:bucket=') ? 'plan:bucket' : reason;
}

class Summary {
  private total = 0;
  private readonly routes: Record<Route, number> = { identity: 0, legacy: 0 };
  private readonly reasons = new Map<string, Record<Route, number>>();

  add(route: Route, reason: string): void {
    this.total++;
    this.routes[route]++;
    const group = reasonGroup(reason);
    let counts = this.reasons.get(group);
    if (!counts) {
      counts = { identity: 0, legacy: 0 };
      this.reasons.set(group, counts);
    }
    counts[route]++;
  }

  toJSON(duplicates: number) {
    return {
      users: this.total,
      duplicates,
      routes: {
        identity: { count: this.routes.identity, share: this.share(this.routes.identity) },
        legacy: { count: this.routes.legacy, share: this.share(this.routes.legacy) },
      },
      reasons: Object.fromEntries(
        [...this.reasons].map(([reason, counts]) => {
          const count = counts.identity + counts.legacy;
          return [
            reason,
            { identity: counts.identity, legacy: counts.legacy, count, share: this.share(count) },
          ];
        }),
      ),
    };
  }

  toText(duplicates: number): string {
    const lines = [`users: ${this.total}${duplicates ? ` (${duplicates} duplicate lines ignored)` : ''}`, ''];
    lines.push(row(['route', 'users', 'share'], [10, 9, 8]));
    for (const route of ['identity', 'legacy'] as const) {
      lines.push(
        row([route, String(this.routes[route]), percent(this.share(this.routes[route]))], [10, 9, 8]),
      );
    }
    lines.push('', row(['reason', 'identity', 'legacy', 'share'], [22, 9, 9, 8]));
    for (const [reason, counts] of this.reasons) {
      const share = this.share(counts.identity + counts.legacy);
      lines.push(
        row([reason, String(counts.identity), String(counts.legacy), percent(share)], [22, 9, 9, 8]),
      );
    }
    return `${lines.join('\n')}\n`;
  }

  /** A fraction from 0 to 1, rounded to 4 places (0.01 of a percent). */
  private share(count: number): number {
    return Math.round((count / this.total) * 10_000) / 10_000;
  }
}

function percent(share: number): string {
  return `${(share * 100).toFixed(2)}%`;
}

/** First column left-aligned, the numbers right-aligned. */
function row(cells: readonly string[], widths: readonly number[]): string {
  return cells
    .map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0)))
    .join(' ')
    .trimEnd();
}
