import type { Command } from 'commander';
import type { ShimEvent } from '../events.js';
import { CLI_NAME } from './cli-name.js';
import { CommandFailure } from './command-failure.js';
import { EXIT_CODES } from './exit-codes.js';
import { type CliIo, newCommand } from './io.js';
import { rejectOperands } from './usage.js';

/** The legacy client's own region: another one, to show that the input's ARN decides, not the client. */
const CLIENT_REGION = 'eu-central-1';
const USER_ID = 'demo-user-1';
const ADMIN_ID = 'demo-admin';
const LABEL_WIDTH = 14;

/** The namespace that serves each family, as the demo names it. */
const NAMESPACES: Readonly<Record<string, string>> = {
  identity: 'Chime SDK Identity',
  messaging: 'Chime SDK Messaging',
  meetings: 'Chime SDK Meetings',
  voice: 'Chime SDK Voice',
  mediaPipelines: 'Chime SDK Media Pipelines',
};

/**
 * `chime-identity-shim demo`: the whole product in one screen. Starts the embedded emulator and
 * walks a legacy service's calls through the drop-in `ChimeClient`, only the import specifier
 * changed: its app instance, a legacy-shaped `CreateAppInstanceUser`, then what such a service
 * calls next (an admin, a channel, a membership, a message, a meeting and an attendee), each
 * with the route, the namespace and the region that served it; last, the same user again, and the
 * `ConflictException` it raises, an instance of the legacy class from `@aws-sdk/client-chime`.
 */
