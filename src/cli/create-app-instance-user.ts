import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { ChimeSDKIdentityClientConfig } from '@aws-sdk/client-chime-sdk-identity';
import { type Command, Option } from 'commander';
import {
  type CreateAppInstanceUserOptions,
  type CreateAppInstanceUserRequest,
  createAppInstanceUser,
  type ShimEvent,
} from '../function.js';
import { CREATE_APP_INSTANCE_USER_REQUEST, type Member } from '../operations/create-app-instance-user.js';
import type { Route } from '../routing/index.js';
import { CLI_NAME } from './cli-name.js';
import { CommandFailure } from './command-failure.js';
import { describeFailure, EXIT_CODES } from './exit-codes.js';
import { type CliIo, newCommand } from './io.js';
import { flagOf, parseCliInputJson, parseMemberValue, shorthandSyntaxOf, skeletonOf } from './parameters.js';
import { choiceParser, rejectOperands, requiredArgumentsError } from './usage.js';
import { UsageError } from './usage-error.js';

const OPERATION = 'CreateAppInstanceUser';

/** What each request member's flag says in `--help`; the flags themselves come from the model. */
const MEMBER_HELP: Record<string, string> = {
  AppInstanceArn: 'The ARN of the AppInstance. Its region field decides where the user is created.',
  AppInstanceUserId: 'The user ID of the AppInstance.',
  Name: "The user's name.",
  Metadata: "The request's metadata. Limited to a 1KB string in UTF-8.",
  ClientRequestToken: 'Idempotency token. Generated when absent, and the same on every retry.',
  Tags: 'Tags assigned to the AppInstanceUser: one shorthand item per argument, or JSON.',
  ExpirationSettings: 'When the user expires (Chime SDK Identity only: refused on the legacy route).',
};

interface MemberFlag {
  readonly member: Member;
  readonly flag: string;
  readonly option: Option;
}

