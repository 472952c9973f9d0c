import type { Command } from 'commander';
import type { ShimEvent } from '../events.js';
import { CLI_NAME } from './cli-name.js';
import { CommandFailure } from './command-failure.js';
import { EXIT_CODES } from './exit-codes.js';
import { type CliIo, newCommand } from './io.js';
import { rejectOperands } from './usage.js';

/** The app instance's region, which serves the call: the one region both namespaces share. */
const APP_INSTANCE_REGION = 'us-east-1';
/** The legacy client's own region: a different one, to show that the ARN decides, not the client. */
const CLIENT_REGION = 'eu-central-1';
const USER_ID = 'demo-user-1';
const LABEL_WIDTH = 14;

/**
 * `chime-identity-shim demo`: the whole product in one screen. Starts the embedded emulator,
 * creates an app instance with the real `ChimeSDKIdentityClient`, then sends a legacy-shaped
 * `CreateAppInstanceUserCommand` through the drop-in `ChimeClient` and shows the route, its
 * reason, the region and the ARN; then the same call again, and the `ConflictException` it
 * raises, an instance of the legacy class from `@aws-sdk/client-chime`.
 */
export function demoCommand(io: CliIo): Command {
  return newCommand('demo', io)
    .summary('walk a legacy-shaped call through the shim, against the embedded emulator')
    .description(
      'Starts the embedded emulator on a free loopback port, creates an app instance with the real ' +
        'ChimeSDKIdentityClient, and sends a legacy CreateAppInstanceUserCommand through the drop-in ' +
        'ChimeClient: shows the route and its reason, the region, the ARN, and the translated ' +
        'ConflictException of a duplicate. No AWS account, no network beyond loopback.',
    )
    .action(async (_options: unknown, self: Command) => {
      rejectOperands(self.args);
      await runDemo(io);
    });
}

async function runDemo(io: CliIo): Promise<void> {
  const style = stylesFor(io);
  const line = (label: string, value: string): void =>
    io.stdout(`   ${style.dim(label.padEnd(LABEL_WIDTH))}${value}\n`);

  // Loaded here, not at start-up: `create-app-instance-user` should not pay for the legacy package.
  const [{ startEmulator }, identity, shim, legacy] = await Promise.all([
    import('../emulator/index.js'),
    import('@aws-sdk/client-chime-sdk-identity'),
    import('../index.js'),
    import('@aws-sdk/client-chime'),
  ]);

  io.stdout(
    `${style.bold(`${CLI_NAME} demo`)}: a legacy CreateAppInstanceUser call, served by Chime SDK Identity\n\n`,
  );
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  const identityClient = new identity.ChimeSDKIdentityClient({
    region: APP_INSTANCE_REGION,
    endpoint: emulator.endpoint,
    credentials: { ...emulator.credentials },
  });
  const events: ShimEvent[] = [];
  const client = new shim.ChimeClient({
    region: CLIENT_REGION,
    endpoint: emulator.endpoint,
    credentials: { ...emulator.credentials },
    migration: { onEvent: (event) => events.push(event) },
  });
  try {
    io.stdout(`${style.bold('Setup')}\n`);
    line('emulator', `${emulator.endpoint} (local Chime SDK Identity, SigV4 checked)`);
    const { AppInstanceArn } = await identityClient.send(
      new identity.CreateAppInstanceCommand({ Name: 'chime-identity-shim demo' }),
    );
    line('app instance', `${AppInstanceArn}`);
    line('', style.dim('created with ChimeSDKIdentityClient + CreateAppInstanceCommand'));

    const input = {
      AppInstanceArn,
      AppInstanceUserId: USER_ID,
      Name: 'Ada Lovelace',
      Tags: [{ Key: 'team', Value: 'demo' }],
    };
    io.stdout(`\n${style.bold('1. A legacy-shaped call through the drop-in client')}\n`);
    const code = [
      `import { ChimeClient, CreateAppInstanceUserCommand } from '${CLI_NAME}';`,
      `const chime = new ChimeClient({ region: '${CLIENT_REGION}', endpoint, credentials });`,
      `await chime.send(new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: '${USER_ID}', Name, Tags }));`,
    ];
    io.stdout(`${code.map((text) => style.dim(`   ${text}`)).join('\n')}\n\n`);
    const output = await client.send(new shim.CreateAppInstanceUserCommand(input));
    const first = events.at(-1);
    showRoute(line, style, first);
    line('region', `${first?.region ?? '?'} ${style.dim(regionNote(first))}`);
    line('ARN', `${output.AppInstanceUserArn}`);
    line('request id', `${output.$metadata.requestId}`);

    io.stdout(`\n${style.bold('2. The same call again: a second user with the same id')}\n\n`);
    let failure: unknown;
    try {
      await client.send(new shim.CreateAppInstanceUserCommand(input));
    } catch (error) {
      failure = error;
    }
    if (!(failure instanceof Error)) {
      throw new CommandFailure(
        'The duplicate call succeeded: expected a ConflictException',
        EXIT_CODES.failure,
      );
    }
    const conflict = failure instanceof legacy.ConflictException;
    const details = failure as Error & {
      Code?: string;
      $fault?: string;
      $metadata?: { httpStatusCode?: number };
    };
    line('error', `${style.red(details.name)}: ${details.message}`);
    line(
      'instanceof',
      `${conflict} ${style.dim("(ConflictException from '@aws-sdk/client-chime', as legacy catch blocks test)")}`,
    );
    line('Code', `${details.Code}`);
    line('$fault', `${details.$fault}`);
    line('status', `${details.$metadata?.httpStatusCode}`);
    showRoute(line, style, events.at(-1));
    if (!conflict) {
      throw new CommandFailure(
        `The duplicate call raised ${details.name}, not the legacy ConflictException`,
        EXIT_CODES.failure,
        { cause: failure },
      );
    }
  } finally {
    client.destroy();
    identityClient.destroy();
    await emulator.close();
  }
  io.stdout(`\n${style.green('Done')}: emulator stopped, clients destroyed.\n`);
}

type Line = (label: string, value: string) => void;

function showRoute(line: Line, style: Styles, event: ShimEvent | undefined): void {
  line('route', `${style.green(event?.route ?? '?')} ${style.dim(`(reason: ${event?.reason ?? '?'})`)}`);
}

function regionNote(event: ShimEvent | undefined): string {
  if (event?.route === 'legacy') return '(legacy route: always us-east-1, as the deprecated namespace)';
  return `(from the AppInstanceArn; the client is configured for ${CLIENT_REGION})`;
}

interface Styles {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
}

/** ANSI styles on a terminal; plain text when stdout is a file or a pipe, or NO_COLOR is set. */
function stylesFor(io: CliIo): Styles {
  const enabled = io.isTTY === true && !io.env.NO_COLOR;
  const wrap =
    (open: number, close: number) =>
    (text: string): string =>
      enabled && text !== '' ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return { bold: wrap(1, 22), dim: wrap(2, 22), green: wrap(32, 39), red: wrap(31, 39) };
}
