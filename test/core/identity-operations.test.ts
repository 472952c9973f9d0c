import { describe, expect, it } from 'vitest';
import * as Shim from '../../src/index.js';
import { OPERATIONS } from '../../src/operations/generated/index.js';
import { RecordingHandler, useEmulator } from '../support/emulator.js';
import { FLOW_OPERATIONS, runIdentityFlow } from '../support/identity-flow.js';
import { useShimOnEmulator } from '../support/shim-surfaces.js';

const emulator = useEmulator();
const { clientConfig, surfaces: shimSurfaces } = useShimOnEmulator(emulator);

const migration = { defaultRegion: 'eu-central-1' } as const;
const surfaces = shimSurfaces(migration);

describe('Every removed operation, identity family: every surface serves the calls a legacy service makes', () => {
  it('the flow calls every identity operation and the tag operations', () => {
    const identity = Object.values(OPERATIONS)
      .filter(({ family }) => family === 'identity' || family === 'tagging')
      .map(({ name }) => name);
    expect([...FLOW_OPERATIONS].sort()).toEqual(identity.sort());
  });

  it.each(surfaces)('%s', async (_name, surface) => {
    const ran = await runIdentityFlow(surface());
    expect(ran.length).toBeGreaterThanOrEqual(FLOW_OPERATIONS.size);
    // Served by Chime SDK Identity in the app instance's region, one request per call but the
    // documented read-back of UpdateAppInstance and UpdateAppInstanceUser without Metadata.
    const requests = emulator.current.requests();
    expect(new Set(requests.map(({ region }) => region))).toEqual(new Set(['eu-central-1']));
    expect(requests.map(({ operation }) => operation)).toEqual(
      ran.flatMap((operation) =>
        operation === 'UpdateAppInstanceUser'
          ? ['DescribeAppInstanceUser', operation]
          : operation === 'UpdateAppInstance'
            ? ['DescribeAppInstance', operation]
            : [operation],
      ),
    );
  });
});

describe('Surfaces 1: 3.699’s no-argument forms, where the request has no required member', () => {
  it('new ListAppInstancesCommand() and chime.listAppInstances() send an empty request', async () => {
    const chime = new Shim.Chime(clientConfig());
    const AppInstanceArn = emulator.current.createAppInstance();
    const viaCommand = await chime.send(new Shim.ListAppInstancesCommand());
    const viaMethod = await chime.listAppInstances();
    for (const output of [viaCommand, viaMethod]) {
      expect(output.AppInstances?.map((instance) => instance.AppInstanceArn)).toEqual([AppInstanceArn]);
    }
    chime.destroy();
  });
});

describe('Every removed operation: paginators as 3.699 exported them', () => {
  it('paginateListAppInstanceUsers pages through every user with the shim’s ChimeClient', async () => {
    const client = new Shim.ChimeClient(clientConfig());
    const AppInstanceArn = emulator.current.createAppInstance();
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      await client.send(
        new Shim.CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: id, Name: id }),
      );
    }

    const pages = [];
    for await (const page of Shim.paginateListAppInstanceUsers({ client, pageSize: 2 }, { AppInstanceArn })) {
      pages.push(
        page.AppInstanceUsers?.map(({ AppInstanceUserArn }) => AppInstanceUserArn?.split('/').at(-1)),
      );
    }

    expect(pages).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    client.destroy();
  });

  it('refuses a client that is not a ChimeClient, as the SDK’s paginators do', async () => {
    const pages = Shim.paginateListAppInstances({ client: {} as Shim.ChimeClient }, {});
    await expect(pages.next()).rejects.toThrow('Invalid client, expected instance of ChimeClient');
  });
});

describe('Behaviour of one call, every operation: events name the operation and the family', () => {
  it('one event per call; the Metadata read-back of UpdateAppInstanceUser is visible in it', async () => {
    const events: Shim.ShimEvent[] = [];
    const client = new Shim.ChimeClient(
      clientConfig({ migration: { onEvent: (event: Shim.ShimEvent) => events.push(event) } }),
    );
    const AppInstanceArn = emulator.current.createAppInstance();
    const { AppInstanceUserArn } = await client.send(
      new Shim.CreateAppInstanceUserCommand({
        AppInstanceArn,
        AppInstanceUserId: 'u1',
        Name: 'Ada',
        Metadata: 'kept',
      }),
    );

    await client.send(new Shim.UpdateAppInstanceUserCommand({ AppInstanceUserArn, Name: 'Ada L.' }));

    expect(events.map(({ operation, family, translation }) => [operation, family, translation])).toEqual([
      ['CreateAppInstanceUser', 'identity', undefined],
      ['UpdateAppInstanceUser', 'identity', 'metadata-read-back'],
    ]);
    expect(emulator.current.users(AppInstanceArn)[0]).toMatchObject({ Name: 'Ada L.', Metadata: 'kept' });
    client.destroy();
  });

  it('with Metadata given, UpdateAppInstanceUser sends it: no read', async () => {
    const client = new Shim.ChimeClient(clientConfig());
    const AppInstanceArn = emulator.current.createAppInstance();
    const AppInstanceUserArn = `${AppInstanceArn}/user/u1`;
    await client.send(
      new Shim.CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId: 'u1', Name: 'n' }),
    );
    const before = emulator.current.requests().length;

    await client.send(new Shim.UpdateAppInstanceUserCommand({ AppInstanceUserArn, Name: 'n', Metadata: '' }));

    expect(
      emulator.current
        .requests()
        .slice(before)
        .map(({ operation }) => operation),
    ).toEqual(['UpdateAppInstanceUser']);
    client.destroy();
  });
});

describe('Routes, every operation: the legacy route is us-east-1, whatever the ARN says', () => {
  it('legacy route on a current SDK: the family client in us-east-1, signed for us-east-1', async () => {
    const requestHandler = new RecordingHandler();
    const client = new Shim.ChimeClient(clientConfig({ requestHandler, migration: { route: 'legacy' } }));
    const AppInstanceArn = emulator.current.createAppInstance({ region: 'us-east-1' });

    await client.send(new Shim.DescribeAppInstanceCommand({ AppInstanceArn }));

    expect(requestHandler.sent[0]).toMatchObject({ signingRegion: 'us-east-1' });
    expect(requestHandler.sent[0]!.headers['user-agent']).toContain('api/chime-sdk-identity#');
    client.destroy();
  });
});
