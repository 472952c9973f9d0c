import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { type Command, Option } from 'commander';
import type { ShimEvent } from '../events.js';
import type { Shape } from '../model/shapes.js';
import { FAMILY_PACKAGES } from '../namespaces.js';
import { CLI_NAMES, OPERATIONS } from '../operations/generated/index.js';
import type { Family, Operation } from '../operations/operation.js';
import type { Route } from '../routing/index.js';
import { DEFAULT_REGIONS } from '../settings.js';
import { type OperationOptions, operationFunction } from '../surfaces/function.js';
import { CLI_NAME } from './cli-name.js';
import { CommandFailure } from './command-failure.js';
import { describeFailure, EXIT_CODES } from './exit-codes.js';
import { HELP } from './generated/help.js';
import { type CliIo, newCommand } from './io.js';
import { flagOf, parseCliInputJson, parseMemberValue, shorthandSyntaxOf, skeletonOf } from './parameters.js';
import { choiceParser, rejectOperands, requiredArgumentsError } from './usage.js';
import { UsageError } from './usage-error.js';

/** The help sections of the operation commands, by family, in `chime-identity-shim help`. */
const FAMILY_HEADINGS: Readonly<Record<Family | 'tagging', string>> = {
  identity: 'Chime SDK Identity operations:',
  messaging: 'Chime SDK Messaging operations:',
  meetings: 'Chime SDK Meetings operations:',
  voice: 'Chime SDK Voice operations:',
  mediaPipelines: 'Chime SDK Media Pipelines operations:',
  tagging: 'Tagging operations (routed by the resource ARN):',
};

interface MemberFlag {
  readonly name: string;
  readonly shape: Shape;
  readonly required: boolean;
  readonly flag: string;
  readonly option: Option;
  /** Booleans are `--flag` / `--no-flag`, as in `aws`. */
  readonly negated?: Option | undefined;
}

/** The options besides the request members: `aws`'s global options that apply here, and the shim's own. */
interface CallOptions {
  readonly cliInputJson?: string;
  readonly generateCliSkeleton?: 'input' | 'output';
  readonly endpointUrl?: string;
  readonly region?: string;
  readonly profile?: string;
  readonly route?: Route;
  readonly output: 'json' | 'text';
}

/** One command per removed operation, `chime-identity-shim <op-kebab>`, family by family. */
export function operationCommands(io: CliIo): Command[] {
  const families = Object.keys(FAMILY_HEADINGS);
  return Object.values(OPERATIONS)
    .sort((a, b) => families.indexOf(a.family) - families.indexOf(b.family) || a.name.localeCompare(b.name))
    .map((operation) => operationCommand(operation, io));
}

/** One flag per request member, named and typed from the operation's row of the table. */
function memberFlags(operation: Operation): MemberFlag[] {
  const help = HELP[operation.name as keyof typeof HELP]?.members ?? {};
  return Object.entries(operation.input.members).map(([name, member]) => {
    const flag = flagOf(name);
    const { shape } = member;
    const syntax =
      shape.type === 'list' && shape.member.type === 'structure'
        ? ` Shorthand: ${shorthandSyntaxOf(shape.member)} ...`
        : shape.type === 'structure'
          ? ` Shorthand: ${shorthandSyntaxOf(shape)}`
          : shape.type === 'string' && shape.enum
            ? ` One of: ${shape.enum.join(', ')}.`
            : '';
    const notes = [
      operation.regionSources?.[0] === name
        ? 'Its region field decides where the call is served.'
        : undefined,
      member.newOnly ? 'Only the dedicated namespace has it: refused on the legacy route.' : undefined,
      member.required ? '(required)' : undefined,
    ].filter(Boolean);
    const text = [help[name] || name, syntax.trim(), ...notes].filter(Boolean).join(' ');
    if (shape.type === 'boolean') {
      const negatedFlag = `--no-${flag.slice(2)}`;
      return {
        name,
        shape,
        required: member.required === true,
        flag,
        option: new Option(flag, text),
        negated: new Option(negatedFlag, `Sets ${name} to false.`),
      };
    }
    const variadic = shape.type === 'list' ? '...' : '';
    return {
      name,
      shape,
      required: member.required === true,
      flag,
      option: new Option(`${flag} <value${variadic}>`, text),
    };
  });
}

