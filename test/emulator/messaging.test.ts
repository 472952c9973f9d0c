import {
  CreateAppInstanceAdminCommand,
  CreateAppInstanceUserCommand,
  DeleteAppInstanceUserCommand,
} from '@aws-sdk/client-chime-sdk-identity';
import {
  BadRequestException,
  BatchCreateChannelMembershipCommand,
  ChimeSDKMessagingClient,
  ConflictException,
  CreateChannelBanCommand,
  CreateChannelCommand,
  type CreateChannelCommandInput,
  CreateChannelMembershipCommand,
  CreateChannelModeratorCommand,
  DeleteChannelBanCommand,
  DeleteChannelCommand,
  DeleteChannelMembershipCommand,
  DeleteChannelMessageCommand,
  DeleteChannelModeratorCommand,
  DeleteMessagingStreamingConfigurationsCommand,
  DescribeChannelBanCommand,
  DescribeChannelCommand,
  DescribeChannelMembershipCommand,
  DescribeChannelMembershipForAppInstanceUserCommand,
  DescribeChannelModeratedByAppInstanceUserCommand,
  DescribeChannelModeratorCommand,
  ForbiddenException,
  GetChannelMessageCommand,
  GetMessagingSessionEndpointCommand,
  GetMessagingStreamingConfigurationsCommand,
  ListChannelBansCommand,
  ListChannelMembershipsCommand,
  ListChannelMembershipsForAppInstanceUserCommand,
  ListChannelMessagesCommand,
  ListChannelModeratorsCommand,
  ListChannelsCommand,
  ListChannelsModeratedByAppInstanceUserCommand,
  ListTagsForResourceCommand,
  NotFoundException,
  PutMessagingStreamingConfigurationsCommand,
  paginateListChannelMessages,
  paginateListChannels,
  RedactChannelMessageCommand,
  SendChannelMessageCommand,
  type SendChannelMessageCommandInput,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateChannelCommand,
  UpdateChannelMessageCommand,
  UpdateChannelReadMarkerCommand,
} from '@aws-sdk/client-chime-sdk-messaging';
import {
  CreateChannelCommand as LegacyCreateChannelCommand,
  ForbiddenException as LegacyForbiddenException,
  ListChannelMessagesCommand as LegacyListChannelMessagesCommand,
  SendChannelMessageCommand as LegacySendChannelMessageCommand,
} from 'legacy-chime';
import { afterEach, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/emulator/generated/messaging.js';
import { EMULATOR_ACCOUNT_ID, EMULATOR_CREDENTIALS } from '../../src/emulator/index.js';
import { SERVED_OPERATIONS } from '../../src/emulator/namespaces/index.js';
import { useEmulator } from '../support/emulator.js';
import { identityClient, legacyClient, rejection } from './helpers.js';

/**
 * The Chime SDK Messaging namespace of the emulator, driven over HTTP with SigV4 by the real
 * `@aws-sdk/client-chime-sdk-messaging` client (contract, section "Emulator"; semantics and
 * assumptions in docs/emulator-messaging.md).
 */

const emulator = useEmulator();
const clients: { destroy(): void }[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

function messagingClient(region = 'us-east-1'): ChimeSDKMessagingClient {
  const client = new ChimeSDKMessagingClient({
    region,
    endpoint: emulator.current.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    maxAttempts: 1,
  });
  clients.push(client);
  return client;
}

/** An app instance with users `ada` (its admin), `bob`, `cy` and `dee`, in `region`. */
interface World {
  readonly AppInstanceArn: string;
  readonly admin: string;
  readonly bob: string;
  readonly cy: string;
  readonly dee: string;
  readonly messaging: ChimeSDKMessagingClient;
}

async function world(region = 'us-east-1'): Promise<World> {
  const identity = identityClient(emulator.current, region);
  clients.push(identity);
  const AppInstanceArn = emulator.current.createAppInstance({ region });
  const user = async (id: string) =>
    (
      await identity.send(
        new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: id, Name: id.toUpperCase() }),
      )
    ).AppInstanceUserArn!;
  const admin = await user('ada');
  await identity.send(new CreateAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn: admin }));
  return {
    AppInstanceArn,
    admin,
    bob: await user('bob'),
    cy: await user('cy'),
    dee: await user('dee'),
    messaging: messagingClient(region),
  };
}

async function channel(w: World, creator: string, input: Partial<CreateChannelCommandInput> = {}) {
  const out = await w.messaging.send(
    new CreateChannelCommand({
      AppInstanceArn: w.AppInstanceArn,
      Name: 'general',
      ChimeBearer: creator,
      ...input,
    }),
  );
  return out.ChannelArn!;
}

async function send(
  w: World,
  ChannelArn: string,
  ChimeBearer: string,
  input: Partial<SendChannelMessageCommandInput>,
) {
  const out = await w.messaging.send(
    new SendChannelMessageCommand({
      ChannelArn,
      ChimeBearer,
      Content: 'hello',
      Type: 'STANDARD',
      Persistence: 'PERSISTENT',
      ...input,
    }),
  );
  return out.MessageId!;
}

const missingChannelArn = (w: World) => `${w.AppInstanceArn}/channel/00000000-0000-4000-8000-000000000000`;

