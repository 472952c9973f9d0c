import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as Shim from '../../src/index.js';
import { setPackageLoaderForTests } from '../../src/namespaces.js';
import { OPERATIONS } from '../../src/operations/generated/index.js';
import { runCli } from '../cli/helpers.js';
import { requireBuild } from '../support/build.js';
import { RecordingHandler, useEmulator } from '../support/emulator.js';
import { MESSAGING_FLOW_OPERATIONS, messagingAdminArn, runMessagingFlow } from '../support/messaging-flow.js';
import { camel, command, exported, rejection, useShimOnEmulator } from '../support/shim-surfaces.js';

/**
 * The messaging family (issue 10) through the package's surfaces, on the emulator: the contract's
 * "Every removed operation" for Chime SDK Messaging, and its translations (ChimeBearer, the
 * Content read-back, the streaming-configuration renames).
 */

const emulator = useEmulator();
const { clientConfig, shimClient, surfaces: shimSurfaces } = useShimOnEmulator(emulator);

/** Every surface of the package, with the options of a service that never set ChimeBearer. */
const surfaces = (AppInstanceArn: string) =>
  shimSurfaces({ defaultRegion: 'eu-central-1', chimeBearer: messagingAdminArn(AppInstanceArn) });

/** An app instance with an admin (`admin`) and two users, straight through the shim's identity operations. */
async function chat(region = 'us-east-1') {
  const AppInstanceArn = emulator.current.createAppInstance({ region });
  const client = shimClient();
  const user = async (id: string) =>
    (
      await client.send(
        new Shim.CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: id, Name: id }),
      )
    ).AppInstanceUserArn!;
  const admin = await user('admin');
  await client.send(new Shim.CreateAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn: admin }));
  return { AppInstanceArn, admin, alice: await user('alice'), bob: await user('bob') };
}

/** The emulator's operations since `from` (a count of requests). */
const servedSince = (from: number) =>
  emulator.current
    .requests()
    .slice(from)
    .map(({ operation }) => operation);

// ---------------------------------------------------------------------------------------------
// Every surface
// ---------------------------------------------------------------------------------------------