/**
 * `chime-identity-shim <op-kebab>`: `aws chime <op-kebab>`, with the same flags, shorthand,
 * `--cli-input-json`, output and exit codes, served through the shim's one call path.
 */
export function operationCommand(operation: Operation, io: CliIo): Command {
  const name = CLI_NAMES[operation.name as keyof typeof CLI_NAMES];
  const summary = HELP[operation.name as keyof typeof HELP]?.summary ?? operation.name;
  const servedBy =
    operation.family === 'tagging'
      ? 'the Chime SDK namespace that owns the resource'
      : FAMILY_PACKAGES[operation.family].title;
  const command = newCommand(name, io)
    .summary(summary)
    .description(
      `${summary}\n\nThe legacy \`aws chime ${name}\`, served by ${servedBy}${operation.counterpart ? ` (${operation.counterpart})` : ''}. Prints the response as JSON.`,
    )
    .helpGroup(FAMILY_HEADINGS[operation.family]);
  const members = memberFlags(operation);
  for (const { option, negated } of members) {
    command.addOption(option);
    if (negated) command.addOption(negated);
  }
  command
    .addOption(
      new Option(
        '--cli-input-json <value>',
        'The request as JSON (member names in PascalCase), inline or file://path. Flags given as well win.',
      ),
    )
    .addOption(
      new Option(
        '--generate-cli-skeleton [value]',
        'Print a JSON skeleton of the request (input, the default) or of the response (output), and exit.',
      ).argParser(skeletonChoice),
    )
    .addOption(
      new Option(
        '--endpoint-url <url>',
        "Send the request to this URL instead of the namespace's regional endpoint (e.g. the emulator).",
      ).argParser(endpointUrl),
    )
    .addOption(
      new Option(
        '--region <region>',
        operation.regionSources?.length
          ? 'The region of a call whose input names no ARN; an ARN given decides instead (a warning says so when they differ).'
          : 'The region to call (default us-east-1, where the legacy namespace sent every call).',
      ),
    )
    .addOption(
      new Option('--profile <name>', 'Use this profile of the shared AWS config and credentials files.'),
    )
    .addOption(
      new Option(
        '--route <route>',
        'identity (the default: the dedicated namespace in the ARN region) or legacy (us-east-1, as the deprecated namespace did). CHIME_IDENTITY_SHIM_ROUTE, when set, overrides it.',
      ).argParser(choiceParser('--route', ['identity', 'legacy'])),
    )
    .addOption(
      new Option('--output <format>', 'json or text.')
        .argParser(choiceParser('--output', ['json', 'text']))
        .default('json'),
    )
    .addOption(new Option('--no-cli-pager', 'Accepted for compatibility (this CLI never pages).'))
    .addHelpText('after', () => helpFooter(name, operation))
    .action(async (_options: unknown, self: Command) => {
      rejectOperands(self.args);
      await run(operation, self, members, io);
    });
  return command;
}

async function run(
  operation: Operation,
  command: Command,
  members: readonly MemberFlag[],
  io: CliIo,
): Promise<void> {
  const options = command.opts<CallOptions>();
  if (options.generateCliSkeleton !== undefined) {
    const shape = options.generateCliSkeleton === 'output' ? operation.output : operation.input;
    io.stdout(`${JSON.stringify(skeletonOf(shape), null, 4)}\n`);
    return;
  }
  const request = await requestFrom(command, members, options);
  warnAboutRegion(operation, options.region, request, io);

  // One call per run: sockets that do not outlive it, so nothing is left open after the command
  // (in-process runs in tests included).
  const httpAgent = new HttpAgent({ keepAlive: false });
  const httpsAgent = new HttpsAgent({ keepAlive: false });
  let event: ShimEvent | undefined;
  const callOptions: OperationOptions = {
    ...(options.route !== undefined && { route: options.route }),
    ...regionOptions(options.region),
    identityConfig: clientConfigFrom(options, io.env, { httpAgent, httpsAgent }),
    onEvent: (shimEvent) => {
      event = shimEvent;
    },
  };
  try {
    // Unchecked here on purpose: the shim validates the request as the service would (254).
    const output = await operationFunction<unknown, object>(operation)(request, callOptions);
    io.stdout(format(responseBody(output), options.output));
  } catch (error) {
    throw describeFailure(error, {
      operation: operation.name,
      url: requestUrl(operation, request, options, io.env, event),
    });
  } finally {
    httpAgent.destroy();
    httpsAgent.destroy();
  }
}