describe('Emulator: one endpoint serves every messaging operation the shim serves', () => {
  it('every operation of the generated messaging table has a handler (none is left unrouted)', () => {
    for (const operation of OPERATIONS) expect(SERVED_OPERATIONS, operation.name).toContain(operation.name);
  });

  it('each answers 2xx over HTTP with SigV4 through ChimeSDKMessagingClient, with its modeled status', async () => {
    const w = await world();
    const { messaging: m, admin, bob, cy, AppInstanceArn } = w;
    const ChannelArn = await channel(w, bob, { Mode: 'UNRESTRICTED', Privacy: 'PUBLIC', Metadata: 'm0' });
    const statuses: Record<string, number | undefined> = {};
    const run = async (name: string, command: { input: unknown }) => {
      const out = await m.send(command as never);
      statuses[name] = (out as { $metadata: { httpStatusCode?: number } }).$metadata.httpStatusCode;
      return out as any;
    };
    await run('DescribeChannel', new DescribeChannelCommand({ ChannelArn, ChimeBearer: bob }));
    await run('UpdateChannel', new UpdateChannelCommand({ ChannelArn, ChimeBearer: bob, Name: 'renamed' }));
    await run('ListChannels', new ListChannelsCommand({ AppInstanceArn, ChimeBearer: bob }));
    await run(
      'CreateChannelMembership',
      new CreateChannelMembershipCommand({ ChannelArn, ChimeBearer: bob, MemberArn: cy, Type: 'DEFAULT' }),
    );
    await run(
      'BatchCreateChannelMembership',
      new BatchCreateChannelMembershipCommand({ ChannelArn, ChimeBearer: bob, MemberArns: [w.dee] }),
    );
    await run(
      'DescribeChannelMembership',
      new DescribeChannelMembershipCommand({ ChannelArn, ChimeBearer: bob, MemberArn: cy }),
    );
    await run('ListChannelMemberships', new ListChannelMembershipsCommand({ ChannelArn, ChimeBearer: bob }));
    await run(
      'CreateChannelModerator',
      new CreateChannelModeratorCommand({ ChannelArn, ChimeBearer: bob, ChannelModeratorArn: cy }),
    );
    await run(
      'DescribeChannelModerator',
      new DescribeChannelModeratorCommand({ ChannelArn, ChimeBearer: bob, ChannelModeratorArn: cy }),
    );
    await run('ListChannelModerators', new ListChannelModeratorsCommand({ ChannelArn, ChimeBearer: bob }));
    await run(
      'DescribeChannelModeratedByAppInstanceUser',
      new DescribeChannelModeratedByAppInstanceUserCommand({
        ChannelArn,
        ChimeBearer: cy,
        AppInstanceUserArn: cy,
      }),
    );
    await run(
      'ListChannelsModeratedByAppInstanceUser',
      new ListChannelsModeratedByAppInstanceUserCommand({ ChimeBearer: cy }),
    );
    await run(
      'DeleteChannelModerator',
      new DeleteChannelModeratorCommand({ ChannelArn, ChimeBearer: bob, ChannelModeratorArn: cy }),
    );
    const sent = await run(
      'SendChannelMessage',
      new SendChannelMessageCommand({
        ChannelArn,
        ChimeBearer: cy,
        Content: 'hi',
        Type: 'STANDARD',
        Persistence: 'PERSISTENT',
      }),
    );
    const MessageId = sent.MessageId as string;
    await run('GetChannelMessage', new GetChannelMessageCommand({ ChannelArn, ChimeBearer: cy, MessageId }));
    await run('ListChannelMessages', new ListChannelMessagesCommand({ ChannelArn, ChimeBearer: cy }));
    await run(
      'UpdateChannelMessage',
      new UpdateChannelMessageCommand({ ChannelArn, ChimeBearer: cy, MessageId, Content: 'edited' }),
    );
    await run(
      'RedactChannelMessage',
      new RedactChannelMessageCommand({ ChannelArn, ChimeBearer: cy, MessageId }),
    );
    await run(
      'DeleteChannelMessage',
      new DeleteChannelMessageCommand({ ChannelArn, ChimeBearer: admin, MessageId }),
    );
    await run('UpdateChannelReadMarker', new UpdateChannelReadMarkerCommand({ ChannelArn, ChimeBearer: cy }));
    await run(
      'DescribeChannelMembershipForAppInstanceUser',
      new DescribeChannelMembershipForAppInstanceUserCommand({
        ChannelArn,
        ChimeBearer: cy,
        AppInstanceUserArn: cy,
      }),
    );
    await run(
      'ListChannelMembershipsForAppInstanceUser',
      new ListChannelMembershipsForAppInstanceUserCommand({ ChimeBearer: cy }),
    );
    await run(
      'DeleteChannelMembership',
      new DeleteChannelMembershipCommand({ ChannelArn, ChimeBearer: cy, MemberArn: cy }),
    );
    await run(
      'CreateChannelBan',
      new CreateChannelBanCommand({ ChannelArn, ChimeBearer: bob, MemberArn: w.dee }),
    );
    await run(
      'DescribeChannelBan',
      new DescribeChannelBanCommand({ ChannelArn, ChimeBearer: bob, MemberArn: w.dee }),
    );
    await run('ListChannelBans', new ListChannelBansCommand({ ChannelArn, ChimeBearer: bob }));
    await run(
      'DeleteChannelBan',
      new DeleteChannelBanCommand({ ChannelArn, ChimeBearer: bob, MemberArn: w.dee }),
    );
    await run(
      'TagResource',
      new TagResourceCommand({ ResourceARN: ChannelArn, Tags: [{ Key: 'k', Value: 'v' }] }),
    );
    await run('ListTagsForResource', new ListTagsForResourceCommand({ ResourceARN: ChannelArn }));
    await run('UntagResource', new UntagResourceCommand({ ResourceARN: ChannelArn, TagKeys: ['k'] }));
    await run('GetMessagingSessionEndpoint', new GetMessagingSessionEndpointCommand({}));
    await run(
      'PutMessagingStreamingConfigurations',
      new PutMessagingStreamingConfigurationsCommand({
        AppInstanceArn,
        StreamingConfigurations: [
          {
            DataType: 'Channel',
            ResourceArn: `arn:aws:kinesis:us-east-1:${EMULATOR_ACCOUNT_ID}:stream/chat`,
          },
        ],
      }),
    );
    await run(
      'GetMessagingStreamingConfigurations',
      new GetMessagingStreamingConfigurationsCommand({ AppInstanceArn }),
    );
    await run(
      'DeleteMessagingStreamingConfigurations',
      new DeleteMessagingStreamingConfigurationsCommand({ AppInstanceArn }),
    );
    await run('DeleteChannel', new DeleteChannelCommand({ ChannelArn, ChimeBearer: bob }));
    await run('CreateChannel', new CreateChannelCommand({ AppInstanceArn, Name: 'again', ChimeBearer: bob }));

    expect(Object.keys(statuses).sort()).toEqual(OPERATIONS.map(({ name }) => name).sort());
    for (const operation of OPERATIONS) expect(statuses[operation.name], operation.name).toBe(operation.code);
  });
});