/** One flag per request member, named and typed from the operation's descriptor. */
function memberFlags(): MemberFlag[] {
  return CREATE_APP_INSTANCE_USER_REQUEST.map((member) => {
    const flag = flagOf(member.name);
    const { check } = member;
    const syntax =
      check.kind === 'list'
        ? ` Shorthand: ${shorthandSyntaxOf(check.member)} ...`
        : check.kind === 'structure'
          ? ` Shorthand: ${shorthandSyntaxOf(check.shape)}`
          : '';
    const help = `${MEMBER_HELP[member.name] ?? member.name}${syntax}${member.required ? ' (required)' : ''}`;
    return { member, flag, option: new Option(`${flag} <value${check.kind === 'list' ? '...' : ''}>`, help) };
  });
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

/**
 * `chime-identity-shim create-app-instance-user`: `aws chime create-app-instance-user`, with the
 * same flags, shorthand, `--cli-input-json`, output and exit codes, served through the shim's
 * one call path (`createAppInstanceUser` from the function entry).
 */
export function createAppInstanceUserCommand(io: CliIo): Command {
  const command = newCommand('create-app-instance-user', io)
    .summary('create a user under an AppInstance, as `aws chime create-app-instance-user` did')
    .description(
      'Creates a user under an Amazon Chime AppInstance: the legacy `aws chime create-app-instance-user`, ' +
        'served by Chime SDK Identity in the region of --app-instance-arn. Prints the response as JSON.',
    );
  const members = memberFlags();
  for (const { option } of members) command.addOption(option);
  command
    .addOption(
      new Option(
        '--cli-input-json <value>',
        'The request as JSON (member names as above, in PascalCase), inline or file://path. Flags given as well win.',
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
        "Send the request to this URL instead of Chime SDK Identity's regional endpoint (e.g. the emulator).",
      ).argParser(endpointUrl),
    )
    .addOption(
      new Option(
        '--region <region>',
        'Accepted for compatibility and not used: the region is the one in --app-instance-arn (a warning says so when they differ).',
      ),
    )
    .addOption(
      new Option('--profile <name>', 'Use this profile of the shared AWS config and credentials files.'),
    )
    .addOption(
      new Option(
        '--route <route>',
        'identity (the default: Chime SDK Identity in the ARN region) or legacy (us-east-1, as the deprecated namespace did). CHIME_IDENTITY_SHIM_ROUTE, when set, overrides it.',
      ).argParser(choiceParser('--route', ['identity', 'legacy'])),
    )
    .addOption(
      new Option('--output <format>', 'json or text.')
        .argParser(choiceParser('--output', ['json', 'text']))
        .default('json'),
    )
    .addOption(new Option('--no-cli-pager', 'Accepted for compatibility (this CLI never pages).'))
    .addHelpText('after', helpFooter)
    .action(async (_options: unknown, self: Command) => {
      rejectOperands(self.args);
      await run(self, members, io);
    });
  return command;
}

async function run(command: Command, members: readonly MemberFlag[], io: CliIo): Promise<void> {
  const options = command.opts<CallOptions>();
  if (options.generateCliSkeleton !== undefined) {
    const skeleton =
      options.generateCliSkeleton === 'output'
        ? { AppInstanceUserArn: '' }
        : skeletonOf(CREATE_APP_INSTANCE_USER_REQUEST);
    io.stdout(`${JSON.stringify(skeleton, null, 4)}\n`);
    return;
  }
  const request = await requestFrom(command, members, options);
  warnAboutRegion(options.region, request.AppInstanceArn, io);

  // One call per run: sockets that do not outlive it, so nothing is left open after the command
  // (in-process runs in tests included).
  const httpAgent = new HttpAgent({ keepAlive: false });
  const httpsAgent = new HttpsAgent({ keepAlive: false });
  let event: ShimEvent | undefined;
  const callOptions: CreateAppInstanceUserOptions = {
    ...(options.route !== undefined && { route: options.route }),
    identityConfig: identityConfigFrom(options, io.env, { httpAgent, httpsAgent }),
    onEvent: (shimEvent) => {
      event = shimEvent;
    },
  };
  try {
    // Unchecked here on purpose: the shim validates the request as the service would (254).
    const output = await createAppInstanceUser(
      request as unknown as CreateAppInstanceUserRequest,
      callOptions,
    );
    io.stdout(format(responseBody(output), options.output));
  } catch (error) {
    throw describeFailure(error, { operation: OPERATION, url: requestUrl(options, io.env, event) });
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
  for (const { member, flag, option } of members) {
    const raw = command.getOptionValue(option.attributeName()) as string | string[] | undefined;
    if (raw !== undefined) request[member.name] = await parseMemberValue(member, raw, flag);
  }
  const missing = members.filter(({ member }) => member.required && request[member.name] === undefined);
  if (missing.length > 0) throw requiredArgumentsError(missing.map(({ flag }) => flag));
  return request;
}

/**
 * The identity client's config: the endpoint, and credentials from the standard chain. Static
 * keys in `io.env` are used as the SDK's env provider would (not when a profile is chosen, as
 * the SDK skips them then); everything else is left to the SDK's default chain.
 */
function identityConfigFrom(
  options: CallOptions,
  env: CliIo['env'],
  agents: { httpAgent: HttpAgent; httpsAgent: HttpsAgent },
): ChimeSDKIdentityClientConfig {
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

/** The region flag has nothing to decide (the ARN does); say so rather than ignore it silently. */
function warnAboutRegion(region: string | undefined, arn: unknown, io: CliIo): void {
  if (region === undefined || typeof arn !== 'string') return;
  const arnRegion = arn.split(':')[3];
  if (arnRegion && arnRegion !== region) {
    io.stderr(
      `${CLI_NAME}: warning: --region ${region} is not used: the region comes from --app-instance-arn (${arnRegion})\n`,
    );
  }
}

/** Where the request went, for "Could not connect to the endpoint URL" (the event knows the region). */
function requestUrl(
  options: CallOptions,
  env: CliIo['env'],
  event: ShimEvent | undefined,
): string | undefined {
  const base =
    options.endpointUrl ??
    (env.AWS_ENDPOINT_URL_CHIME_SDK_IDENTITY || undefined) ??
    (env.AWS_ENDPOINT_URL || undefined) ??
    (event?.region === undefined ? undefined : `https://identity-chime.${event.region}.amazonaws.com`);
  return base === undefined ? undefined : `${base.replace(/\/+$/, '')}/app-instance-users`;
}

/** The response as `aws` prints it: the body's members, without `$metadata`. */
function responseBody(output: object): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(output).filter(([key, value]) => key !== '$metadata' && value !== undefined),
  );
}

/** `--output json`: 4-space indent, as `aws` (Python's json.dumps) prints; `text`: the values, tab-separated. */
function format(body: Record<string, unknown>, output: CallOptions['output']): string {
  if (output === 'text') return `${Object.values(body).join('\t')}\n`;
  return `${JSON.stringify(body, null, 4)}\n`;
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

function helpFooter(): string {
  return `
Examples, against \`${CLI_NAME} emulator\` (it prints its endpoint, an example app
instance and the test credentials):
  $ ${CLI_NAME} create-app-instance-user --endpoint-url http://127.0.0.1:PORT \\
      --app-instance-arn arn:aws:chime:us-east-1:111122223333:app-instance/EXAMPLE \\
      --app-instance-user-id user-1 --name "Ada Lovelace" \\
      --tags Key=team,Value=blue Key=tier,Value=gold
  $ ${CLI_NAME} create-app-instance-user --cli-input-json file://request.json --name "Override"

Credentials come from the AWS SDK's default chain: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,
--profile or AWS_PROFILE, SSO, web identity, container and instance roles.

Exit codes, as \`aws\`: 0 success, 252 usage error, 253 configuration error (no credentials, an
invalid CHIME_IDENTITY_SHIM_ROUTE), 254 service error (the shim's validation included), 255 other.
`;
}