/**
 * The request: `--cli-input-json` first, then every member flag given on top of it (flags win,
 * as in `aws`). Required members missing from both are a usage error naming every missing flag.
 */
async function requestFrom(
  command: Command,
  members: readonly MemberFlag[],
  options: CallOptions,
): Promise<Record<string, unknown>> {
  // A spread copies own properties only, so a `__proto__` key stays a key (and the shim rejects it).
  const request: Record<string, unknown> =
    options.cliInputJson === undefined
      ? {}
      : { ...(await parseCliInputJson(options.cliInputJson, '--cli-input-json')) };
  for (const { name, shape, flag, option } of members) {
    const raw = command.getOptionValue(option.attributeName()) as string | string[] | boolean | undefined;
    if (raw === undefined) continue;
    request[name] = typeof raw === 'boolean' ? raw : await parseMemberValue(shape, raw, flag, name);
  }
  const missing = members.filter(({ name, required }) => required && request[name] === undefined);
  if (missing.length > 0) throw requiredArgumentsError(missing.map(({ flag }) => flag));
  return request;
}

/** `--region` is the region of calls that name no ARN: it must then be allowed too. */
function regionOptions(region: string | undefined): Partial<OperationOptions> {
  if (region === undefined) return {};
  return { defaultRegion: region, regions: [...new Set([...DEFAULT_REGIONS, region])] };
}

/**
 * The clients' config: the endpoint, and credentials from the standard chain. Static keys in
 * `io.env` are used as the SDK's env provider would (not when a profile is chosen, as the SDK
 * skips them then); everything else is left to the SDK's default chain.
 */
function clientConfigFrom(
  options: CallOptions,
  env: CliIo['env'],
  agents: { httpAgent: HttpAgent; httpsAgent: HttpsAgent },
): NonNullable<OperationOptions['identityConfig']> {
  const profile = options.profile ?? (env.AWS_PROFILE || undefined);
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey } = env;
  const sessionToken = env.AWS_SESSION_TOKEN || undefined;
  const maxAttempts = maxAttemptsFrom(env.AWS_MAX_ATTEMPTS);
  return {
    ...(options.endpointUrl !== undefined && { endpoint: options.endpointUrl }),
    ...(profile !== undefined && { profile }),
    ...(profile === undefined &&
      accessKeyId &&
      secretAccessKey && {
        credentials: { accessKeyId, secretAccessKey, ...(sessionToken !== undefined && { sessionToken }) },
      }),
    ...(maxAttempts !== undefined && { maxAttempts }),
    requestHandler: agents,
  };
}

function maxAttemptsFrom(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const attempts = Number(value);
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new CommandFailure(
      `AWS_MAX_ATTEMPTS must be a whole number of at least 1, got '${value}'`,
      EXIT_CODES.configuration,
    );
  }
  return attempts;
}

/** An ARN decides the region; say so when `--region` names another rather than ignore it silently. */
function warnAboutRegion(
  operation: Operation,
  region: string | undefined,
  request: Record<string, unknown>,
  io: CliIo,
): void {
  if (region === undefined) return;
  const source = operation.regionSources?.find((member) => typeof request[member] === 'string');
  if (source === undefined) return;
  const arnRegion = String(request[source]).split(':')[3];
  if (arnRegion && arnRegion !== region) {
    io.stderr(
      `${CLI_NAME}: warning: --region ${region} is not used: the region comes from --${flagOf(source).slice(2)} (${arnRegion})\n`,
    );
  }
}