describe('Emulator, messaging: every call carries x-amz-chime-bearer naming an existing user of the channel’s app instance', () => {
  it('a user of another app instance, a user that does not exist, a deleted user and a bot: ForbiddenException', async () => {
    const w = await world();
    const other = await world();
    const ChannelArn = await channel(w, w.bob);
    const identity = identityClient(emulator.current);
    clients.push(identity);
    await identity.send(new DeleteAppInstanceUserCommand({ AppInstanceUserArn: w.dee }));
    for (const ChimeBearer of [
      other.bob,
      `${w.AppInstanceArn}/user/nobody`,
      w.dee,
      `${w.AppInstanceArn}/bot/helper`,
      w.AppInstanceArn,
    ]) {
      const error = await rejection(
        w.messaging.send(new DescribeChannelCommand({ ChannelArn, ChimeBearer })),
      );
      expect(error, ChimeBearer).toBeInstanceOf(ForbiddenException);
      expect(error).toMatchObject({ Code: 'Forbidden', $metadata: { httpStatusCode: 403 } });
    }
  });

  it('the bearer is checked before the channel: an outsider cannot tell a missing channel from a hidden one', async () => {
    const w = await world();
    const other = await world();
    const error = await rejection(
      w.messaging.send(
        new DescribeChannelCommand({ ChannelArn: missingChannelArn(w), ChimeBearer: other.bob }),
      ),
    );
    expect(error).toBeInstanceOf(ForbiddenException);
  });

  it('no bearer at all: the model requires it (BadRequestException naming chimeBearer)', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    // The SDK sends no header for an absent member; its own validation does not require it.
    const error = await rejection(w.messaging.send(new DescribeChannelCommand({ ChannelArn } as never)));
    expect(error).toBeInstanceOf(BadRequestException);
    expect(error.message).toContain(
      "Value null at 'chimeBearer' failed to satisfy constraint: Member must not be null",
    );
  });

  it('CreateChannel and ListChannels: the bearer must be a user of the AppInstanceArn they name', async () => {
    const w = await world();
    const other = await world();
    for (const command of [
      new CreateChannelCommand({ AppInstanceArn: w.AppInstanceArn, Name: 'x', ChimeBearer: other.bob }),
      new ListChannelsCommand({ AppInstanceArn: w.AppInstanceArn, ChimeBearer: other.bob }),
    ]) {
      expect(await rejection(w.messaging.send(command as never))).toBeInstanceOf(ForbiddenException);
    }
  });

  it('the legacy 3.699 client (host prefix disabled) reaches the same rules: ForbiddenException as its own class', async () => {
    const w = await world();
    const other = await world();
    const legacy = legacyClient(emulator.current);
    clients.push(legacy);
    const { ChannelArn } = await legacy.send(
      new LegacyCreateChannelCommand({
        AppInstanceArn: w.AppInstanceArn,
        Name: 'legacy',
        ChimeBearer: w.bob,
      }),
    );
    await legacy.send(
      new LegacySendChannelMessageCommand({
        ChannelArn,
        ChimeBearer: w.bob,
        Content: 'from 3.699',
        Type: 'STANDARD',
        Persistence: 'PERSISTENT',
      }),
    );
    const listed = await legacy.send(
      new LegacyListChannelMessagesCommand({ ChannelArn, ChimeBearer: w.bob }),
    );
    expect(listed.ChannelMessages?.map(({ Content }) => Content)).toEqual(['from 3.699']);
    const error = await rejection(
      legacy.send(new LegacyListChannelMessagesCommand({ ChannelArn, ChimeBearer: other.bob })),
    );
    expect(error).toBeInstanceOf(LegacyForbiddenException);
  });
});

describe('Emulator, messaging: channels (modes, privacy, metadata, update, delete)', () => {
  it('CreateChannel answers <app instance ARN>/channel/<id>; DescribeChannel returns every member, the creator as CreatedBy', async () => {
    const w = await world();
    const before = Date.now();
    const ChannelArn = await channel(w, w.bob, {
      Mode: 'RESTRICTED',
      Privacy: 'PRIVATE',
      Metadata: '{"topic":"ops"}',
    });
    expect(ChannelArn).toMatch(new RegExp(`^${w.AppInstanceArn}/channel/[0-9a-f-]{36}$`));
    const { Channel } = await w.messaging.send(
      new DescribeChannelCommand({ ChannelArn, ChimeBearer: w.bob }),
    );
    expect(Channel).toMatchObject({
      ChannelArn,
      Name: 'general',
      Mode: 'RESTRICTED',
      Privacy: 'PRIVATE',
      Metadata: '{"topic":"ops"}',
      CreatedBy: { Arn: w.bob, Name: 'BOB' },
    });
    expect(Channel?.CreatedTimestamp?.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(Channel?.LastUpdatedTimestamp).toEqual(Channel?.CreatedTimestamp);
    expect(Channel?.LastMessageTimestamp).toBeUndefined();
  });

  it('defaults: UNRESTRICTED and PUBLIC; ChannelId names the channel; a second channel with that id is a ConflictException', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob, { ChannelId: 'ops-room' });
    expect(ChannelArn).toBe(`${w.AppInstanceArn}/channel/ops-room`);
    const { Channel } = await w.messaging.send(new DescribeChannelCommand({ ChannelArn, ChimeBearer: w.cy }));
    expect(Channel).toMatchObject({ Mode: 'UNRESTRICTED', Privacy: 'PUBLIC' });
    const error = await rejection(channel(w, w.cy, { ChannelId: 'ops-room' }));
    expect(error).toBeInstanceOf(ConflictException);
    expect(error.message).not.toContain('ops-room');
  });

  it('idempotent on ClientRequestToken: the same request answers the same channel, a different one is a ConflictException', async () => {
    const w = await world();
    const first = await channel(w, w.bob, { ClientRequestToken: 'token-1' });
    expect(await channel(w, w.bob, { ClientRequestToken: 'token-1' })).toBe(first);
    const error = await rejection(channel(w, w.bob, { ClientRequestToken: 'token-1', Name: 'other' }));
    expect(error).toBeInstanceOf(ConflictException);
  });

  it('UpdateChannel by a moderator or an admin changes what it is given and keeps the rest; others are Forbidden', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob, { Metadata: 'kept' });
    const denied = await rejection(
      w.messaging.send(new UpdateChannelCommand({ ChannelArn, ChimeBearer: w.cy, Name: 'mine' })),
    );
    expect(denied).toBeInstanceOf(ForbiddenException);
    await w.messaging.send(
      new UpdateChannelCommand({ ChannelArn, ChimeBearer: w.bob, Name: 'renamed', Mode: 'RESTRICTED' }),
    );
    await w.messaging.send(
      new UpdateChannelCommand({ ChannelArn, ChimeBearer: w.admin, Metadata: 'by admin' }),
    );
    const { Channel } = await w.messaging.send(
      new DescribeChannelCommand({ ChannelArn, ChimeBearer: w.bob }),
    );
    expect(Channel).toMatchObject({
      Name: 'renamed',
      Mode: 'RESTRICTED',
      Privacy: 'PUBLIC',
      Metadata: 'by admin',
    });
    expect(Channel!.LastUpdatedTimestamp!.getTime()).toBeGreaterThanOrEqual(
      Channel!.CreatedTimestamp!.getTime(),
    );
  });

  it('a private channel is seen only by those who take part in it (and admins); a public one by every user', async () => {
    const w = await world();
    const secret = await channel(w, w.bob, { Privacy: 'PRIVATE', Name: 'secret' });
    const open = await channel(w, w.bob, { Name: 'open' });
    expect(
      await rejection(
        w.messaging.send(new DescribeChannelCommand({ ChannelArn: secret, ChimeBearer: w.cy })),
      ),
    ).toBeInstanceOf(ForbiddenException);
    await w.messaging.send(new DescribeChannelCommand({ ChannelArn: secret, ChimeBearer: w.admin }));
    await w.messaging.send(new DescribeChannelCommand({ ChannelArn: open, ChimeBearer: w.cy }));

    const names = async (ChimeBearer: string, Privacy?: 'PUBLIC' | 'PRIVATE') =>
      (
        await w.messaging.send(
          new ListChannelsCommand({ AppInstanceArn: w.AppInstanceArn, ChimeBearer, Privacy }),
        )
      ).Channels?.map(({ Name }) => Name);
    expect(await names(w.cy)).toEqual(['open']);
    expect(await names(w.bob)).toEqual(['secret', 'open']);
    expect(await names(w.admin)).toEqual(['secret', 'open']);
    expect(await names(w.cy, 'PUBLIC')).toEqual(['open']);
    expect(await names(w.admin, 'PRIVATE')).toEqual(['secret']);
    const error = await rejection(names(w.bob, 'PRIVATE'));
    expect(error).toBeInstanceOf(ForbiddenException);
  });

  it('ListChannels pages in creation order (paginateListChannels); a token of another list is a BadRequestException', async () => {
    const w = await world();
    for (const Name of ['a', 'b', 'c', 'd', 'e']) await channel(w, w.bob, { Name });
    const pages: (string | undefined)[][] = [];
    for await (const page of paginateListChannels(
      { client: w.messaging, pageSize: 2 },
      { AppInstanceArn: w.AppInstanceArn, ChimeBearer: w.cy },
    )) {
      pages.push((page.Channels ?? []).map(({ Name }) => Name));
    }
    expect(pages).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    const { NextToken } = await w.messaging.send(
      new ListChannelsCommand({ AppInstanceArn: w.AppInstanceArn, ChimeBearer: w.cy, MaxResults: 1 }),
    );
    const error = await rejection(
      w.messaging.send(
        new ListChannelsCommand({ AppInstanceArn: w.AppInstanceArn, ChimeBearer: w.bob, NextToken }),
      ),
    );
    expect(error).toBeInstanceOf(BadRequestException);
  });

  it('DeleteChannel by a member is Forbidden; by a moderator it deletes everything; the channel is then gone (BadRequestException: the model lists no NotFound)', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    await w.messaging.send(
      new CreateChannelMembershipCommand({
        ChannelArn,
        ChimeBearer: w.bob,
        MemberArn: w.cy,
        Type: 'DEFAULT',
      }),
    );
    await w.messaging.send(
      new TagResourceCommand({ ResourceARN: ChannelArn, Tags: [{ Key: 'k', Value: 'v' }] }),
    );
    expect(
      await rejection(w.messaging.send(new DeleteChannelCommand({ ChannelArn, ChimeBearer: w.cy }))),
    ).toBeInstanceOf(ForbiddenException);
    const out = await w.messaging.send(new DeleteChannelCommand({ ChannelArn, ChimeBearer: w.bob }));
    expect(out.$metadata.httpStatusCode).toBe(204);
    const error = await rejection(
      w.messaging.send(new DescribeChannelCommand({ ChannelArn, ChimeBearer: w.bob })),
    );
    expect(error).toBeInstanceOf(BadRequestException);
    expect(error.message).toBe(`Channel ${ChannelArn} does not exist.`);
    const tags = await rejection(
      w.messaging.send(new ListTagsForResourceCommand({ ResourceARN: ChannelArn })),
    );
    expect(tags).toBeInstanceOf(BadRequestException);
  });

  it('a channel ARN for another region than the signature’s is a BadRequestException naming both', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    const west = messagingClient('us-west-2');
    const error = await rejection(west.send(new DescribeChannelCommand({ ChannelArn, ChimeBearer: w.bob })));
    expect(error).toBeInstanceOf(BadRequestException);
    expect(error.message).toBe(
      `ChannelArn ${ChannelArn} is in region us-east-1, but the request was signed for region us-west-2.`,
    );
  });

  it('channels live in the region of their app instance: eu-central-1 is served by a client of eu-central-1', async () => {
    const w = await world('eu-central-1');
    const ChannelArn = await channel(w, w.bob);
    expect(ChannelArn).toMatch(/^arn:aws:chime:eu-central-1:/);
    expect(emulator.current.requests().at(-1)).toMatchObject({
      operation: 'CreateChannel',
      region: 'eu-central-1',
    });
  });
});

