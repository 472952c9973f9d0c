import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ChimeClient,
  CreateAppInstanceUserCommand,
  type RouteSetting,
  type ShimEvent,
} from '../../src/index.js';
import { type RouteContext, unleashBucket } from '../../src/routing/index.js';
import { EMULATOR_CREDENTIALS, RecordingHandler, useEmulator } from '../support/emulator.js';

const emulator = useEmulator();

afterEach(async () => {
  await OpenFeature.clearProviders();
});

/** A drop-in client whose every HTTP attempt and every event is recorded. */
function client(route: RouteSetting, extra: object = {}) {
  const requestHandler = new RecordingHandler();
  const events: ShimEvent[] = [];
  const chime = new ChimeClient({
    region: 'us-east-1',
    endpoint: emulator.current.endpoint,
    credentials: EMULATOR_CREDENTIALS,
    maxAttempts: 1,
    requestHandler,
    migration: { route, onEvent: (event: ShimEvent) => events.push(event), ...extra },
  });
  return { chime, sent: requestHandler.sent, events };
}

/**
 * The two routes are told apart on the wire: an eu-central-1 app instance is served in
 * eu-central-1 on the identity route, and in us-east-1 (where it does not exist) on the legacy one.
 */
async function createMany(route: RouteSetting, ids: readonly string[], extra: object = {}) {
  const { chime, sent, events } = client(route, extra);
  const AppInstanceArn = emulator.current.createAppInstance({ region: 'eu-central-1' });
  const outcomes: Array<'ok' | 'error'> = [];
  for (const AppInstanceUserId of ids) {
    outcomes.push(
      await chime
        .send(new CreateAppInstanceUserCommand({ AppInstanceArn, AppInstanceUserId, Name: 'Ada' }))
        .then(
          () => 'ok' as const,
          () => 'error' as const,
        ),
    );
  }
  chime.destroy();
  return { sent, events, outcomes };
}

const ids = Array.from({ length: 120 }, (_, i) => `user-${i}`);