/** Where the request went, for "Could not connect to the endpoint URL" (the event knows the region and family). */
function requestUrl(
  operation: Operation,
  request: Record<string, unknown>,
  options: CallOptions,
  env: CliIo['env'],
  event: ShimEvent | undefined,
): string | undefined {
  const family = event?.family;
  const base =
    options.endpointUrl ??
    (env.AWS_ENDPOINT_URL || undefined) ??
    (event?.region === undefined || family === undefined
      ? undefined
      : `https://${ENDPOINT_PREFIXES[family]}.${event.region}.amazonaws.com`);
  if (base === undefined) return undefined;
  // The legacy URI with its labels filled in (`{appInstanceArn}` is member `AppInstanceArn`).
  const path = HELP[operation.name as keyof typeof HELP].uri
    .split('?')[0]!
    .replace(/\{(\w+)\}/g, (_, label: string) => {
      const member = Object.keys(request).find((name) => name.toLowerCase() === label.toLowerCase());
      return encodeURIComponent(String(member === undefined ? label : request[member]));
    });
  return `${base.replace(/\/+$/, '')}${path}`;
}

const ENDPOINT_PREFIXES: Readonly<Record<Family, string>> = {
  identity: 'identity-chime',
  messaging: 'messaging-chime',
  meetings: 'meetings-chime',
  voice: 'voice-chime',
  mediaPipelines: 'media-pipelines-chime',
};

/** The response as `aws` prints it: the body's members, without `$metadata`. */
function responseBody(output: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(output).filter(([key, value]) => key !== '$metadata' && value !== undefined),
  );
}

/** `--output json`: 4-space indent, as `aws` (Python's json.dumps) prints; `text`: the values, tab-separated. */
function format(body: Record<string, unknown>, output: CallOptions['output']): string {
  // An answer without members (a delete) prints nothing, as in `aws`.
  if (Object.keys(body).length === 0) return '';
  if (output === 'text') {
    return `${Object.values(body)
      .map((value) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value)))
      .join('\t')}\n`;
  }
  return `${JSON.stringify(body, awsTimestamps, 4)}\n`;
}

/**
 * Timestamps as `aws` prints them by default (`cli_timestamp_format = iso8601`, Python's
 * `isoformat()`): `2024-03-01T12:00:00.123000+00:00`. `JSON.stringify` has already turned each
 * `Date` into its ISO string when the replacer sees it, so the original value is read from `this`.
 */
function awsTimestamps(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const original = this[key];
  if (!(original instanceof Date)) return value;
  return original.toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

function skeletonChoice(value: string | boolean): 'input' | 'output' {
  // `--generate-cli-skeleton` alone means `input`, as in `aws`.
  return typeof value === 'boolean'
    ? 'input'
    : choiceParser('--generate-cli-skeleton', ['input', 'output'])(value);
}

function endpointUrl(value: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new UsageError(
      `Bad value for --endpoint-url "${value}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`,
    );
  }
  return value;
}

function helpFooter(name: string, operation: Operation): string {
  const example =
    operation.name === 'CreateAppInstanceUser'
      ? `
Examples, against \`${CLI_NAME} emulator\` (it prints its endpoint, an example app
instance and the test credentials):
  $ ${CLI_NAME} create-app-instance-user --endpoint-url http://127.0.0.1:PORT \\
      --app-instance-arn arn:aws:chime:us-east-1:111122223333:app-instance/EXAMPLE \\
      --app-instance-user-id user-1 --name "Ada Lovelace" \\
      --tags Key=team,Value=blue Key=tier,Value=gold
  $ ${CLI_NAME} create-app-instance-user --cli-input-json file://request.json --name "Override"
`
      : `
Example: ${CLI_NAME} ${name} --generate-cli-skeleton > request.json, then
  $ ${CLI_NAME} ${name} --cli-input-json file://request.json
`;
  return `${example}
Credentials come from the AWS SDK's default chain: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,
--profile or AWS_PROFILE, SSO, web identity, container and instance roles.

Exit codes, as \`aws\`: 0 success, 252 usage error, 253 configuration error (no credentials, an
invalid CHIME_IDENTITY_SHIM_ROUTE, a family whose client is not installed), 254 service error (the
shim's validation included), 255 other.
`;
}