describe('Emulator, messaging: memberships (single and batch), moderators and bans', () => {
  it('the creator is the first member and moderator', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    const members = await w.messaging.send(
      new ListChannelMembershipsCommand({ ChannelArn, ChimeBearer: w.bob }),
    );
    expect(members.ChannelMemberships).toEqual([{ Member: { Arn: w.bob, Name: 'BOB' } }]);
    const moderators = await w.messaging.send(
      new ListChannelModeratorsCommand({ ChannelArn, ChimeBearer: w.bob }),
    );
    expect(moderators.ChannelModerators).toEqual([{ Moderator: { Arn: w.bob, Name: 'BOB' } }]);
  });

  it('CreateChannelMembership answers the member; DescribeChannelMembership shows who invited them; a second add is a ConflictException', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    const out = await w.messaging.send(
      new CreateChannelMembershipCommand({
        ChannelArn,
        ChimeBearer: w.bob,
        MemberArn: w.cy,
        Type: 'DEFAULT',
      }),
    );
    expect(out).toMatchObject({ ChannelArn, Member: { Arn: w.cy, Name: 'CY' } });
    const { ChannelMembership } = await w.messaging.send(
      new DescribeChannelMembershipCommand({ ChannelArn, ChimeBearer: w.cy, MemberArn: w.cy }),
    );
    expect(ChannelMembership).toMatchObject({
      ChannelArn,
      Type: 'DEFAULT',
      Member: { Arn: w.cy },
      InvitedBy: { Arn: w.bob, Name: 'BOB' },
    });
    const again = await rejection(
      w.messaging.send(
        new CreateChannelMembershipCommand({
          ChannelArn,
          ChimeBearer: w.bob,
          MemberArn: w.cy,
          Type: 'DEFAULT',
        }),
      ),
    );
    expect(again).toBeInstanceOf(ConflictException);
  });

  it('a member that is not a user of the app instance is a NotFoundException (the model lists it)', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    const error = await rejection(
      w.messaging.send(
        new CreateChannelMembershipCommand({
          ChannelArn,
          ChimeBearer: w.bob,
          MemberArn: `${w.AppInstanceArn}/user/ghost`,
          Type: 'DEFAULT',
        }),
      ),
    );
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error.$metadata.httpStatusCode).toBe(404);
  });

  it('unrestricted: members add others and anyone joins a public channel; restricted: only moderators and admins add', async () => {
    const w = await world();
    const open = await channel(w, w.bob);
    await w.messaging.send(
      new CreateChannelMembershipCommand({
        ChannelArn: open,
        ChimeBearer: w.cy,
        MemberArn: w.cy,
        Type: 'DEFAULT',
      }),
    );
    await w.messaging.send(
      new CreateChannelMembershipCommand({
        ChannelArn: open,
        ChimeBearer: w.cy,
        MemberArn: w.dee,
        Type: 'DEFAULT',
      }),
    );
    const restricted = await channel(w, w.bob, { Mode: 'RESTRICTED' });
    const joinRestricted = await rejection(
      w.messaging.send(
        new CreateChannelMembershipCommand({
          ChannelArn: restricted,
          ChimeBearer: w.cy,
          MemberArn: w.cy,
          Type: 'DEFAULT',
        }),
      ),
    );
    expect(joinRestricted).toBeInstanceOf(ForbiddenException);
    await w.messaging.send(
      new CreateChannelMembershipCommand({
        ChannelArn: restricted,
        ChimeBearer: w.admin,
        MemberArn: w.cy,
        Type: 'DEFAULT',
      }),
    );
    const byMember = await rejection(
      w.messaging.send(
        new CreateChannelMembershipCommand({
          ChannelArn: restricted,
          ChimeBearer: w.cy,
          MemberArn: w.dee,
          Type: 'DEFAULT',
        }),
      ),
    );
    expect(byMember).toBeInstanceOf(ForbiddenException);
    const secret = await channel(w, w.bob, { Privacy: 'PRIVATE' });
    const joinPrivate = await rejection(
      w.messaging.send(
        new CreateChannelMembershipCommand({
          ChannelArn: secret,
          ChimeBearer: w.cy,
          MemberArn: w.cy,
          Type: 'DEFAULT',
        }),
      ),
    );
    expect(joinPrivate).toBeInstanceOf(ForbiddenException);
  });

  it('HIDDEN members: added by moderators only, listed only with type=HIDDEN', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    await w.messaging.send(
      new CreateChannelMembershipCommand({
        ChannelArn,
        ChimeBearer: w.bob,
        MemberArn: w.cy,
        Type: 'DEFAULT',
      }),
    );
    const byMember = await rejection(
      w.messaging.send(
        new CreateChannelMembershipCommand({
          ChannelArn,
          ChimeBearer: w.cy,
          MemberArn: w.dee,
          Type: 'HIDDEN',
        }),
      ),
    );
    expect(byMember).toBeInstanceOf(ForbiddenException);
    await w.messaging.send(
      new CreateChannelMembershipCommand({
        ChannelArn,
        ChimeBearer: w.bob,
        MemberArn: w.dee,
        Type: 'HIDDEN',
      }),
    );
    const arns = async (Type?: 'DEFAULT' | 'HIDDEN') =>
      (
        await w.messaging.send(new ListChannelMembershipsCommand({ ChannelArn, ChimeBearer: w.cy, Type }))
      ).ChannelMemberships?.map(({ Member }) => Member?.Arn);
    expect(await arns()).toEqual([w.bob, w.cy]);
    expect(await arns('HIDDEN')).toEqual([w.dee]);
  });

  it('BatchCreateChannelMembership adds the members it can and answers the others in Errors with the single operation’s code', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    await w.messaging.send(new CreateChannelBanCommand({ ChannelArn, ChimeBearer: w.bob, MemberArn: w.dee }));
    const ghost = `${w.AppInstanceArn}/user/ghost`;
    const out = await w.messaging.send(
      new BatchCreateChannelMembershipCommand({
        ChannelArn,
        ChimeBearer: w.bob,
        MemberArns: [w.cy, ghost, w.dee, w.bob, w.cy],
      }),
    );
    expect(out.BatchChannelMemberships).toMatchObject({
      ChannelArn,
      Type: 'DEFAULT',
      InvitedBy: { Arn: w.bob },
      Members: [{ Arn: w.cy, Name: 'CY' }],
    });
    expect(out.Errors?.map(({ MemberArn, ErrorCode }) => [MemberArn, ErrorCode])).toEqual([
      [ghost, 'NotFound'],
      [w.dee, 'Forbidden'],
      [w.bob, 'Conflict'],
      [w.cy, 'Conflict'],
    ]);
  });

  it('DeleteChannelMembership: members leave, moderators remove others, a member cannot remove another; a gone member is NotFound on Describe', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    await w.messaging.send(
      new BatchCreateChannelMembershipCommand({ ChannelArn, ChimeBearer: w.bob, MemberArns: [w.cy, w.dee] }),
    );
    expect(
      await rejection(
        w.messaging.send(
          new DeleteChannelMembershipCommand({ ChannelArn, ChimeBearer: w.cy, MemberArn: w.dee }),
        ),
      ),
    ).toBeInstanceOf(ForbiddenException);
    await w.messaging.send(
      new DeleteChannelMembershipCommand({ ChannelArn, ChimeBearer: w.cy, MemberArn: w.cy }),
    );
    await w.messaging.send(
      new DeleteChannelMembershipCommand({ ChannelArn, ChimeBearer: w.bob, MemberArn: w.dee }),
    );
    const gone = await rejection(
      w.messaging.send(
        new DescribeChannelMembershipCommand({ ChannelArn, ChimeBearer: w.bob, MemberArn: w.cy }),
      ),
    );
    expect(gone).toBeInstanceOf(NotFoundException);
    const twice = await rejection(
      w.messaging.send(
        new DeleteChannelMembershipCommand({ ChannelArn, ChimeBearer: w.bob, MemberArn: w.cy }),
      ),
    );
    expect(twice).toBeInstanceOf(BadRequestException);
  });

  it('moderators: created by moderators (ConflictException twice), described (NotFoundException when not one), deleted', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    expect(
      await rejection(
        w.messaging.send(
          new CreateChannelModeratorCommand({ ChannelArn, ChimeBearer: w.cy, ChannelModeratorArn: w.cy }),
        ),
      ),
    ).toBeInstanceOf(ForbiddenException);
    const out = await w.messaging.send(
      new CreateChannelModeratorCommand({ ChannelArn, ChimeBearer: w.bob, ChannelModeratorArn: w.cy }),
    );
    expect(out.ChannelModerator).toEqual({ Arn: w.cy, Name: 'CY' });
    expect(
      await rejection(
        w.messaging.send(
          new CreateChannelModeratorCommand({ ChannelArn, ChimeBearer: w.bob, ChannelModeratorArn: w.cy }),
        ),
      ),
    ).toBeInstanceOf(ConflictException);
    const { ChannelModerator } = await w.messaging.send(
      new DescribeChannelModeratorCommand({ ChannelArn, ChimeBearer: w.dee, ChannelModeratorArn: w.cy }),
    );
    expect(ChannelModerator).toMatchObject({
      Moderator: { Arn: w.cy },
      CreatedBy: { Arn: w.bob },
      ChannelArn,
    });
    // The new moderator moderates: it may add to the channel once restricted.
    await w.messaging.send(new UpdateChannelCommand({ ChannelArn, ChimeBearer: w.cy, Mode: 'RESTRICTED' }));
    await w.messaging.send(
      new DeleteChannelModeratorCommand({ ChannelArn, ChimeBearer: w.bob, ChannelModeratorArn: w.cy }),
    );
    expect(
      await rejection(
        w.messaging.send(
          new DescribeChannelModeratorCommand({ ChannelArn, ChimeBearer: w.bob, ChannelModeratorArn: w.cy }),
        ),
      ),
    ).toBeInstanceOf(NotFoundException);
  });

  it('bans: a ban kicks the member, who cannot rejoin until the ban is deleted; bans are for moderators to see', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    await w.messaging.send(
      new CreateChannelMembershipCommand({ ChannelArn, ChimeBearer: w.cy, MemberArn: w.cy, Type: 'DEFAULT' }),
    );
    const out = await w.messaging.send(
      new CreateChannelBanCommand({ ChannelArn, ChimeBearer: w.bob, MemberArn: w.cy }),
    );
    expect(out.Member).toEqual({ Arn: w.cy, Name: 'CY' });
    const members = await w.messaging.send(
      new ListChannelMembershipsCommand({ ChannelArn, ChimeBearer: w.bob }),
    );
    expect(members.ChannelMemberships?.map(({ Member }) => Member?.Arn)).toEqual([w.bob]);
    const rejoin = await rejection(
      w.messaging.send(
        new CreateChannelMembershipCommand({
          ChannelArn,
          ChimeBearer: w.cy,
          MemberArn: w.cy,
          Type: 'DEFAULT',
        }),
      ),
    );
    expect(rejoin).toBeInstanceOf(ForbiddenException);
    expect(
      await rejection(
        w.messaging.send(new CreateChannelBanCommand({ ChannelArn, ChimeBearer: w.bob, MemberArn: w.cy })),
      ),
    ).toBeInstanceOf(ConflictException);
    const { ChannelBan } = await w.messaging.send(
      new DescribeChannelBanCommand({ ChannelArn, ChimeBearer: w.admin, MemberArn: w.cy }),
    );
    expect(ChannelBan).toMatchObject({ Member: { Arn: w.cy }, CreatedBy: { Arn: w.bob }, ChannelArn });
    expect(
      await rejection(w.messaging.send(new ListChannelBansCommand({ ChannelArn, ChimeBearer: w.dee }))),
    ).toBeInstanceOf(ForbiddenException);
    const bans = await w.messaging.send(new ListChannelBansCommand({ ChannelArn, ChimeBearer: w.bob }));
    expect(bans.ChannelBans).toEqual([{ Member: { Arn: w.cy, Name: 'CY' } }]);
    await w.messaging.send(new DeleteChannelBanCommand({ ChannelArn, ChimeBearer: w.bob, MemberArn: w.cy }));
    expect(
      await rejection(
        w.messaging.send(new DescribeChannelBanCommand({ ChannelArn, ChimeBearer: w.bob, MemberArn: w.cy })),
      ),
    ).toBeInstanceOf(NotFoundException);
    await w.messaging.send(
      new CreateChannelMembershipCommand({ ChannelArn, ChimeBearer: w.cy, MemberArn: w.cy, Type: 'DEFAULT' }),
    );
  });
});