describe('Configuration and rollout: each call makes exactly one backend call on exactly one route', () => {
  it('a 50% plan: one request per call, on the route its event names, in the bucket Unleash would give', async () => {
    const plan = { groupId: 'chime-identity-route', percentage: 50 };
    const { sent, events, outcomes } = await createMany(plan, ids);

    expect(sent).toHaveLength(ids.length);
    expect(events).toHaveLength(ids.length);
    ids.forEach((id, i) => {
      const bucket = unleashBucket(plan.groupId, id);
      const route = bucket <= 50 ? 'identity' : 'legacy';
      expect(events[i]).toMatchObject({ route, reason: `plan:bucket=${bucket}` });
      expect(sent[i]?.signingRegion).toBe(route === 'identity' ? 'eu-central-1' : 'us-east-1');
      // The legacy route cannot see an eu-central-1 app instance: that is how it shows on the wire.
      expect(outcomes[i]).toBe(route === 'identity' ? 'ok' : 'error');
    });
    const onIdentity = events.filter((event) => event.route === 'identity').length;
    expect(onIdentity).toBeGreaterThan(30);
    expect(onIdentity).toBeLessThan(90);
  });

  it('raising the percentage moves users from legacy to identity only', async () => {
    const at20 = await createMany({ groupId: 'g', percentage: 20 }, ids);
    emulator.current.reset();
    const at60 = await createMany({ groupId: 'g', percentage: 60 }, ids);
    ids.forEach((_, i) => {
      if (at20.events[i]?.route === 'identity') expect(at60.events[i]?.route).toBe('identity');
    });
    expect(at60.events.filter((e) => e.route === 'identity').length).toBeGreaterThan(
      at20.events.filter((e) => e.route === 'identity').length,
    );
  });

  it('a deny list wins: those users stay on legacy, with reason plan:deny', async () => {
    const { events, sent } = await createMany(
      {
        groupId: 'g',
        percentage: 100,
        allow: { AppInstanceUserIds: ['user-1'] },
        deny: { AppInstanceUserIds: ['user-1'] },
      },
      ['user-1', 'user-2'],
    );
    expect(events.map((e) => [e.route, e.reason])).toEqual([
      ['legacy', 'plan:deny'],
      ['identity', `plan:bucket=${unleashBucket('g', 'user-2')}`],
    ]);
    expect(sent.map((request) => request.signingRegion)).toEqual(['us-east-1', 'eu-central-1']);
  });

  it('a function route (async) decides per call', async () => {
    const route = async ({ AppInstanceUserId }: RouteContext) =>
      AppInstanceUserId?.endsWith('1') ? ('identity' as const) : ('legacy' as const);
    const { events, sent } = await createMany(route, ['user-1', 'user-2']);
    expect(events.map((e) => [e.route, e.reason])).toEqual([
      ['identity', 'function'],
      ['legacy', 'function'],
    ]);
    expect(sent).toHaveLength(2);
  });

  it('a function that throws never fails the call: one request on the default route, reason fallback:error', async () => {
    const { events, sent, outcomes } = await createMany(
      () => {
        throw new Error('flag store down');
      },
      ['user-1'],
      { defaultRoute: 'identity' },
    );
    expect(events).toEqual([
      expect.objectContaining({ route: 'identity', reason: 'fallback:error', outcome: 'success' }),
    ]);
    expect(sent).toHaveLength(1);
    expect(outcomes).toEqual(['ok']);
  });

  it('OpenFeature: the flag decides per user through the application’s provider', async () => {
    await OpenFeature.setProviderAndWait(
      new InMemoryProvider({
        'chime-identity-route': {
          variants: { on: 'identity', off: 'legacy' },
          defaultVariant: 'off',
          disabled: false,
          contextEvaluator: (context) => (context.targetingKey === 'user-1' ? 'on' : 'off'),
        },
      }),
    );
    const { events, sent } = await createMany({ openFeature: { flagKey: 'chime-identity-route' } }, [
      'user-1',
      'user-2',
    ]);
    expect(events.map((e) => e.route)).toEqual(['identity', 'legacy']);
    expect(events[0]?.reason).toMatch(/^openfeature:/);
    expect(sent.map((request) => request.signingRegion)).toEqual(['eu-central-1', 'us-east-1']);
  });

  it('OpenFeature with no provider: the configured default, and the event says why', async () => {
    const { events, sent } = await createMany(
      { openFeature: { flagKey: 'chime-identity-route' } },
      ['user-1'],
      { defaultRoute: 'legacy' },
    );
    expect(events).toEqual([
      expect.objectContaining({ route: 'legacy', reason: 'fallback:openfeature:NO_PROVIDER' }),
    ]);
    expect(sent).toHaveLength(1);
  });
});

describe('Rollout, every operation: the route context has the operation, the family and keys from ARN members', () => {
  const identityClient = () => ({
    send: async () => ({ $metadata: { httpStatusCode: 200, attempts: 1 } }),
  });
  const ARN = 'arn:aws:chime:eu-central-1:111122223333:app-instance/0a1b2c3d-aaaa-bbbb-cccc-000000000001';

  async function contextOf(call: (options: object) => Promise<unknown>): Promise<RouteContext> {
    let seen: RouteContext | undefined;
    await call({
      route: (context: RouteContext) => {
        seen = context;
        return 'identity';
      },
      identityClient: identityClient(),
    });
    return seen!;
  }

  it('a user ARN gives the user id and its app instance (DescribeAppInstanceUser)', async () => {
    const { describeAppInstanceUser } = await import('../../src/index.js');
    const context = await contextOf((options) =>
      describeAppInstanceUser({ AppInstanceUserArn: `${ARN}/user/user-7` }, options),
    );
    expect(context).toEqual({
      operation: 'DescribeAppInstanceUser',
      family: 'identity',
      AppInstanceUserId: 'user-7',
      AppInstanceArn: ARN,
      region: 'eu-central-1',
      serviceVersion: undefined,
    });
  });

  it('an input that names no user or app instance has neither, and the defaultRegion (ListAppInstances)', async () => {
    const { listAppInstances } = await import('../../src/index.js');
    const context = await contextOf((options) => listAppInstances({}, options));
    expect(context).toMatchObject({ operation: 'ListAppInstances', family: 'identity', region: 'us-east-1' });
    expect(context.AppInstanceUserId).toBeUndefined();
    expect(context.AppInstanceArn).toBeUndefined();
  });

  it('a tag operation is in the family that owns the resource (TagResource on a user)', async () => {
    const { tagResource } = await import('../../src/index.js');
    const context = await contextOf((options) =>
      tagResource({ ResourceARN: `${ARN}/user/u1`, Tags: [{ Key: 'k', Value: 'v' }] }, options),
    );
    // The resource's app instance is a key; a user is named by AppInstanceUserArn, ChimeBearer or MemberArn only.
    expect(context).toMatchObject({ operation: 'TagResource', family: 'identity', AppInstanceArn: ARN });
    expect(context.AppInstanceUserId).toBeUndefined();
  });
});