export function demoCommand(io: CliIo): Command {
  return newCommand('demo', io)
    .summary('walk a legacy service’s calls through the shim, against the embedded emulator')
    .description(
      'Starts the embedded emulator on a free loopback port and sends a legacy service’s calls ' +
        '(an app instance, a user, an admin, a channel, a membership, a message, a meeting, an attendee) ' +
        'through the drop-in ChimeClient: shows for each the route, the namespace and the region that ' +
        'served it, then the translated ConflictException of a duplicate. No AWS account, no network ' +
        'beyond loopback.',
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

  // Loaded here, not at start-up: the operation commands should not pay for the emulator.
  const [{ startEmulator }, shim, legacy] = await Promise.all([
    import('../emulator/index.js'),
    import('../index.js'),
    import('@aws-sdk/client-chime'),
  ]);

  io.stdout(
    `${style.bold(`${CLI_NAME} demo`)}: a legacy Chime service’s calls, served by the Chime SDK namespaces\n\n`,
  );
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  const events: ShimEvent[] = [];
  const client = new shim.ChimeClient({
    region: CLIENT_REGION,
    endpoint: emulator.endpoint,
    credentials: { ...emulator.credentials },
    migration: { onEvent: (event) => events.push(event) },
  });
  /** One call: the legacy command, sent as the service sends it, and what served it. */
  const step = async <T>(title: string, send: () => Promise<T>, show: (output: T) => void): Promise<T> => {
    io.stdout(`\n${style.bold(title)}\n`);
    const output = await send();
    const event = events.at(-1);
    line('route', `${style.green(event?.route ?? '?')} ${style.dim(`(reason: ${event?.reason ?? '?'})`)}`);
    line(
      'served by',
      `${event?.family ? (NAMESPACES[event.family] ?? event.family) : '?'}, ${event?.operation ?? '?'}, in ${event?.region ?? '?'}`,
    );
    show(output);
    return output;
  };
  try {
    io.stdout(
      `${style.dim(`   import { ChimeClient, ... } from '${CLI_NAME}';   // was '@aws-sdk/client-chime'`)}\n` +
        `${style.dim(`   const chime = new ChimeClient({ region: '${CLIENT_REGION}', endpoint, credentials });`)}\n`,
    );
    line('emulator', `${emulator.endpoint} ${style.dim('(local Chime SDK namespaces, SigV4 checked)')}`);

    const { AppInstanceArn } = await step(
      '1. CreateAppInstance (no ARN in the input: defaultRegion, us-east-1, where the legacy namespace sent it)',
      () => client.send(new shim.CreateAppInstanceCommand({ Name: 'chime-identity-shim demo' })),
      (output) => line('ARN', `${output.AppInstanceArn}`),
    );
    const user = await step(
      '2. CreateAppInstanceUser, legacy-shaped (the ARN decides the region, not the client)',
      () =>
        client.send(
          new shim.CreateAppInstanceUserCommand({
            AppInstanceArn: AppInstanceArn!,
            AppInstanceUserId: USER_ID,
            Name: 'Ada Lovelace',
            Tags: [{ Key: 'team', Value: 'demo' }],
          }),
        ),
      (output) => line('ARN', `${output.AppInstanceUserArn}`),
    );
    const admin = await client.send(
      new shim.CreateAppInstanceUserCommand({
        AppInstanceArn: AppInstanceArn!,
        AppInstanceUserId: ADMIN_ID,
        Name: 'Grace',
      }),
    );
    await step(
      '3. CreateAppInstanceAdmin',
      () =>
        client.send(
          new shim.CreateAppInstanceAdminCommand({
            AppInstanceArn: AppInstanceArn!,
            AppInstanceAdminArn: admin.AppInstanceUserArn!,
          }),
        ),
      (output) => line('admin', `${output.AppInstanceAdmin?.Arn}`),
    );
    const { ChannelArn } = await step(
      '4. CreateChannel (ChimeBearer: the admin; Chime SDK Messaging requires one)',
      () =>
        client.send(
          new shim.CreateChannelCommand({
            AppInstanceArn: AppInstanceArn!,
            Name: 'general',
            Mode: 'RESTRICTED',
            Privacy: 'PRIVATE',
            ChimeBearer: admin.AppInstanceUserArn!,
          }),
        ),
      (output) => line('ARN', `${output.ChannelArn}`),
    );
    await step(
      '5. CreateChannelMembership',
      () =>
        client.send(
          new shim.CreateChannelMembershipCommand({
            ChannelArn: ChannelArn!,
            MemberArn: user.AppInstanceUserArn!,
            Type: 'DEFAULT',
            ChimeBearer: admin.AppInstanceUserArn!,
          }),
        ),
      (output) => line('member', `${output.Member?.Arn}`),
    );
    await step(
      '6. SendChannelMessage',
      () =>
        client.send(
          new shim.SendChannelMessageCommand({
            ChannelArn: ChannelArn!,
            Content: 'Hello from a legacy service',
            Type: 'STANDARD',
            Persistence: 'PERSISTENT',
            ChimeBearer: user.AppInstanceUserArn!,
          }),
        ),
      (output) => line('message id', `${output.MessageId}`),
    );
    const { Meeting } = await step(
      '7. CreateMeeting (MediaRegion and ExternalMeetingId left out: the legacy defaults)',
      () => client.send(new shim.CreateMeetingCommand({})),
      (output) => {
        line('meeting id', `${output.Meeting?.MeetingId}`);
        line('media region', `${output.Meeting?.MediaRegion}`);
        line('audio host', `${output.Meeting?.MediaPlacement?.AudioHostUrl}`);
      },
    );
    await step(
      '8. CreateAttendee',
      () =>
        client.send(
          new shim.CreateAttendeeCommand({ MeetingId: Meeting!.MeetingId!, ExternalUserId: 'ada-lovelace' }),
        ),
      // The join token is sensitive: the demo says it is there, not what it is.
      (output) =>
        line('attendee id', `${output.Attendee?.AttendeeId} ${style.dim('(with a JoinToken, not printed)')}`),
    );

    io.stdout(`\n${style.bold('9. CreateAppInstanceUser again, the same user: a translated error')}\n`);
    let failure: unknown;
    try {
      await client.send(
        new shim.CreateAppInstanceUserCommand({
          AppInstanceArn: AppInstanceArn!,
          AppInstanceUserId: USER_ID,
          Name: 'Ada',
        }),
      );
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
    if (!conflict) {
      throw new CommandFailure(
        `The duplicate call raised ${details.name}, not the legacy ConflictException`,
        EXIT_CODES.failure,
        { cause: failure },
      );
    }
  } finally {
    client.destroy();
    await emulator.close();
  }
  io.stdout(`\n${style.green('Done')}: emulator stopped, clients destroyed.\n`);
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