describe('Emulator, messaging: messages (send, get, list with pagination and sort order, update, delete, redact)', () => {
  it('SendChannelMessage answers a MessageId and SENT; GetChannelMessage returns it with its sender', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    const out = await w.messaging.send(
      new SendChannelMessageCommand({
        ChannelArn,
        ChimeBearer: w.bob,
        Content: 'hello',
        Metadata: '{"attachment":"a.png"}',
        Type: 'STANDARD',
        Persistence: 'PERSISTENT',
      }),
    );
    expect(out).toMatchObject({ ChannelArn, MessageId: expect.any(String), Status: { Value: 'SENT' } });
    expect(out.$metadata.httpStatusCode).toBe(201);
    const { ChannelMessage } = await w.messaging.send(
      new GetChannelMessageCommand({ ChannelArn, ChimeBearer: w.cy, MessageId: out.MessageId }),
    );
    expect(ChannelMessage).toMatchObject({
      ChannelArn,
      MessageId: out.MessageId,
      Content: 'hello',
      Metadata: '{"attachment":"a.png"}',
      Type: 'STANDARD',
      Persistence: 'PERSISTENT',
      Redacted: false,
      Sender: { Arn: w.bob, Name: 'BOB' },
    });
    const { Channel } = await w.messaging.send(
      new DescribeChannelCommand({ ChannelArn, ChimeBearer: w.bob }),
    );
    expect(Channel?.LastMessageTimestamp).toEqual(ChannelMessage?.CreatedTimestamp);
  });

  it('only those who take part send; a missing message is a NotFoundException (GetChannelMessage lists it)', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    expect(await rejection(send(w, ChannelArn, w.cy, {}))).toBeInstanceOf(ForbiddenException);
    await send(w, ChannelArn, w.admin, { Content: 'admins may' });
    const error = await rejection(
      w.messaging.send(
        new GetChannelMessageCommand({ ChannelArn, ChimeBearer: w.bob, MessageId: 'no-such-message' }),
      ),
    );
    expect(error).toBeInstanceOf(NotFoundException);
  });

  it('idempotent on ClientRequestToken per channel; CONTROL messages are 30 bytes at most and carry no metadata', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    const first = await send(w, ChannelArn, w.bob, { ClientRequestToken: 'msg-token' });
    expect(await send(w, ChannelArn, w.bob, { ClientRequestToken: 'msg-token' })).toBe(first);
    expect(
      await rejection(send(w, ChannelArn, w.bob, { ClientRequestToken: 'msg-token', Content: 'other' })),
    ).toBeInstanceOf(ConflictException);
    await send(w, ChannelArn, w.bob, { Type: 'CONTROL', Content: 'typing' });
    for (const input of [
      { Type: 'CONTROL' as const, Content: 'x'.repeat(31) },
      { Type: 'CONTROL' as const, Content: 'typing', Metadata: 'm' },
      { Type: 'STANDARD' as const, Content: 'é'.repeat(2049) },
    ]) {
      expect(await rejection(send(w, ChannelArn, w.bob, input))).toBeInstanceOf(BadRequestException);
    }
  });

  it('NON_PERSISTENT messages are accepted and not kept', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    const MessageId = await send(w, ChannelArn, w.bob, { Persistence: 'NON_PERSISTENT' });
    expect(
      await rejection(
        w.messaging.send(new GetChannelMessageCommand({ ChannelArn, ChimeBearer: w.bob, MessageId })),
      ),
    ).toBeInstanceOf(NotFoundException);
    const listed = await w.messaging.send(new ListChannelMessagesCommand({ ChannelArn, ChimeBearer: w.bob }));
    expect(listed.ChannelMessages).toEqual([]);
  });

  it('ListChannelMessages: newest first by default, ASCENDING on request, NotBefore/NotAfter bound them, paginateListChannelMessages pages', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    const times: number[] = [];
    for (const Content of ['m1', 'm2', 'm3', 'm4', 'm5']) {
      await send(w, ChannelArn, w.bob, { Content });
      times.push(Date.now());
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const contents = async (input: object) =>
      (
        await w.messaging.send(new ListChannelMessagesCommand({ ChannelArn, ChimeBearer: w.bob, ...input }))
      ).ChannelMessages?.map(({ Content }) => Content);
    expect(await contents({})).toEqual(['m5', 'm4', 'm3', 'm2', 'm1']);
    expect(await contents({ SortOrder: 'ASCENDING' })).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(
      await contents({
        SortOrder: 'ASCENDING',
        NotBefore: new Date(times[1]! + 1),
        NotAfter: new Date(times[3]!),
      }),
    ).toEqual(['m3', 'm4']);

    for (const SortOrder of ['DESCENDING', 'ASCENDING'] as const) {
      const pages: (string | undefined)[][] = [];
      for await (const page of paginateListChannelMessages(
        { client: w.messaging, pageSize: 2 },
        { ChannelArn, ChimeBearer: w.cy, SortOrder },
      )) {
        pages.push((page.ChannelMessages ?? []).map(({ Content }) => Content));
      }
      expect(pages.flat()).toEqual(
        SortOrder === 'DESCENDING' ? ['m5', 'm4', 'm3', 'm2', 'm1'] : ['m1', 'm2', 'm3', 'm4', 'm5'],
      );
      expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    }
  });

  it('a message sent between pages does not shift the pages of a descending list', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    for (const Content of ['m1', 'm2', 'm3']) await send(w, ChannelArn, w.bob, { Content });
    const first = await w.messaging.send(
      new ListChannelMessagesCommand({ ChannelArn, ChimeBearer: w.bob, MaxResults: 2 }),
    );
    await send(w, ChannelArn, w.bob, { Content: 'm4' });
    const second = await w.messaging.send(
      new ListChannelMessagesCommand({
        ChannelArn,
        ChimeBearer: w.bob,
        MaxResults: 2,
        NextToken: first.NextToken,
      }),
    );
    expect(
      [...(first.ChannelMessages ?? []), ...(second.ChannelMessages ?? [])].map(({ Content }) => Content),
    ).toEqual(['m3', 'm2', 'm1']);
    const ascending = await rejection(
      w.messaging.send(
        new ListChannelMessagesCommand({
          ChannelArn,
          ChimeBearer: w.bob,
          SortOrder: 'ASCENDING',
          NextToken: first.NextToken,
        }),
      ),
    );
    expect(ascending).toBeInstanceOf(BadRequestException);
  });

  it('UpdateChannelMessage: the sender edits its own message; others are Forbidden; LastEditedTimestamp moves', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    await w.messaging.send(
      new CreateChannelMembershipCommand({ ChannelArn, ChimeBearer: w.cy, MemberArn: w.cy, Type: 'DEFAULT' }),
    );
    const MessageId = await send(w, ChannelArn, w.cy, { Metadata: 'kept' });
    expect(
      await rejection(
        w.messaging.send(
          new UpdateChannelMessageCommand({
            ChannelArn,
            ChimeBearer: w.bob,
            MessageId,
            Content: 'not yours',
          }),
        ),
      ),
    ).toBeInstanceOf(ForbiddenException);
    const out = await w.messaging.send(
      new UpdateChannelMessageCommand({ ChannelArn, ChimeBearer: w.cy, MessageId, Content: 'edited' }),
    );
    expect(out).toMatchObject({ ChannelArn, MessageId, Status: { Value: 'SENT' } });
    const { ChannelMessage } = await w.messaging.send(
      new GetChannelMessageCommand({ ChannelArn, ChimeBearer: w.cy, MessageId }),
    );
    expect(ChannelMessage).toMatchObject({ Content: 'edited', Metadata: 'kept' });
    expect(ChannelMessage?.LastEditedTimestamp).toBeInstanceOf(Date);
  });

  it('RedactChannelMessage removes the content and keeps the metadata; a redacted message is listed empty and cannot be edited', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    const MessageId = await send(w, ChannelArn, w.bob, { Content: 'oops', Metadata: 'kept' });
    const out = await w.messaging.send(
      new RedactChannelMessageCommand({ ChannelArn, ChimeBearer: w.bob, MessageId }),
    );
    expect(out).toMatchObject({ ChannelArn, MessageId });
    const { ChannelMessage } = await w.messaging.send(
      new GetChannelMessageCommand({ ChannelArn, ChimeBearer: w.bob, MessageId }),
    );
    expect(ChannelMessage).toMatchObject({ Redacted: true, Metadata: 'kept' });
    expect(ChannelMessage?.Content).toBeUndefined();
    const listed = await w.messaging.send(new ListChannelMessagesCommand({ ChannelArn, ChimeBearer: w.bob }));
    expect(
      listed.ChannelMessages?.map(({ MessageId: id, Redacted, Content }) => [id, Redacted, Content]),
    ).toEqual([[MessageId, true, undefined]]);
    expect(
      await rejection(
        w.messaging.send(
          new UpdateChannelMessageCommand({ ChannelArn, ChimeBearer: w.bob, MessageId, Content: 'again' }),
        ),
      ),
    ).toBeInstanceOf(ConflictException);
  });

  it('DeleteChannelMessage: "Only admins can perform this action"; the message is then gone from Get and List', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    const MessageId = await send(w, ChannelArn, w.bob, {});
    expect(
      await rejection(
        w.messaging.send(new DeleteChannelMessageCommand({ ChannelArn, ChimeBearer: w.bob, MessageId })),
      ),
    ).toBeInstanceOf(ForbiddenException);
    const out = await w.messaging.send(
      new DeleteChannelMessageCommand({ ChannelArn, ChimeBearer: w.admin, MessageId }),
    );
    expect(out.$metadata.httpStatusCode).toBe(204);
    expect(
      await rejection(
        w.messaging.send(new GetChannelMessageCommand({ ChannelArn, ChimeBearer: w.bob, MessageId })),
      ),
    ).toBeInstanceOf(NotFoundException);
    expect(
      (await w.messaging.send(new ListChannelMessagesCommand({ ChannelArn, ChimeBearer: w.bob })))
        .ChannelMessages,
    ).toEqual([]);
  });

  it('a targeted message is seen only by its sender and its target', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob);
    await w.messaging.send(
      new BatchCreateChannelMembershipCommand({ ChannelArn, ChimeBearer: w.bob, MemberArns: [w.cy, w.dee] }),
    );
    const MessageId = await send(w, ChannelArn, w.bob, { Content: 'psst', Target: [{ MemberArn: w.cy }] });
    const seen = async (ChimeBearer: string) =>
      (await w.messaging.send(new ListChannelMessagesCommand({ ChannelArn, ChimeBearer }))).ChannelMessages
        ?.length;
    expect([await seen(w.bob), await seen(w.cy), await seen(w.dee)]).toEqual([1, 1, 0]);
    expect(
      await rejection(
        w.messaging.send(new GetChannelMessageCommand({ ChannelArn, ChimeBearer: w.dee, MessageId })),
      ),
    ).toBeInstanceOf(NotFoundException);
  });
});