describe('Rollout plan, every operation: `operations` it covers, and calls without a stickiness key', () => {
  const stub = () => ({ send: async () => ({ $metadata: { httpStatusCode: 200, attempts: 1 } }) });

  async function decide(route: RouteSetting, call: (options: object) => Promise<unknown>) {
    const events: ShimEvent[] = [];
    await call({ route, identityClient: stub(), onEvent: (event: ShimEvent) => events.push(event) });
    return events.map(({ route: taken, reason }) => [taken, reason]);
  }

  const everyone = { groupId: 'g', percentage: 100, defaultRoute: 'legacy' } as const;

  it('a plan that names an operation covers it; other operations take the plan’s default route (plan:operation)', async () => {
    const shim = await import('../../src/index.js');
    const plan = { ...everyone, operations: ['CreateAppInstance'] };
    expect(await decide(plan, (options) => shim.createAppInstance({ Name: 'a' }, options))).toEqual([
      ['legacy', 'no-key'],
    ]);
    const arn = 'arn:aws:chime:us-east-1:111122223333:app-instance/0a1b2c3d-aaaa-bbbb-cccc-000000000001';
    const onUsers = { ...everyone, operations: ['DescribeAppInstanceUser'] };
    expect(
      await decide(onUsers, (options) =>
        shim.describeAppInstanceUser({ AppInstanceUserArn: `${arn}/user/u1` }, options),
      ),
    ).toEqual([['identity', expect.stringMatching(/^plan:bucket=\d+$/)]]);
    expect(await decide(plan, (options) => shim.listAppInstances({}, options))).toEqual([
      ['legacy', 'plan:operation'],
    ]);
  });

  it('a plan that names a family covers every operation of it', async () => {
    const shim = await import('../../src/index.js');
    const arn = 'arn:aws:chime:us-east-1:111122223333:app-instance/0a1b2c3d-aaaa-bbbb-cccc-000000000001';
    const plan = { ...everyone, operations: ['identity'] };
    expect(
      await decide(plan, (options) =>
        shim.describeAppInstanceUser({ AppInstanceUserArn: `${arn}/user/u1` }, options),
      ),
    ).toEqual([['identity', expect.stringMatching(/^plan:bucket=\d+$/)]]);
  });

  it('a call that names no stickiness key takes the plan’s default route with reason no-key', async () => {
    const shim = await import('../../src/index.js');
    expect(await decide(everyone, (options) => shim.listAppInstances({}, options))).toEqual([
      ['legacy', 'no-key'],
    ]);
    // With AppInstanceArn stickiness, a user ARN's app instance is the key.
    const arn = 'arn:aws:chime:us-east-1:111122223333:app-instance/0a1b2c3d-aaaa-bbbb-cccc-000000000001';
    const byArn = { ...everyone, stickiness: 'AppInstanceArn' } as const;
    expect(
      await decide(byArn, (options) =>
        shim.describeAppInstanceUser({ AppInstanceUserArn: `${arn}/user/u1` }, options),
      ),
    ).toEqual([['identity', `plan:bucket=${unleashBucket('g', arn)}`]]);
  });

  it('a plan naming what is neither a removed operation nor a family is refused where it is given', async () => {
    const shim = await import('../../src/index.js');
    expect(() =>
      shim.configureChimeIdentityShim({ route: { ...everyone, operations: ['CreateChanel'] } }),
    ).toThrow(
      "configureChimeIdentityShim(options).route.operations[0] must name a removed operation (CreateChannel) or a family (identity, messaging, meetings, voice, mediaPipelines), got 'CreateChanel'",
    );
  });
});