describe('Every removed operation, messaging family: every surface serves the calls a legacy chat service makes', () => {
  it('the flow calls every messaging operation (and the tag operations on a channel)', () => {
    const messaging = Object.values(OPERATIONS)
      .filter(({ family }) => family === 'messaging')
      .map(({ name }) => name);
    expect(messaging).toHaveLength(33);
    for (const name of [...messaging, 'TagResource', 'UntagResource', 'ListTagsForResource']) {
      expect(MESSAGING_FLOW_OPERATIONS, name).toContain(name);
    }
  });

  // The surfaces' names; each test builds its own surface for its own app instance.
  it.each(surfaces('').map(([name]) => [name]))('%s', async (name) => {
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'eu-central-1' });
    const surface = new Map(surfaces(AppInstanceArn)).get(name)!();
    const { ran, served } = await runMessagingFlow(surface, AppInstanceArn);
    expect(new Set(ran)).toEqual(MESSAGING_FLOW_OPERATIONS);
    // Served by Chime SDK Messaging (and Identity for the set-up) in the app instance's region, one
    // request per call but the documented read of UpdateChannelMessage without Content.
    const requests = emulator.current.requests();
    expect(new Set(requests.map(({ region }) => region))).toEqual(new Set(['eu-central-1']));
    expect(requests.map(({ operation }) => operation)).toEqual(served);
    expect(requests.every(({ status }) => status < 300)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// ChimeBearer
// ---------------------------------------------------------------------------------------------

describe('Translations, Messaging: ChimeBearer is taken from the input, else the chimeBearer option, else refused before any I/O', () => {
  it('given in the input: sent as x-amz-chime-bearer, whatever the option says', async () => {
    const { AppInstanceArn, admin, alice } = await chat();
    const requestHandler = new RecordingHandler();
    const client = shimClient({ requestHandler, migration: { chimeBearer: admin } });
    await client.send(new Shim.CreateChannelCommand({ AppInstanceArn, Name: 'c', ChimeBearer: alice }));
    expect(requestHandler.sent.at(-1)!.headers['x-amz-chime-bearer']).toBe(alice);
  });

  it('absent: the chimeBearer option, per call (the function), per client or process-wide; per call and per client win', async () => {
    const { AppInstanceArn, admin, alice, bob } = await chat();
    const input = { AppInstanceArn, Name: 'c' };
    const requestHandler = new RecordingHandler();
    const bearer = () => requestHandler.sent.at(-1)?.headers['x-amz-chime-bearer'];
    Shim.configureChimeIdentityShim({ chimeBearer: admin });

    await shimClient({ requestHandler }).send(new Shim.CreateChannelCommand(input));
    expect(bearer()).toBe(admin);
    await shimClient({ requestHandler, migration: { chimeBearer: alice } }).send(
      new Shim.CreateChannelCommand(input),
    );
    expect(bearer()).toBe(alice);
    await Shim.createChannel(input, { chimeBearer: bob, identityConfig: clientConfig({ requestHandler }) });
    expect(bearer()).toBe(bob);
    await Shim.createChannel(input, { identityConfig: clientConfig({ requestHandler }) });
    expect(bearer()).toBe(admin);
  });

  it('neither: a legacy BadRequestException naming chimeBearer, nothing sent, the event says validation', async () => {
    const { AppInstanceArn } = await chat();
    const events: Shim.ShimEvent[] = [];
    const client = shimClient({ migration: { onEvent: (event: Shim.ShimEvent) => events.push(event) } });
    const before = emulator.current.requests().length;
    const error = await rejection(client.send(new Shim.CreateChannelCommand({ AppInstanceArn, Name: 'c' })));
    expect(error).toBeInstanceOf(Shim.BadRequestException);
    expect(error).toMatchObject({ $fault: 'client', $metadata: { attempts: 0 } });
    expect(error.message).toBe(
      "1 validation error detected: Value at 'chimeBearer' failed to satisfy constraint: Member must not be null: " +
        'Chime SDK Messaging requires it; give ChimeBearer, or the chimeBearer option',
    );
    expect(servedSince(before)).toEqual([]);
    expect(events).toEqual([
      expect.objectContaining({
        operation: 'CreateChannel',
        family: 'messaging',
        reason: 'validation',
        outcome: 'error',
      }),
    ]);
  });

  it('every one of the 29 channel operations refuses a call without a bearer before any I/O', async () => {
    const needing = Object.values(OPERATIONS).filter(({ newlyRequired }) =>
      newlyRequired?.includes('ChimeBearer'),
    );
    expect(needing).toHaveLength(29);
    const before = emulator.current.requests().length;
    const arn = 'arn:aws:chime:us-east-1:111122223333:app-instance/00000000-0000-4000-8000-000000000000';
    for (const operation of needing) {
      // Every member the legacy request requires (but the bearer, which it does not): valid values.
      const input: Record<string, unknown> = {};
      for (const [member, { required, shape }] of Object.entries(operation.input.members)) {
        if (!required) continue;
        input[member] =
          shape.type === 'string' && shape.enum
            ? shape.enum[0]
            : member === 'ChannelArn'
              ? `${arn}/channel/c1`
              : member === 'MemberArns'
                ? [`${arn}/user/u1`]
                : member.endsWith('Arn')
                  ? `${arn}/user/u1`
                  : 'x';
      }
      const error = await rejection(
        exported[camel(operation.name)](input, { identityConfig: clientConfig() }),
      );
      expect(error, operation.name).toBeInstanceOf(Shim.BadRequestException);
      expect(error.message, operation.name).toContain("Value at 'chimeBearer'");
    }
    expect(servedSince(before)).toEqual([]);
  });

  it('a bearer from the option is a region source: it picks the region of a call that names no other ARN', async () => {
    const { alice } = await chat('eu-central-1');
    const events: Shim.ShimEvent[] = [];
    const client = shimClient({
      migration: { chimeBearer: alice, onEvent: (event: Shim.ShimEvent) => events.push(event) },
    });
    const out = await client.send(new Shim.ListChannelsModeratedByAppInstanceUserCommand({}));
    expect(out.Channels).toEqual([]);
    expect(events[0]).toMatchObject({ region: 'eu-central-1', outcome: 'success' });
    expect(emulator.current.requests().at(-1)).toMatchObject({ region: 'eu-central-1' });
  });

  it('a bearer from the option in a region outside the allow-list is refused like any ARN member, before any I/O', async () => {
    const client = shimClient({
      migration: { chimeBearer: 'arn:aws:chime:ap-southeast-1:111122223333:app-instance/x/user/u' },
    });
    const before = emulator.current.requests().length;
    const error = await rejection(client.send(new Shim.ListChannelMembershipsForAppInstanceUserCommand({})));
    expect(error).toBeInstanceOf(Shim.BadRequestException);
    expect(error.message).toContain(
      "Value at 'chimeBearer' failed to satisfy constraint: Member must name one of the allowed regions",
    );
    expect(servedSince(before)).toEqual([]);
  });

  it('the bearer takes part in routing and stickiness: a route function sees its user and the channel’s app instance', async () => {
    const { AppInstanceArn, admin } = await chat();
    const seen: Shim.RouteContext[] = [];
    const client = shimClient({
      migration: {
        chimeBearer: admin,
        route: (context: Shim.RouteContext) => {
          seen.push(context);
          return 'identity';
        },
      },
    });
    const { ChannelArn } = await client.send(new Shim.CreateChannelCommand({ AppInstanceArn, Name: 'c' }));
    await client.send(
      new Shim.SendChannelMessageCommand({
        ChannelArn,
        Content: 'x',
        Type: 'STANDARD',
        Persistence: 'PERSISTENT',
      }),
    );
    expect(
      seen.map(({ operation, family, AppInstanceUserId, AppInstanceArn: arn }) => [
        operation,
        family,
        AppInstanceUserId,
        arn,
      ]),
    ).toEqual([
      ['CreateChannel', 'messaging', 'admin', AppInstanceArn],
      ['SendChannelMessage', 'messaging', 'admin', AppInstanceArn],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// The Content read-back
// ---------------------------------------------------------------------------------------------

describe('Translations, Messaging: UpdateChannelMessage without Content reads the message and sends its content back unchanged', () => {
  async function message() {
    const { AppInstanceArn, alice } = await chat();
    const events: Shim.ShimEvent[] = [];
    const client = shimClient({
      migration: { chimeBearer: alice, onEvent: (event: Shim.ShimEvent) => events.push(event) },
    });
    const { ChannelArn } = await client.send(new Shim.CreateChannelCommand({ AppInstanceArn, Name: 'c' }));
    const { MessageId } = await client.send(
      new Shim.SendChannelMessageCommand({
        ChannelArn,
        Content: 'ünïcödé content 🙂',
        Metadata: 'v1',
        Type: 'STANDARD',
        Persistence: 'PERSISTENT',
      }),
    );
    events.length = 0;
    return { client, events, ChannelArn: ChannelArn!, MessageId: MessageId! };
  }

  it('one read (GetChannelMessage), then one write carrying the current content; the event says content-read-back', async () => {
    const { client, events, ChannelArn, MessageId } = await message();
    const before = emulator.current.requests().length;
    const out = await client.send(
      new Shim.UpdateChannelMessageCommand({ ChannelArn, MessageId, Metadata: 'v2' }),
    );
    expect(out).toMatchObject({ ChannelArn, MessageId });
    expect(servedSince(before)).toEqual(['GetChannelMessage', 'UpdateChannelMessage']);
    const { ChannelMessage } = await client.send(
      new Shim.GetChannelMessageCommand({ ChannelArn, MessageId }),
    );
    expect(ChannelMessage).toMatchObject({ Content: 'ünïcödé content 🙂', Metadata: 'v2' });
    expect(events[0]).toMatchObject({
      operation: 'UpdateChannelMessage',
      outcome: 'success',
      translation: 'content-read-back',
    });
  });

  it('with Content: no read, and no translation in the event', async () => {
    const { client, events, ChannelArn, MessageId } = await message();
    const before = emulator.current.requests().length;
    await client.send(new Shim.UpdateChannelMessageCommand({ ChannelArn, MessageId, Content: 'new' }));
    expect(servedSince(before)).toEqual(['UpdateChannelMessage']);
    expect(events[0]?.translation).toBeUndefined();
  });

  it('a message that cannot be read: the read’s legacy error (NotFoundException), no write', async () => {
    const { client, ChannelArn } = await message();
    const before = emulator.current.requests().length;
    const error = await rejection(
      client.send(new Shim.UpdateChannelMessageCommand({ ChannelArn, MessageId: 'gone', Metadata: 'v2' })),
    );
    expect(error).toBeInstanceOf(Shim.NotFoundException);
    expect(servedSince(before)).toEqual(['GetChannelMessage']);
  });

  it('a redacted message has no content to keep: a BadRequestException saying so, no write', async () => {
    const { client, ChannelArn, MessageId } = await message();
    await client.send(new Shim.RedactChannelMessageCommand({ ChannelArn, MessageId }));
    const before = emulator.current.requests().length;
    const error = await rejection(
      client.send(new Shim.UpdateChannelMessageCommand({ ChannelArn, MessageId, Metadata: 'v2' })),
    );
    expect(error).toBeInstanceOf(Shim.BadRequestException);
    expect(error.message).toContain('this message has none (it was redacted)');
    expect(servedSince(before)).toEqual(['GetChannelMessage']);
  });
});

// ---------------------------------------------------------------------------------------------
// Renames
// ---------------------------------------------------------------------------------------------

describe('Translations, Messaging: Put/Get/DeleteAppInstanceStreamingConfigurations are the messaging namespace’s …MessagingStreamingConfigurations, members renamed both ways', () => {
  const STREAM = 'arn:aws:kinesis:us-east-1:111122223333:stream/chat';

  it('the request goes out as StreamingConfigurations/DataType; the answer comes back as AppInstanceStreamingConfigurations/AppInstanceDataType', async () => {
    const AppInstanceArn = emulator.current.createAppInstance();
    const requestHandler = new RecordingHandler();
    const client = shimClient({ requestHandler });
    const put = await client.send(
      new Shim.PutAppInstanceStreamingConfigurationsCommand({
        AppInstanceArn,
        AppInstanceStreamingConfigurations: [{ AppInstanceDataType: 'Channel', ResourceArn: STREAM }],
      }),
    );
    expect(requestHandler.sent.at(-1)!.body).toEqual({
      StreamingConfigurations: [{ DataType: 'Channel', ResourceArn: STREAM }],
    });
    expect(requestHandler.sent.at(-1)!.headers['user-agent']).toContain('api/chime-sdk-messaging#');
    const { $metadata: _put, ...putOutput } = put;
    expect(putOutput).toEqual({
      AppInstanceStreamingConfigurations: [{ AppInstanceDataType: 'Channel', ResourceArn: STREAM }],
    });
    const { $metadata: _get, ...getOutput } = await client.send(
      new Shim.GetAppInstanceStreamingConfigurationsCommand({ AppInstanceArn }),
    );
    expect(getOutput).toEqual({
      AppInstanceStreamingConfigurations: [{ AppInstanceDataType: 'Channel', ResourceArn: STREAM }],
    });
    await client.send(new Shim.DeleteAppInstanceStreamingConfigurationsCommand({ AppInstanceArn }));
    expect(emulator.current.requests().map(({ operation }) => operation)).toEqual([
      'PutMessagingStreamingConfigurations',
      'GetMessagingStreamingConfigurations',
      'DeleteMessagingStreamingConfigurations',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Route-only members and the output projection
// ---------------------------------------------------------------------------------------------

describe('Every removed operation, Routes: members only Chime SDK Messaging has are accepted on the identity route and refused before I/O on the legacy route', () => {
  it('identity route: SubChannelId, ElasticChannelConfiguration, MemberArns, MessageAttributes, PushNotification, Target reach the namespace', async () => {
    const { AppInstanceArn, admin, alice } = await chat();
    const requestHandler = new RecordingHandler();
    const client = shimClient({ requestHandler, migration: { chimeBearer: admin } });
    const { ChannelArn } = await client.send(
      new Shim.CreateChannelCommand({
        AppInstanceArn,
        Name: 'c',
        MemberArns: [alice],
        ElasticChannelConfiguration: {
          MaximumSubChannels: 2,
          TargetMembershipsPerSubChannel: 2,
          MinimumMembershipPercentage: 10,
        },
      }),
    );
    expect(requestHandler.sent.at(-1)!.body).toMatchObject({
      MemberArns: [alice],
      ElasticChannelConfiguration: { MaximumSubChannels: 2 },
    });
    await client.send(
      new Shim.SendChannelMessageCommand({
        ChannelArn,
        Content: 'x',
        Type: 'STANDARD',
        Persistence: 'PERSISTENT',
        MessageAttributes: { topic: { StringValues: ['billing'] } },
        PushNotification: { Title: 't', Body: 'b', Type: 'DEFAULT' },
        SubChannelId: 'sub-1',
        Target: [{ MemberArn: alice }],
      }),
    );
    expect(requestHandler.sent.at(-1)!.body).toMatchObject({
      MessageAttributes: { topic: { StringValues: ['billing'] } },
      PushNotification: { Title: 't' },
      SubChannelId: 'sub-1',
      Target: [{ MemberArn: alice }],
    });
    const members = await client.send(new Shim.ListChannelMembershipsCommand({ ChannelArn }));
    expect(members.ChannelMemberships?.map(({ Member }) => Member?.Arn)).toEqual([admin, alice]);
  });

  it.each([
    ['CreateChannel', { Name: 'c', MemberArns: ['ALICE'] }, 'memberArns'],
    ['CreateChannel', { Name: 'c', ChannelId: 'room' }, 'channelId'],
    [
      'SendChannelMessage',
      {
        Content: 'x',
        Type: 'STANDARD',
        Persistence: 'PERSISTENT',
        MessageAttributes: { a: { StringValues: ['v'] } },
      },
      'messageAttributes',
    ],
    [
      'SendChannelMessage',
      { Content: 'x', Type: 'STANDARD', Persistence: 'PERSISTENT', SubChannelId: 's' },
      'subChannelId',
    ],
    ['ListChannelMessages', { SubChannelId: 's' }, 'subChannelId'],
  ] as const)(
    'legacy route: %s with %j is a BadRequestException naming %s, nothing sent',
    async (operation, extra, path) => {
      const { AppInstanceArn, admin, alice } = await chat();
      const ChannelArn = `${AppInstanceArn}/channel/c1`;
      const input = JSON.parse(JSON.stringify(extra).replace('"ALICE"', JSON.stringify(alice)));
      const client = shimClient({ migration: { route: 'legacy', chimeBearer: admin } });
      const before = emulator.current.requests().length;
      const error = await rejection(
        client.send(
          command(operation, {
            ...(operation === 'CreateChannel' ? { AppInstanceArn } : { ChannelArn }),
            ...input,
          }),
        ),
      );
      expect(error).toBeInstanceOf(Shim.BadRequestException);
      expect(error.message).toContain(
        `Value at '${path}' failed to satisfy constraint: Member is not supported by the Amazon Chime namespace (legacy route)`,
      );
      expect(servedSince(before)).toEqual([]);
    },
  );

  it('legacy route on a current SDK: the messaging client in us-east-1, signed for us-east-1', async () => {
    const { AppInstanceArn, admin } = await chat();
    const requestHandler = new RecordingHandler();
    const client = shimClient({ requestHandler, migration: { route: 'legacy', chimeBearer: admin } });
    await client.send(new Shim.ListChannelsCommand({ AppInstanceArn }));
    expect(requestHandler.sent[0]).toMatchObject({ signingRegion: 'us-east-1' });
    expect(requestHandler.sent[0]!.headers['user-agent']).toContain('api/chime-sdk-messaging#');
  });
});

describe('Every removed operation, Output: members only Chime SDK Messaging returns are not added to the legacy output', () => {
  it('SendChannelMessage, UpdateChannelMessage, RedactChannelMessage, DescribeChannel, GetChannelMessage, ListChannelMessages, CreateChannelMembership', async () => {
    const { AppInstanceArn, admin, alice } = await chat();
    const client = shimClient({ migration: { chimeBearer: admin } });
    const keys = (output: object) =>
      Object.keys(output)
        .filter((key) => key !== '$metadata')
        .sort();
    const { ChannelArn } = await client.send(
      new Shim.CreateChannelCommand({
        AppInstanceArn,
        Name: 'c',
        ElasticChannelConfiguration: {
          MaximumSubChannels: 2,
          TargetMembershipsPerSubChannel: 2,
          MinimumMembershipPercentage: 10,
        },
        ExpirationSettings: { ExpirationDays: 3, ExpirationCriterion: 'CREATED_TIMESTAMP' },
      }),
    );
    const sent = await client.send(
      new Shim.SendChannelMessageCommand({
        ChannelArn,
        Content: 'x',
        Type: 'STANDARD',
        Persistence: 'PERSISTENT',
        SubChannelId: 'sub-1',
        ContentType: 'text/plain',
        MessageAttributes: { a: { StringValues: ['v'] } },
      }),
    );
    // The namespace answered Status and SubChannelId; the legacy response has neither.
    expect(emulator.current.requests().at(-1)?.operation).toBe('SendChannelMessage');
    expect(keys(sent)).toEqual(['ChannelArn', 'MessageId']);
    const { MessageId } = sent;
    const updated = await client.send(
      new Shim.UpdateChannelMessageCommand({ ChannelArn, MessageId, Content: 'y', SubChannelId: 'sub-1' }),
    );
    expect(keys(updated)).toEqual(['ChannelArn', 'MessageId']);
    const redacted = await client.send(
      new Shim.RedactChannelMessageCommand({ ChannelArn, MessageId, SubChannelId: 'sub-1' }),
    );
    expect(keys(redacted)).toEqual(['ChannelArn', 'MessageId']);
    const { Channel } = await client.send(new Shim.DescribeChannelCommand({ ChannelArn }));
    expect(Channel).not.toHaveProperty('ElasticChannelConfiguration');
    expect(Channel).not.toHaveProperty('ExpirationSettings');
    const { ChannelMessage } = await client.send(
      new Shim.GetChannelMessageCommand({ ChannelArn, MessageId }),
    );
    expect(keys(ChannelMessage!)).toEqual(
      [
        'ChannelArn',
        'CreatedTimestamp',
        'LastEditedTimestamp',
        'LastUpdatedTimestamp',
        'MessageId',
        'Persistence',
        'Redacted',
        'Sender',
        'Type',
      ].sort(),
    );
    const listed = await client.send(
      new Shim.ListChannelMessagesCommand({ ChannelArn, SubChannelId: 'sub-1' }),
    );
    expect(keys(listed)).toEqual(['ChannelArn', 'ChannelMessages']);
    expect(keys(listed.ChannelMessages![0]!)).not.toContain('Status');
    const member = await client.send(
      new Shim.CreateChannelMembershipCommand({
        ChannelArn,
        MemberArn: alice,
        Type: 'DEFAULT',
        SubChannelId: 'sub-1',
      }),
    );
    expect(keys(member)).toEqual(['ChannelArn', 'Member']);
  });
});

// ---------------------------------------------------------------------------------------------
// Tags, errors, the optional peer
// ---------------------------------------------------------------------------------------------

describe('Translations: TagResource / UntagResource / ListTagsForResource on a channel ARN go to the messaging namespace', () => {
  it('served by Chime SDK Messaging (its client, its emulator namespace), the event family messaging', async () => {
    const { AppInstanceArn, admin } = await chat();
    const requestHandler = new RecordingHandler();
    const events: Shim.ShimEvent[] = [];
    const client = shimClient({
      requestHandler,
      migration: { chimeBearer: admin, onEvent: (event: Shim.ShimEvent) => events.push(event) },
    });
    const { ChannelArn } = await client.send(new Shim.CreateChannelCommand({ AppInstanceArn, Name: 'c' }));
    await client.send(
      new Shim.TagResourceCommand({ ResourceARN: ChannelArn, Tags: [{ Key: 'k', Value: 'v' }] }),
    );
    const { Tags } = await client.send(new Shim.ListTagsForResourceCommand({ ResourceARN: ChannelArn }));
    expect(Tags).toEqual([{ Key: 'k', Value: 'v' }]);
    expect(requestHandler.sent.at(-1)!.headers['user-agent']).toContain('api/chime-sdk-messaging#');
    expect(events.slice(1).map(({ operation, family }) => [operation, family])).toEqual([
      ['TagResource', 'messaging'],
      ['ListTagsForResource', 'messaging'],
    ]);
  });
});

describe('Every removed operation, Errors: a messaging service error reaches the caller as the installed legacy class', () => {
  it('ForbiddenException (a bearer outside the app instance), with Code, $fault, $metadata and the original as cause', async () => {
    const { AppInstanceArn, admin } = await chat();
    const other = await chat();
    const client = shimClient({ migration: { chimeBearer: admin } });
    const { ChannelArn } = await client.send(new Shim.CreateChannelCommand({ AppInstanceArn, Name: 'c' }));
    const error = await rejection(
      client.send(new Shim.DescribeChannelCommand({ ChannelArn, ChimeBearer: other.alice })),
    );
    expect(error).toBeInstanceOf(Shim.ForbiddenException);
    expect(error).toMatchObject({
      name: 'ForbiddenException',
      Code: 'Forbidden',
      $fault: 'client',
      $metadata: { httpStatusCode: 403 },
    });
    expect(error.cause?.name).toBe('ForbiddenException');
  });
});

describe('Package: @aws-sdk/client-chime-sdk-messaging is an optional peer, loaded on the first messaging call', () => {
  const MESSAGING = '@aws-sdk/client-chime-sdk-messaging';

  it('not installed: a ChimeIdentityShimConfigurationError before any I/O naming the operation, the package and npm install', async () => {
    setPackageLoaderForTests(async (specifier) => {
      if (specifier.startsWith(MESSAGING)) {
        throw Object.assign(new Error(`Cannot find package '${specifier}'`), {
          code: 'ERR_MODULE_NOT_FOUND',
        });
      }
      return import(specifier);
    });
    const AppInstanceArn = emulator.current.createAppInstance();
    const events: Shim.ShimEvent[] = [];
    const error = await rejection(
      Shim.createChannel(
        { AppInstanceArn, Name: 'c', ChimeBearer: `${AppInstanceArn}/user/u` },
        { identityConfig: clientConfig(), onEvent: (event) => events.push(event) },
      ),
    );
    expect(Shim.isChimeIdentityShimConfigurationError(error)).toBe(true);
    expect(error.message).toContain('CreateChannel');
    expect(error.message).toContain(MESSAGING);
    expect(error.message).toContain(`npm install ${MESSAGING}`);
    expect(emulator.current.requests()).toEqual([]);
    expect(events[0]).toMatchObject({ operation: 'CreateChannel', outcome: 'error' });
  });

  it('a service that calls only identity operations never loads it; the first messaging call loads it once', async () => {
    const loaded: string[] = [];
    setPackageLoaderForTests((specifier) => {
      loaded.push(specifier);
      return import(specifier);
    });
    const { AppInstanceArn, admin, alice } = await chat();
    const client = shimClient({ migration: { chimeBearer: admin } });
    await client.send(new Shim.DescribeAppInstanceUserCommand({ AppInstanceUserArn: alice }));
    await client.send(new Shim.TagResourceCommand({ ResourceARN: alice, Tags: [{ Key: 'k', Value: 'v' }] }));
    expect(loaded.filter((specifier) => specifier.startsWith('@aws-sdk/client-chime-sdk-'))).toEqual([]);

    await client.send(new Shim.CreateChannelCommand({ AppInstanceArn, Name: 'c' }));
    await client.send(new Shim.ListChannelsCommand({ AppInstanceArn }));
    expect(loaded.filter((specifier) => specifier === MESSAGING)).toEqual([MESSAGING]);
    expect(loaded.every((specifier) => specifier.startsWith(MESSAGING))).toBe(true);
  });

  it.each(['mjs', 'cjs'])(
    'the built package (dist/function.%s) loads it in plain Node, where a JSON import needs its attribute, and serves the call',
    async (format) => {
      // vite-based tests import JSON without an import attribute; plain Node does not, so the
      // peer's version check (its package.json) is proven here, outside vitest.
      requireBuild(`dist/function.${format}`);
      requireBuild(`dist/emulator.${format}`);
      const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
      const load = (name: string) =>
        format === 'mjs'
          ? `await import(${JSON.stringify(`${dist}${name}.mjs`)})`
          : `require(${JSON.stringify(`${dist}${name}.cjs`)})`;
      const script = `(async () => {
        const { startEmulator, EMULATOR_CREDENTIALS } = ${load('emulator')};
        const shim = ${load('function')};
        const emulator = await startEmulator();
        try {
          const AppInstanceArn = emulator.createAppInstance();
          const options = { identityConfig: { endpoint: emulator.endpoint, credentials: EMULATOR_CREDENTIALS, maxAttempts: 1 } };
          await shim.createAppInstanceUser({ AppInstanceArn, AppInstanceUserId: 'u', Name: 'u' }, options);
          const out = await shim.createChannel({ AppInstanceArn, Name: 'c' }, { ...options, chimeBearer: AppInstanceArn + '/user/u' });
          process.stdout.write(out.ChannelArn.startsWith(AppInstanceArn + '/channel/') ? 'served' : 'wrong answer');
        } finally {
          await emulator.close();
        }
      })().catch((error) => { process.stdout.write(error.message); process.exitCode = 1; });`;
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [...(format === 'mjs' ? ['--input-type=module'] : []), '-e', script],
        {
          env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
          timeout: 30_000,
        },
      ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }));
      expect(stdout).toBe('served');
    },
  );
});

describe('CLI: chime-identity-shim op-kebab for the messaging operations, with the flags `aws chime` had', () => {
  it('create-channel, send-channel-message, list-channel-messages and put-app-instance-streaming-configurations (shorthand), JSON out', async () => {
    const { AppInstanceArn, alice } = await chat();
    const endpoint = ['--endpoint-url', emulator.current.endpoint];
    const created = await runCli([
      'create-channel',
      '--app-instance-arn',
      AppInstanceArn,
      '--name',
      'c',
      '--chime-bearer',
      alice,
      ...endpoint,
    ]);
    expect(created).toMatchObject({ exitCode: 0, stderr: '' });
    const { ChannelArn } = JSON.parse(created.stdout);
    const sent = await runCli([
      'send-channel-message',
      '--channel-arn',
      ChannelArn,
      '--content',
      'from the CLI',
      '--type',
      'STANDARD',
      '--persistence',
      'PERSISTENT',
      '--chime-bearer',
      alice,
      ...endpoint,
    ]);
    expect(Object.keys(JSON.parse(sent.stdout)).sort()).toEqual(['ChannelArn', 'MessageId']);
    const listed = await runCli([
      'list-channel-messages',
      '--channel-arn',
      ChannelArn,
      '--chime-bearer',
      alice,
      ...endpoint,
    ]);
    expect(JSON.parse(listed.stdout).ChannelMessages.map((m: { Content: string }) => m.Content)).toEqual([
      'from the CLI',
    ]);
    const put = await runCli([
      'put-app-instance-streaming-configurations',
      '--app-instance-arn',
      AppInstanceArn,
      '--app-instance-streaming-configurations',
      'AppInstanceDataType=Channel,ResourceArn=arn:aws:kinesis:us-east-1:111122223333:stream/s',
      ...endpoint,
    ]);
    expect(JSON.parse(put.stdout)).toEqual({
      AppInstanceStreamingConfigurations: [
        { AppInstanceDataType: 'Channel', ResourceArn: 'arn:aws:kinesis:us-east-1:111122223333:stream/s' },
      ],
    });
  });

  it('without --chime-bearer: the legacy BadRequestException naming chimeBearer, exit 254, nothing sent', async () => {
    const AppInstanceArn = emulator.current.createAppInstance();
    const run = await runCli([
      'list-channels',
      '--app-instance-arn',
      AppInstanceArn,
      '--endpoint-url',
      emulator.current.endpoint,
    ]);
    expect(run.exitCode).toBe(254);
    expect(run.stderr).toContain(
      "An error occurred (BadRequestException) when calling the ListChannels operation: 1 validation error detected: Value at 'chimeBearer'",
    );
    expect(emulator.current.requests()).toEqual([]);
  });
});