describe('Emulator, messaging: read markers and the per-user lookups', () => {
  it('UpdateChannelReadMarker stamps the member’s read marker, which the per-user lookups answer', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob, { Name: 'room', Metadata: 'meta' });
    const before = Date.now();
    await w.messaging.send(new UpdateChannelReadMarkerCommand({ ChannelArn, ChimeBearer: w.bob }));
    const { ChannelMembership } = await w.messaging.send(
      new DescribeChannelMembershipForAppInstanceUserCommand({
        ChannelArn,
        ChimeBearer: w.bob,
        AppInstanceUserArn: w.bob,
      }),
    );
    expect(ChannelMembership?.ChannelSummary).toMatchObject({
      ChannelArn,
      Name: 'room',
      Metadata: 'meta',
      Mode: 'UNRESTRICTED',
    });
    expect(ChannelMembership?.AppInstanceUserMembershipSummary?.Type).toBe('DEFAULT');
    expect(
      ChannelMembership?.AppInstanceUserMembershipSummary?.ReadMarkerTimestamp?.getTime(),
    ).toBeGreaterThanOrEqual(before - 1);
    expect(
      await rejection(
        w.messaging.send(new UpdateChannelReadMarkerCommand({ ChannelArn, ChimeBearer: w.cy })),
      ),
    ).toBeInstanceOf(ForbiddenException);
  });

  it('ListChannelMembershipsForAppInstanceUser and ListChannelsModeratedByAppInstanceUser: the bearer’s own, or anyone’s for an admin', async () => {
    const w = await world();
    const a = await channel(w, w.bob, { Name: 'a' });
    await channel(w, w.cy, { Name: 'b' });
    const c = await channel(w, w.cy, { Name: 'c' });
    await w.messaging.send(
      new CreateChannelMembershipCommand({
        ChannelArn: a,
        ChimeBearer: w.bob,
        MemberArn: w.cy,
        Type: 'DEFAULT',
      }),
    );
    await w.messaging.send(
      new DeleteChannelMembershipCommand({ ChannelArn: c, ChimeBearer: w.cy, MemberArn: w.cy }),
    );

    const memberships = await w.messaging.send(
      new ListChannelMembershipsForAppInstanceUserCommand({ ChimeBearer: w.cy }),
    );
    expect(memberships.ChannelMemberships?.map(({ ChannelSummary }) => ChannelSummary?.Name)).toEqual([
      'b',
      'a',
    ]);
    const moderated = await w.messaging.send(
      new ListChannelsModeratedByAppInstanceUserCommand({ ChimeBearer: w.admin, AppInstanceUserArn: w.cy }),
    );
    expect(moderated.Channels?.map(({ ChannelSummary }) => ChannelSummary?.Name)).toEqual(['b', 'c']);
    const paged = await w.messaging.send(
      new ListChannelsModeratedByAppInstanceUserCommand({ ChimeBearer: w.cy, MaxResults: 1 }),
    );
    expect(paged.Channels).toHaveLength(1);
    expect(paged.NextToken).toEqual(expect.any(String));

    const denied = await rejection(
      w.messaging.send(
        new ListChannelMembershipsForAppInstanceUserCommand({ ChimeBearer: w.bob, AppInstanceUserArn: w.cy }),
      ),
    );
    expect(denied).toBeInstanceOf(ForbiddenException);
    const notModerator = await rejection(
      w.messaging.send(
        new DescribeChannelModeratedByAppInstanceUserCommand({
          ChannelArn: a,
          ChimeBearer: w.cy,
          AppInstanceUserArn: w.cy,
        }),
      ),
    );
    expect(notModerator).toBeInstanceOf(BadRequestException);
  });
});

