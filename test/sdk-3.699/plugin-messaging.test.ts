/**
 * In this project `@aws-sdk/client-chime` resolves to the real 3.699.0 package (vitest.config.ts):
 * a chat service pinned to it, with its own commands for every messaging operation AWS later
 * removed, plus one plugin line.
 */
import * as Pinned from 'legacy-chime';
import { afterEach, describe, expect, it } from 'vitest';
import { chimeIdentityMigration, type ShimEvent, type ShimOptions } from '../../src/index.js';
import { EMULATOR_CREDENTIALS, RecordingHandler, useEmulator } from '../support/emulator.js';
import { MESSAGING_FLOW_OPERATIONS, messagingAdminArn, runMessagingFlow } from '../support/messaging-flow.js';

const emulator = useEmulator();
const commands = Pinned as unknown as Record<string, new (input: object) => any>;
const clients: { destroy(): void }[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

function pinnedClient(options: ShimOptions) {
  const requestHandler = new RecordingHandler();
  const events: ShimEvent[] = [];
  const client = new Pinned.ChimeClient({
    region: 'us-east-1',
    endpoint: emulator.current.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    // The legacy client prepends `messaging-` to a custom endpoint's host unless told not to.
    disableHostPrefix: true,
    maxAttempts: 1,
    requestHandler,
  });
  client.middlewareStack.use(chimeIdentityMigration({ onEvent: (event) => events.push(event), ...options }));
  clients.push(client);
  const surface = (operation: string, input: object) =>
    client.send(new commands[`${operation}Command`]!(input));
  return { client, surface, sent: requestHandler.sent, events };
}

/** An app instance in eu-central-1 with its admin and a member, made through the pinned client. */
async function chat(route: 'identity' | 'legacy' = 'identity') {
  const AppInstanceArn = emulator.current.createAppInstance({ region: 'eu-central-1' });
  const admin = messagingAdminArn(AppInstanceArn);
  const pinned = pinnedClient({ route, defaultRegion: 'eu-central-1', chimeBearer: admin });
  const setup = pinnedClient({ route: 'identity' });
  for (const id of ['admin', 'bob']) {
    await setup.client.send(
      new Pinned.CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: id, Name: id }),
    );
  }
  await setup.client.send(
    new Pinned.CreateAppInstanceAdminCommand({ AppInstanceArn, AppInstanceAdminArn: admin }),
  );
  return { ...pinned, AppInstanceArn, admin, bob: `${AppInstanceArn}/user/bob` };
}

describe('Surfaces 2, every removed operation: the plugin reroutes the pinned client’s own messaging commands', () => {
  it('identity route: each of the client’s own commands is served by Chime SDK Messaging in the ARN’s region', async () => {
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'eu-central-1' });
    const { surface, sent, events } = pinnedClient({
      route: 'identity',
      defaultRegion: 'eu-central-1',
      chimeBearer: messagingAdminArn(AppInstanceArn),
    });

    const { ran, served } = await runMessagingFlow(surface, AppInstanceArn);

    expect(new Set(ran)).toEqual(MESSAGING_FLOW_OPERATIONS);
    expect(emulator.current.requests().map(({ operation }) => operation)).toEqual(served);
    expect(sent.every(({ signingRegion }) => signingRegion === 'eu-central-1')).toBe(true);
    const messaging = sent.filter(({ headers }) =>
      headers['user-agent']?.includes('api/chime-sdk-messaging#'),
    );
    // Every request but the identity set-up (3 users and an admin) went through the messaging client.
    expect(messaging).toHaveLength(sent.length - 4);
    expect(events.map(({ operation }) => operation)).toEqual(ran);
    expect(events.every(({ route }) => route === 'identity')).toBe(true);
  });

  it('3.699’s own paginator, paginateListChannelMessages, pages through the shim', async () => {
    const { client, AppInstanceArn, bob } = await chat();
    const { ChannelArn } = await client.send(new Pinned.CreateChannelCommand({ AppInstanceArn, Name: 'c' }));
    await client.send(
      new Pinned.CreateChannelMembershipCommand({ ChannelArn, MemberArn: bob, Type: 'DEFAULT' }),
    );
    for (const Content of ['one', 'two', 'three']) {
      await client.send(
        new Pinned.SendChannelMessageCommand({
          ChannelArn,
          Content,
          Type: Pinned.ChannelMessageType.STANDARD,
          Persistence: Pinned.ChannelMessagePersistenceType.PERSISTENT,
          ChimeBearer: bob,
        }),
      );
    }
    const pages: (string | undefined)[][] = [];
    for await (const page of Pinned.paginateListChannelMessages(
      { client, pageSize: 2 },
      { ChannelArn, ChimeBearer: bob, SortOrder: Pinned.SortOrder.ASCENDING },
    )) {
      pages.push((page.ChannelMessages ?? []).map(({ Content }) => Content));
    }
    expect(pages).toEqual([['one', 'two'], ['three']]);
  });

  it('legacy route: the client’s own command, untouched (its host path, us-east-1 signing, its user agent)', async () => {
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'us-east-1' });
    const setup = pinnedClient({ route: 'identity' });
    await setup.client.send(
      new Pinned.CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u', Name: 'u' }),
    );
    const { client, sent, events } = pinnedClient({ route: 'legacy' });
    const ChimeBearer = `${AppInstanceArn}/user/u`;

    const { ChannelArn } = await client.send(
      new Pinned.CreateChannelCommand({ AppInstanceArn, Name: 'c', ChimeBearer }),
    );

    expect(ChannelArn).toMatch(/^arn:aws:chime:us-east-1:/);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ signingRegion: 'us-east-1', path: '/channels' });
    expect(sent[0]!.headers['user-agent']).toContain('api/chime#3.699.0');
    expect(sent[0]!.headers['x-amz-chime-bearer']).toBe(ChimeBearer);
    expect(events).toEqual([
      expect.objectContaining({ operation: 'CreateChannel', route: 'legacy', outcome: 'success' }),
    ]);
  });

  it('legacy route: a bearer left out is filled from the chimeBearer option before the client’s own command runs', async () => {
    const { client, sent, AppInstanceArn, admin } = await chat('legacy');
    sent.length = 0;
    // The app instance is in eu-central-1; the legacy namespace signed everything for us-east-1.
    const error = await client.send(new Pinned.ListChannelsCommand({ AppInstanceArn })).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(sent[0]!.headers['x-amz-chime-bearer']).toBe(admin);
    expect(sent[0]!.signingRegion).toBe('us-east-1');
    expect(error).toBeInstanceOf(Pinned.BadRequestException);
  });

  it('service errors arrive as the pinned client’s own classes (ForbiddenException for a bearer outside the app instance)', async () => {
    const { client, AppInstanceArn } = await chat();
    const other = emulator.current.createAppInstance({ region: 'eu-central-1' });
    const { ChannelArn } = await client.send(new Pinned.CreateChannelCommand({ AppInstanceArn, Name: 'c' }));
    const error = await client
      .send(new Pinned.DescribeChannelCommand({ ChannelArn, ChimeBearer: `${other}/user/nobody` }))
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(Pinned.ForbiddenException);
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 403 } });
  });
});