describe('Emulator, messaging: the session endpoint, streaming configurations and tags on channels', () => {
  it('GetMessagingSessionEndpoint answers an endpoint URL on loopback (no bearer: the model has none)', async () => {
    const out = await messagingClient('eu-central-1').send(new GetMessagingSessionEndpointCommand({}));
    expect(out.Endpoint?.Url).toBe('wss://127.0.0.1/messaging-session/eu-central-1');
  });

  it('Put/Get/DeleteMessagingStreamingConfigurations on an app instance; none put is a NotFoundException', async () => {
    const w = await world();
    const { AppInstanceArn } = w;
    expect(
      await rejection(w.messaging.send(new GetMessagingStreamingConfigurationsCommand({ AppInstanceArn }))),
    ).toBeInstanceOf(NotFoundException);
    const StreamingConfigurations = [
      {
        DataType: 'Channel' as const,
        ResourceArn: `arn:aws:kinesis:us-east-1:${EMULATOR_ACCOUNT_ID}:stream/channels`,
      },
      {
        DataType: 'ChannelMessage' as const,
        ResourceArn: `arn:aws:kinesis:us-east-1:${EMULATOR_ACCOUNT_ID}:stream/messages`,
      },
    ];
    const put = await w.messaging.send(
      new PutMessagingStreamingConfigurationsCommand({ AppInstanceArn, StreamingConfigurations }),
    );
    expect(put.StreamingConfigurations).toEqual(StreamingConfigurations);
    const got = await w.messaging.send(new GetMessagingStreamingConfigurationsCommand({ AppInstanceArn }));
    expect(got.StreamingConfigurations).toEqual(StreamingConfigurations);
    const duplicate = await rejection(
      w.messaging.send(
        new PutMessagingStreamingConfigurationsCommand({
          AppInstanceArn,
          StreamingConfigurations: [StreamingConfigurations[0]!, StreamingConfigurations[0]!],
        }),
      ),
    );
    expect(duplicate).toBeInstanceOf(BadRequestException);
    await w.messaging.send(new DeleteMessagingStreamingConfigurationsCommand({ AppInstanceArn }));
    expect(
      await rejection(w.messaging.send(new GetMessagingStreamingConfigurationsCommand({ AppInstanceArn }))),
    ).toBeInstanceOf(NotFoundException);
    const missingInstance = AppInstanceArn.replace(/[0-9a-f-]{36}$/, '00000000-0000-4000-8000-000000000000');
    expect(
      await rejection(
        w.messaging.send(
          new PutMessagingStreamingConfigurationsCommand({
            AppInstanceArn: missingInstance,
            StreamingConfigurations,
          }),
        ),
      ),
    ).toBeInstanceOf(NotFoundException);
    expect(
      await rejection(
        w.messaging.send(
          new DeleteMessagingStreamingConfigurationsCommand({ AppInstanceArn: missingInstance }),
        ),
      ),
    ).toBeInstanceOf(BadRequestException);
  });

  it('tags: CreateChannel’s Tags and the generic tag operations on a channel ARN, served by the messaging namespace', async () => {
    const w = await world();
    const ChannelArn = await channel(w, w.bob, { Tags: [{ Key: 'team', Value: 'blue' }] });
    await w.messaging.send(
      new TagResourceCommand({ ResourceARN: ChannelArn, Tags: [{ Key: 'tier', Value: 'gold' }] }),
    );
    const listed = await w.messaging.send(new ListTagsForResourceCommand({ ResourceARN: ChannelArn }));
    expect(listed.Tags).toEqual([
      { Key: 'team', Value: 'blue' },
      { Key: 'tier', Value: 'gold' },
    ]);
    await w.messaging.send(new UntagResourceCommand({ ResourceARN: ChannelArn, TagKeys: ['team'] }));
    expect(
      (await w.messaging.send(new ListTagsForResourceCommand({ ResourceARN: ChannelArn }))).Tags,
    ).toEqual([{ Key: 'tier', Value: 'gold' }]);
    const missing = await rejection(
      w.messaging.send(new ListTagsForResourceCommand({ ResourceARN: missingChannelArn(w) })),
    );
    expect(missing).toBeInstanceOf(BadRequestException);
  });
});
